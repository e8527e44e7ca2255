import { copyFileSync, cpSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildNextApp, startNextServer } from "../lib/next-server";
import type { ServedChild } from "../lib/served-child";

const TEMPLATE = path.join("scripts", "bench", "bare-next-app");

/** Hard links (copies across file systems) of every file under `from`, so another app uses our exact packages. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/**
 * Builds and starts scripts/bench/bare-next-app (a page with no client component and no CSS) with our
 * Next.js and React, runs `measure` against it, and removes it. It is built in a temporary directory outside
 * the repository: Turbopack takes proxy.ts and instrumentation.ts from its root (the directory of the
 * nearest lockfile), so a build inside the repository would run the console's.
 */
export async function withBareNextApp<T>(port: number, measure: (url: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bare-next-app-"));
  let server: ServedChild | undefined;
  try {
    cpSync(TEMPLATE, dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bare-next-app", private: true }));
    linkTree("node_modules", path.join(dir, "node_modules"));
    await buildNextApp(dir);
    server = await startNextServer(dir, port);
    return await measure(`http://127.0.0.1:${port}/`);
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
