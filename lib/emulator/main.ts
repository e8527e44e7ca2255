import { emulatorOptionsFromEnv } from "./options-from-env";
import { startEmulator } from "./server";

/** `npm run emulator`: the Graph emulator alone (see options-from-env for its variables). */
async function main(): Promise<void> {
  const options = emulatorOptionsFromEnv();
  const emulator = await startEmulator(options).catch((error: NodeJS.ErrnoException) => {
    console.error(`Graph emulator failed to start: ${error.code ?? ""} ${error.message}`);
    process.exit(1);
  });

  console.log(`Graph emulator listening on ${emulator.url}`);
  // Browsers may call it only from its own origin and the console's (lib/emulator/http/access.ts).
  if (options.consoleOrigin === undefined)
    console.log("No EMULATOR_CONSOLE_ORIGIN: web pages may call it only from its own origin (set EMULATOR_CONSOLE_ORIGIN=http://127.0.0.1:3000 for a console there).");

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
