import { emulatorOptionsFromEnv } from "./options-from-env";
import { startEmulator } from "./server";

/** `npm run emulator`: the Graph emulator alone (see options-from-env for its variables). */
async function main(): Promise<void> {
  const emulator = await startEmulator(emulatorOptionsFromEnv()).catch((error: NodeJS.ErrnoException) => {
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
