/**
 * `npm start`: builds the console when its sources changed, then serves it on http://127.0.0.1:$PORT.
 * Without ENTRA_CLIENT_ID it also runs the embedded Graph emulator and points the console at it.
 */
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { buildIfNeeded } from "./lib/build-if-needed";
import { superviseChildren } from "./lib/run";
import { startEmbeddedEmulator } from "./lib/embedded";
import { exitOnConfigError } from "../lib/config/startup-check";

/**
 * With CONSOLE_LOG_FILE set (the e2e run), everything this process and `next start` print also goes to
 * that file, so tests can prove no token reaches the server's logs (e2e/token-hygiene.spec.ts).
 */
function teeOutput(file: string | undefined): ((child: ChildProcess) => void) | undefined {
  if (!file) return undefined;
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const log = createWriteStream(file, { flags: "w" });
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      log.write(chunk as string);
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
  return (child) => {
    child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(chunk));
    child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  };
}

async function main(): Promise<void> {
  const tee = teeOutput(process.env.CONSOLE_LOG_FILE);
  await buildIfNeeded();
  const port = process.env.PORT ?? "3000";
  const embedded = await startEmbeddedEmulator(`http://127.0.0.1:${port}`); // next serves there (-H 127.0.0.1)
  exitOnConfigError({ ...process.env, ...embedded?.consoleEnv });
  const next = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", port],
    { stdio: tee ? ["inherit", "pipe", "pipe"] : "inherit", env: { ...process.env, ...embedded?.consoleEnv, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  tee?.(next);
  superviseChildren([next]);
  next.on("exit", () => void embedded?.close());
  console.log(`Provisioning Console: http://127.0.0.1:${port}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
