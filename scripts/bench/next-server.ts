import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { run } from "../lib/run";

/** Each app runs its own `next`, from its node_modules, so that Next and the app share one React. */
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

/** `next start` of the app in `appDir` on 127.0.0.1:port; resolves once it answers 200. */
export async function startNextServer(appDir: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: appDir,
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`next start ${appDir} did not answer on port ${port}.`);
}

/** `next build` of the app in `appDir`. */
export async function buildNextApp(appDir: string): Promise<void> {
  const code = await run(process.execPath, [NEXT_BIN, "build"], { cwd: appDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (code !== 0) throw new Error(`next build ${appDir} failed with exit code ${code}`);
}
