/**
 * Lighthouse (mobile, default throttling) on a page as a plain Node program: a console page as a signed-in
 * admin when `emulatorUrl` is given, any other page as it is.
 * Set BENCH_LIGHTHOUSE_REPORT=<file> to also write the full report (JSON) there.
 * Usage: node scripts/bench/lighthouse-run.mjs '{"url","emulatorUrl"?,"ready"?,"chromiumPath","chromiumArgs","traceFile"?}'  → prints one JSON line.
 * `ready`: the CSS selector that says the signed-in page has shown its Graph data (default: a job card).
 * `traceFile`: where to write the trace Lighthouse scored (its `Trace` artifact).
 * (scripts/bench/lighthouse.ts runs it.)
 *
 * Plain JavaScript run by `node`, not by tsx, on purpose: tsx compiles every module it loads (Lighthouse's
 * included) with esbuild's keepNames, which wraps functions in `__name(...)`; Lighthouse serialises its
 * page functions with toString() and evaluates them in the page, where `__name` does not exist
 * ("ReferenceError: __name is not defined").
 *
 * Sign in with MSAL in a tab, then let Lighthouse navigate that same tab without resetting storage
 * (MSAL's cache is in sessionStorage). Either way the page has loaded twice before Lighthouse loads it:
 * Chromium uses a script's V8 code cache from its third load on.
 */
import { writeFileSync } from "node:fs";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";
const { url, emulatorUrl, ready = '[data-testid="job-status-card"]', chromiumPath, chromiumArgs, traceFile } = JSON.parse(process.argv[2] ?? "{}");
if (!url || !chromiumPath) {
  console.error('usage: node scripts/bench/lighthouse-run.mjs \'{"url":…,"emulatorUrl":…,"chromiumPath":…,"chromiumArgs":[…]}\' (emulatorUrl: sign in first)');
  process.exit(2);
}

const browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs ?? [], headless: true });
try {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: "networkidle0" });
  if (emulatorUrl) {
    await Promise.all([page.waitForNavigation(), page.locator("button ::-p-text(Sign in)").click()]);
    await Promise.all([page.waitForNavigation(), page.locator('button[data-persona="admin"]').click()]);
    // Polled from Node: the console's CSP refuses the eval a page-side wait would need.
    while (page.url().startsWith(emulatorUrl) || new URL(page.url()).pathname.startsWith("/auth/bridge")) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await page.waitForSelector(ready, { timeout: 120_000 });
  } else {
    await page.goto(url, { waitUntil: "networkidle0" });
  }
  const result = await lighthouse(
    url,
    { disableStorageReset: true, onlyCategories: ["performance", "accessibility", "best-practices"], logLevel: "error" },
    undefined,
    page,
  );
  const lhr = result?.lhr;
  if (!lhr) throw new Error("Lighthouse returned no result.");
  // The whole report, for digging into a score: BENCH_LIGHTHOUSE_REPORT=/tmp/lhr.json npm run bench -- --row lighthouse
  if (process.env.BENCH_LIGHTHOUSE_REPORT) writeFileSync(process.env.BENCH_LIGHTHOUSE_REPORT, JSON.stringify(lhr));
  if (traceFile) writeFileSync(traceFile, JSON.stringify(result.artifacts.Trace));
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  const failing = Object.values(lhr.categories)
    .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => lhr.audits[ref.id]))
    .filter((audit) => audit && audit.score !== null && audit.score < 1)
    .map((audit) => `${audit.id} (${audit.score})`);
  console.log(
    JSON.stringify({
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      metrics: {
        fcpMs: metric("first-contentful-paint"),
        lcpMs: metric("largest-contentful-paint"),
        tbtMs: metric("total-blocking-time"),
        cls: metric("cumulative-layout-shift"),
        siMs: metric("speed-index"),
      },
      lcpElement: lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
      failing,
      finalUrl: lhr.finalDisplayedUrl,
      // Where the main thread's time went (Lighthouse's own breakdowns, unthrottled ms × its CPU multiplier).
      mainThread: (lhr.audits["mainthread-work-breakdown"]?.details?.items ?? []).map((item) => ({ group: item.groupLabel ?? item.group, ms: Math.round(item.duration) })),
      scripts: (lhr.audits["bootup-time"]?.details?.items ?? []).slice(0, 6).map((item) => ({ url: String(item.url).replace(/^https?:\/\/[^/]+/, ""), scriptingMs: Math.round(item.scripting), parseMs: Math.round(item.scriptParseCompile) })),
      longTasks: (lhr.audits["long-tasks"]?.details?.items ?? []).slice(0, 8).map((item) => ({ url: String(item.url).replace(/^https?:\/\/[^/]+/, ""), startMs: Math.round(item.startTime), ms: Math.round(item.duration) })),
    }),
  );
} finally {
  await browser.close();
}
