import path from "node:path";
import { run } from "./run";
import { startServedChild, type ServedChild } from "./served-child";

/** Each app runs its own `next`, from its node_modules, so that Next and the app share one React. */
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

export interface NextServerOptions {
  /** Names it in error messages and echoed output. */
  name?: string;
  /** Also print its output, each line prefixed with its name. */
  echo?: boolean;
}

/** `next start` of the built app in `appDir` on 127.0.0.1:port; resolves once it answers. */
export function startNextServer(appDir: string, port: number, env: Record<string, string | undefined> = {}, options: NextServerOptions = {}): Promise<ServedChild> {
  return startServedChild(options.name ?? `next start ${appDir}`, process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: appDir,
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    readyUrl: `http://127.0.0.1:${port}/`,
    echo: options.echo,
  });
}

/** `next build` of the app in `appDir`. */
export async function buildNextApp(appDir: string): Promise<void> {
  const code = await run(process.execPath, [NEXT_BIN, "build"], { cwd: appDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (code !== 0) throw new Error(`next build ${appDir} failed with exit code ${code}`);
}
