/**
 * `npm run bench`: builds, starts the emulator and the console on 127.0.0.1 and prints one table of our
 * numbers against their budgets, with the command that reproduces each row. `--row <id>` runs one row.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Page } from "@playwright/test";
import { SP } from "../lib/emulator/seed/ids";
import { startEmulator, type RunningEmulator } from "../lib/emulator/server";
import { routeBundles } from "./bench/bundle-size";
import { launchChromium, signIn } from "./bench/browser";
import { lighthouseSignedIn } from "./bench/lighthouse";
import { criticalPathDepth, median, percentile } from "./bench/stats";
import { buildIfNeeded } from "./lib/build-if-needed";
import { embeddedConsoleEnv } from "./lib/embedded";
import { callServerAction, serverActionId } from "./lib/server-action";

const CONSOLE_PORT = 3510;
const EMULATOR_PORT = 4510;
const CONSOLE = `http://127.0.0.1:${CONSOLE_PORT}`;
const rowsWanted = new Set(process.argv.flatMap((arg, i, all) => (all[i - 1] === "--row" ? arg.split(",") : [])));
const wants = (row: string) => rowsWanted.size === 0 || rowsWanted.has(row);

interface Row {
  id: string;
  metric: string;
  value: string;
  budget: string;
  ok: boolean | null;
}
const rows: Row[] = [];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number) => `${Math.round(value)} ms`;

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  time: string;
  durationMs: number;
}

async function control<T>(emulator: RunningEmulator, method: string, name: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/_emulator/${name}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
const requestLog = async (emulator: RunningEmulator) => (await control<{ value: LoggedRequest[] }>(emulator, "GET", "requests")).value;
const clearLog = (emulator: RunningEmulator) => control(emulator, "DELETE", "requests");

async function startConsole(emulator: RunningEmulator): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(CONSOLE_PORT)], {
    env: { ...process.env, ...embeddedConsoleEnv(emulator.url), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(CONSOLE)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error("The console did not start.");
}

function bundleRows() {
  const budgets: Record<string, number> = { "/service-principals/[id]": 230 * 1024 };
  for (const bundle of routeBundles()) {
    const budget = budgets[bundle.route];
    rows.push({
      id: "js",
      metric: `JS shipped, ${bundle.route} (gzip)`,
      value: kb(bundle.gzipBytes),
      budget: budget ? `≤ ${kb(budget)}` : "—",
      ok: budget ? bundle.gzipBytes <= budget : null,
    });
  }
}

async function spPageRows(page: Page, emulator: RunningEmulator) {
  const spUrl = `${CONSOLE}/service-principals/${SP.box}`;
  await page.goto(spUrl);
  await page.getByTestId("job-status-card").first().waitFor();
  await clearLog(emulator);
  const started = Date.now();
  await page.goto(spUrl);
  await page.getByTestId("job-status-card").first().waitFor();
  const firstLoad = (await requestLog(emulator)).filter((r) => Date.parse(r.time) >= started);
  rows.push({ id: "requests", metric: "Graph requests per SP page view (first load)", value: String(firstLoad.length), budget: "≤ 3", ok: firstLoad.length <= 3 });
  const depth = criticalPathDepth(firstLoad.map((r) => ({ end: Date.parse(r.time), durationMs: r.durationMs })));
  rows.push({ id: "requests", metric: "Critical path after the token (sequential Graph round trips)", value: String(depth), budget: "= 1", ok: depth === 1 });

  // A job in its initial cycle polls fastest: count what one poll costs for the visible jobs.
  await page.goto(`${CONSOLE}/service-principals/${SP.customScim}`);
  await page.getByTestId("job-status-card").first().waitFor();
  const visibleJobs = await page.getByTestId("job-status-card").count();
  await clearLog(emulator);
  await page.waitForTimeout(10_000);
  const polls = await requestLog(emulator);
  const pollTimes = polls.map((r) => Date.parse(r.time)).sort((a, b) => a - b);
  const pollCount = pollTimes.filter((t, i) => i === 0 || t - pollTimes[i - 1] > 1000).length;
  const perPoll = pollCount ? polls.length / pollCount : 0;
  rows.push({
    id: "requests",
    metric: `Graph requests per poll (${visibleJobs} visible job${visibleJobs === 1 ? "" : "s"}, ${pollCount} polls in 10 s)`,
    value: perPoll.toFixed(1),
    budget: `≤ ${visibleJobs}`,
    ok: pollCount > 0 && perPoll <= visibleJobs,
  });

  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto("about:blank");
    const t0 = Date.now();
    await page.goto(spUrl);
    await page.getByTestId("job-status-card").first().waitFor();
    times.push(Date.now() - t0);
  }
  rows.push({ id: "deeplink", metric: "Deep link → job cards visible (warm, median of 5)", value: ms(median(times)), budget: "—", ok: null });
}

async function createJobRows(emulator: RunningEmulator) {
  const { access_token: token } = await control<{ access_token: string }>(emulator, "POST", "token", { persona: "admin" });
  const actionId = serverActionId("lib/actions/create-job.ts", "createJob");
  const sp = SP.zoom;
  const jobsUrl = `${emulator.url}/beta/servicePrincipals/${sp}/synchronization/jobs`;
  const auth = { Authorization: `Bearer ${token}` };
  const remove = (id: string) => fetch(`${jobsUrl}/${encodeURIComponent(id)}`, { method: "DELETE", headers: auth });
  const viaConsole: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < 40; i++) {
    let t0 = performance.now();
    const { value } = await callServerAction<{ ok: boolean; data?: { id: string } }>(`${CONSOLE}/service-principals/${sp}`, actionId, [
      token,
      { servicePrincipalId: sp, templateId: "zoom" },
    ]);
    if (!value.ok || !value.data) throw new Error("createJob through the console failed");
    viaConsole.push(performance.now() - t0);
    await remove(value.data.id);
    t0 = performance.now();
    const response = await fetch(jobsUrl, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ templateId: "zoom" }) });
    const job = (await response.json()) as { id: string };
    direct.push(performance.now() - t0);
    await remove(job.id);
  }
  const [c50, c95, d50, d95] = [percentile(viaConsole, 50), percentile(viaConsole, 95), percentile(direct, 50), percentile(direct, 95)];
  rows.push({ id: "create", metric: "Create job via console server action, p50 / p95", value: `${ms(c50)} / ${ms(c95)}`, budget: "—", ok: null });
  rows.push({ id: "create", metric: "Create job direct POST to Graph, p50 / p95", value: `${ms(d50)} / ${ms(d95)}`, budget: "—", ok: null });
  rows.push({ id: "create", metric: "Ratio console / direct, p50 (p95)", value: `${(c50 / d50).toFixed(2)} (${(c95 / d95).toFixed(2)})`, budget: "≤ 1.5 at p50", ok: c50 / d50 <= 1.5 });
}

async function fleetRows(page: Page, emulator: RunningEmulator) {
  await control(emulator, "POST", "reset", { scale: 5000 });
  const servicePrincipals = (await control<{ servicePrincipals: number }>(emulator, "GET", "health")).servicePrincipals;
  await control(emulator, "POST", "faults", { path: "**", latencyMs: 50 });
  await clearLog(emulator);
  const t0 = Date.now();
  await page.goto(`${CONSOLE}/jobs`);
  await page.locator('[data-testid="fleet-summary"][data-scanned-at]').waitFor({ timeout: 120_000 });
  const elapsed = Date.now() - t0;
  const requests = (await requestLog(emulator)).length;
  await control(emulator, "DELETE", "faults");
  const pages = Math.ceil(servicePrincipals / 999);
  const requestBudget = Math.ceil(servicePrincipals / 20) + pages;
  rows.push({ id: "fleet", metric: `Fleet view, ${servicePrincipals} SPs, 50 ms per request: time to summary`, value: ms(elapsed), budget: "≤ 3000 ms", ok: elapsed <= 3000 });
  rows.push({ id: "fleet", metric: "Fleet view: Graph requests", value: String(requests), budget: `≤ ${requestBudget}`, ok: requests <= requestBudget });
  await control(emulator, "POST", "reset", { scale: 0 });
}

async function lighthouseRows(emulator: RunningEmulator) {
  const scores = await lighthouseSignedIn(`${CONSOLE}/service-principals/${SP.box}`, emulator.url);
  rows.push({ id: "lighthouse", metric: "Lighthouse (mobile) SP page: performance", value: String(scores.performance), budget: "≥ 95", ok: scores.performance >= 95 });
  rows.push({ id: "lighthouse", metric: "Lighthouse (mobile) SP page: accessibility", value: String(scores.accessibility), budget: "= 100", ok: scores.accessibility === 100 });
  rows.push({ id: "lighthouse", metric: "Lighthouse (mobile) SP page: best practices", value: String(scores.bestPractices), budget: "—", ok: null });
}

function printTable() {
  const header = ["metric", "value", "budget", "", "reproduce"];
  const lines = rows.map((row) => [row.metric, row.value, row.budget, row.ok === null ? "" : row.ok ? "ok" : "OVER", `npm run bench -- --row ${row.id}`]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
  console.log(`\nMeasured ${new Date().toISOString().slice(0, 10)} on ${process.platform}, Node ${process.version}\n`);
  console.log(format(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const line of lines) console.log(format(line));
}

async function main() {
  await buildIfNeeded();
  if (wants("js")) bundleRows();
  const emulator = await startEmulator({ port: EMULATOR_PORT });
  const consoleProcess = await startConsole(emulator);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await signIn(page, `${CONSOLE}/service-principals`, emulator.url);
    if (wants("requests") || wants("deeplink")) await spPageRows(page, emulator);
    if (wants("create")) await createJobRows(emulator);
    if (wants("fleet")) await fleetRows(page, emulator);
    if (wants("lighthouse")) await lighthouseRows(emulator);
  } finally {
    await browser.close();
    consoleProcess.kill();
    await emulator.close();
  }
  printTable();
  if (rows.some((row) => row.ok === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
