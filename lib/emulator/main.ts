import { startEmulator } from "./server";

/** `npm run emulator`: EMULATOR_PORT (4010), EMULATOR_HOST (127.0.0.1), EMULATOR_SCALE, EMULATOR_CLOCK_SPEED. */
function numberFromEnv(name: string, fallback?: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`${name} must be a non-negative number (got '${raw}').`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
const emulator = await startEmulator({
  port: numberFromEnv("EMULATOR_PORT", 4010),
  host: process.env.EMULATOR_HOST || "127.0.0.1",
  scale: numberFromEnv("EMULATOR_SCALE", 0),
  clockSpeed: numberFromEnv("EMULATOR_CLOCK_SPEED"),
}).catch((error: NodeJS.ErrnoException) => {
  console.error(`Graph emulator failed to start: ${error.code ?? ""} ${error.message}`);
  process.exit(1);
});

console.log(`Graph emulator listening on ${emulator.url}`);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void emulator.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
}

void main();
