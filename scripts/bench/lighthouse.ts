import { execFile } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../lib/chromium";
import { pageLoadTasks, type PageLoadTasks, type TraceEvent } from "./long-tasks";

const MAX_ATTEMPTS = 3;

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  metrics: { fcpMs: number | null; lcpMs: number | null; tbtMs: number | null; cls: number | null; siMs: number | null };
  lcpElement: string | null;
  /** Weighted audits that did not pass, as "id (score)". */
  failing: string[];
  mainThread: { group: string; ms: number }[];
  scripts: { url: string; scriptingMs: number; parseMs: number }[];
  longTasks: { url: string; startMs: number; ms: number }[];
  /** The long tasks of the trace Lighthouse scored, at 1×, with what is inside them. */
  trace: PageLoadTasks;
}

/**
 * Lighthouse (mobile, default throttling) on a page; with `signedIn`, on a console page as an admin signed in
 * at the emulator, once `ready` (a selector) shows the page's Graph data. Runs in a plain `node` child (lighthouse-run.mjs explains why not under tsx).
 */
export async function runLighthouse(url: string, signedIn?: { emulatorUrl: string; ready: string }): Promise<LighthouseScores> {
  const script = path.join(process.cwd(), "scripts", "bench", "lighthouse-run.mjs");
  // BENCH_LIGHTHOUSE_TRACE=<file> keeps the (last) trace; DevTools' Performance panel opens it.
  const traceFile = process.env.BENCH_LIGHTHOUSE_TRACE ?? path.join(tmpdir(), `bench-lighthouse-trace-${process.pid}.json`);
  const input = JSON.stringify({ url, emulatorUrl: signedIn?.emulatorUrl, ready: signedIn?.ready, chromiumPath: CHROMIUM_PATH, chromiumArgs: CHROMIUM_ARGS, traceFile });
  for (let attempt = 1; ; attempt++) {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [script, input], { maxBuffer: 16 * 1024 * 1024, timeout: 300_000 });
      const line = stdout.trim().split("\n").at(-1);
      if (!line) throw new Error("Lighthouse printed nothing.");
      const { traceEvents } = JSON.parse(readFileSync(traceFile, "utf8")) as { traceEvents: TraceEvent[] };
      if (!process.env.BENCH_LIGHTHOUSE_TRACE) rmSync(traceFile);
      return { ...(JSON.parse(line) as Omit<LighthouseScores, "trace">), trace: pageLoadTasks(traceEvents, url) };
    } catch (error) {
      // Lighthouse's own advice for a trace it could not record (NO_NAVSTART, NO_FCP…): run it again.
      if (attempt >= MAX_ATTEMPTS || !String(error).includes("Please run Lighthouse again")) throw error;
      console.log(`Lighthouse could not record ${url} (attempt ${attempt}); running it again.`);
    }
  }
}

/** Several Lighthouse runs of one page: the run with the median performance score, the median TBT, and every run's score and TBT. */
export function medianLighthouse(results: LighthouseScores[]): { median: LighthouseScores; tbtMs: number; scores: number[]; tbts: number[] } {
  const tbts = results.map((result) => result.metrics.tbtMs ?? 0);
  const middle = <T>(sorted: T[]) => sorted[Math.floor((sorted.length - 1) / 2)];
  const byScore = [...results].sort((a, b) => a.performance - b.performance);
  return { median: middle(byScore), tbtMs: middle([...tbts].sort((a, b) => a - b)), scores: results.map((result) => result.performance), tbts };
}
