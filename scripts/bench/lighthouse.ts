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
 * Lighthouse (mobile, default throttling) on a console page as a signed-in admin. Runs in a plain `node`
 * child (lighthouse-run.mjs explains why not under tsx).
 */
export async function lighthouseSignedIn(url: string, emulatorUrl: string): Promise<LighthouseScores> {
  const script = path.join(process.cwd(), "scripts", "bench", "lighthouse-run.mjs");
  const input = JSON.stringify({ url, emulatorUrl, chromiumPath: CHROMIUM_PATH, chromiumArgs: CHROMIUM_ARGS });
  const { stdout } = await promisify(execFile)(process.execPath, [script, input], { maxBuffer: 16 * 1024 * 1024, timeout: 300_000 });
  const line = stdout.trim().split("\n").at(-1);
  if (!line) throw new Error("Lighthouse printed nothing.");
  return JSON.parse(line) as LighthouseScores;
}
