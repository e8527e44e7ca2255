/**
 * `npx tsx scripts/bench/trace-tasks.ts [path] [test id]`, or `… --reference` for the bench's bare Next.js + MSAL
 * page: a page load's long main-thread tasks and what is inside them (long-tasks.ts). For a console page it
 * starts the emulator (4610) and the built console (3610) and signs in; then it loads the page (default the Box
 * SP page) twice, so V8's code cache is used as in the Lighthouse rows, and once more under a Chromium trace
 * until the first `[data-testid=<test id>]` (default a job card) and 1.5 s more.
 * LONG_TASK_MS=<ms> (default 10) sets the shortest task listed; NO_PROFILER=1 leaves V8's sampling profiler out
 * of the trace (no function names, and no profiler overhead in the tasks); TRACE_FILE=<file> keeps the trace
 * (DevTools' Performance panel opens it). Build with `npx next build --no-mangling` first to read function names.
 */
import { writeFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { startEmulator } from "../../lib/emulator/server";
import { SP } from "../../lib/emulator/seed/ids";
import { embeddedConsoleEnv } from "../lib/embedded";
import { startNextServer } from "../lib/next-server";
import { withBareNextApp } from "./bare-next";
import { launchChromium, signIn } from "./browser";
import { formatPageLoadTasks, pageLoadTasks, type TraceEvent } from "./long-tasks";

const CONSOLE = "http://127.0.0.1:3610";
const BARE_NEXT_PORT = 3620;
const LONG_TASK_MS = Number(process.env.LONG_TASK_MS ?? 10);
const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing", ...(process.env.NO_PROFILER ? [] : ["disabled-by-default-v8.cpu_profiler"])];

/** Loads `url` twice (V8's code cache), then once under a trace, and prints its long tasks. */
async function printLongTasks(browser: Browser, page: Page, url: string, ready: () => Promise<void>) {
  for (let load = 0; load < 2; load++) {
    await page.goto(url);
    await ready();
  }
  // The sampling profiler's start blocks the first JavaScript that runs after it for 80–300 ms: let that be a
  // script in a page of the same origin (same renderer process) before the page itself.
  await page.goto(new URL("/icon.svg", url).href);
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.evaluate(() => document.title);
  await page.waitForTimeout(500);
  await page.goto(url);
  await ready();
  await page.waitForTimeout(1500);
  const trace = await browser.stopTracing();
  if (process.env.TRACE_FILE) writeFileSync(process.env.TRACE_FILE, trace); // opens in DevTools' Performance panel
  const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] };
  console.log(`${url}: tasks of ${LONG_TASK_MS} ms or more at 1× after navigation (start · duration)`);
  for (const line of formatPageLoadTasks(pageLoadTasks(traceEvents, url, LONG_TASK_MS))) console.log(line);
}

async function main() {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    if (process.argv.includes("--reference")) {
      await withBareNextApp(BARE_NEXT_PORT, (url) => printLongTasks(browser, page, `${url}with-msal`, () => page.getByText("MSAL started").waitFor()));
      return;
    }
    const path = process.argv[2] ?? `/service-principals/${SP.box}`;
    const ready = process.argv[3] ?? "job-status-card";
    const emulator = await startEmulator({ port: 4610, consoleOrigin: CONSOLE });
    const server = await startNextServer(".", 3610, embeddedConsoleEnv(emulator.url));
    try {
      await signIn(page, `${CONSOLE}/service-principals`, emulator.url);
      await printLongTasks(browser, page, `${CONSOLE}${path}`, () => page.getByTestId(ready).first().waitFor());
    } finally {
      await server.stop();
      await emulator.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
