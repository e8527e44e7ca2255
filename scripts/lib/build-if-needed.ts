import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { run } from "./run";

const ROOT = process.cwd();
const FINGERPRINT_FILE = path.join(ROOT, ".next", "source-fingerprint");
const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = ["next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts"];
const IGNORED = new Set(["emulator", "node_modules"]);

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (IGNORED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (!/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

/** A hash of everything that goes into the console build (contents, not mtimes: a fresh clone has new mtimes). */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const files = [...SOURCE_DIRS.flatMap((dir) => [...walk(path.join(ROOT, dir))]), ...SOURCE_FILES.map((f) => path.join(ROOT, f))];
  for (const file of files.sort()) {
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    hash.update(path.relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** Runs `next build` unless the last build was made from exactly these sources. */
export async function buildIfNeeded(): Promise<void> {
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(FINGERPRINT_FILE);
  if (built && readFileSync(FINGERPRINT_FILE, "utf8") === fingerprint) {
    console.log("Console build is up to date.");
    return;
  }
  console.log("Building the console (next build)...");
  const code = await run(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  writeFileSync(FINGERPRINT_FILE, fingerprint);
}
