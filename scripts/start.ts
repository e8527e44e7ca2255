/**
 * `npm start`: builds the console when its sources changed, then serves it on http://127.0.0.1:$PORT.
 * Without ENTRA_CLIENT_ID it also runs the embedded Graph emulator and points the console at it.
 */
import path from "node:path";
import { spawn } from "node:child_process";
import { buildIfNeeded } from "./lib/build-if-needed";
import { superviseChildren } from "./lib/run";
import { startEmbeddedEmulator } from "./lib/embedded";
import { exitOnConfigError } from "../lib/config/startup-check";

async function main(): Promise<void> {
  await buildIfNeeded();
  const port = process.env.PORT ?? "3000";
  const embedded = await startEmbeddedEmulator();
  exitOnConfigError({ ...process.env, ...embedded?.consoleEnv });
  const next = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", port],
    { stdio: "inherit", env: { ...process.env, ...embedded?.consoleEnv, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  superviseChildren([next]);
  next.on("exit", () => void embedded?.close());
  console.log(`Provisioning Console: http://127.0.0.1:${port}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
