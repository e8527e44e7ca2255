import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../lib/chromium";

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  metrics: { fcpMs: number | null; lcpMs: number | null; tbtMs: number | null; cls: number | null; siMs: number | null };
  lcpElement: string | null;
  /** Weighted audits that did not pass, as "id (score)". */
  failing: string[];
}

/**
 * Lighthouse (mobile, default throttling) on a page; with `emulatorUrl`, on a console page as an admin
 * signed in there. Runs in a plain `node` child (lighthouse-run.mjs explains why not under tsx).
 */
export async function runLighthouse(url: string, emulatorUrl?: string): Promise<LighthouseScores> {
  const script = path.join(process.cwd(), "scripts", "bench", "lighthouse-run.mjs");
  const input = JSON.stringify({ url, emulatorUrl, chromiumPath: CHROMIUM_PATH, chromiumArgs: CHROMIUM_ARGS });
  const { stdout } = await promisify(execFile)(process.execPath, [script, input], { maxBuffer: 16 * 1024 * 1024, timeout: 300_000 });
  const line = stdout.trim().split("\n").at(-1);
  if (!line) throw new Error("Lighthouse printed nothing.");
  return JSON.parse(line) as LighthouseScores;
}

/** The run with the median performance score of `runs` Lighthouse runs, and every run's score. */
export async function medianLighthouse(runs: number, once: () => Promise<LighthouseScores>): Promise<{ median: LighthouseScores; scores: number[] }> {
  const results: LighthouseScores[] = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  results.sort((a, b) => a.performance - b.performance);
  return { median: results[Math.floor((results.length - 1) / 2)], scores: results.map((result) => result.performance) };
}
