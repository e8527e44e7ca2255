import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where each test runner leaves its counts so `npm test` can print one closing line for all of them. */
export const SUMMARY_DIR = path.join(process.cwd(), ".test-summary");

export interface RunnerCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export function closingLine(counts: RunnerCounts, label?: string): string {
  const line = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
  return label ? `${label}: ${line}` : line;
}

export function writeRunnerCounts(runner: string, counts: RunnerCounts): void {
  mkdirSync(SUMMARY_DIR, { recursive: true });
  writeFileSync(path.join(SUMMARY_DIR, `${runner}.json`), JSON.stringify(counts));
}

export function clearRunnerCounts(): void {
  rmSync(SUMMARY_DIR, { recursive: true, force: true });
}

export function readRunnerCounts(): Record<string, RunnerCounts> {
  let files: string[] = [];
  try {
    files = readdirSync(SUMMARY_DIR).filter((file) => file.endsWith(".json"));
  } catch {
    return {};
  }
  return Object.fromEntries(
    files.map((file) => [path.basename(file, ".json"), JSON.parse(readFileSync(path.join(SUMMARY_DIR, file), "utf8"))]),
  );
}
