/** `npm run dev`: the console in development mode (hot reload), with the embedded emulator unless ENTRA_CLIENT_ID is set. */
import path from "node:path";
import { spawn } from "node:child_process";
import { superviseChildren } from "./lib/run";
import { startEmbeddedEmulator } from "./lib/embedded";
import { exitOnConfigError } from "../lib/config/startup-check";

async function main(): Promise<void> {
  const port = process.env.PORT ?? "3000";
  const embedded = await startEmbeddedEmulator(`http://127.0.0.1:${port}`); // next serves there (-H 127.0.0.1)
  exitOnConfigError({ ...process.env, ...embedded?.consoleEnv });
  const next = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "dev", "-H", "127.0.0.1", "-p", port],
    { stdio: "inherit", env: { ...process.env, ...embedded?.consoleEnv, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  superviseChildren([next]);
  next.on("exit", () => void embedded?.close());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
