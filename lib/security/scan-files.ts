import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { scanText, type ScanOptions, type SecretFinding } from "./secret-scan";

/** Every file under `dir` whose name ends with one of `extensions`, recursively (paths relative to `dir`). */
export function listFiles(dir: string, extensions: readonly string[]): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

export interface BundleScan {
  files: number;
  bytes: number;
  findings: SecretFinding[];
}

/** Scans the built client bundle (`.next/static`): every script, stylesheet and source map the browser can fetch. */
export function scanClientBundle(staticDir: string, options: ScanOptions = {}): BundleScan {
  const files = listFiles(staticDir, [".js", ".mjs", ".css", ".map", ".json", ".txt", ".html"]);
  let bytes = 0;
  const findings: SecretFinding[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(staticDir, file), "utf8");
    bytes += text.length;
    findings.push(...scanText(path.join(".next/static", file), text, options));
  }
  return { files: files.length, bytes, findings };
}
