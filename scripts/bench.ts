/**
 * `npm run bench`: builds, starts the emulator and the console on 127.0.0.1 and prints one table of our
 * numbers against their budgets, with the command that reproduces each row. `--row <id>[,<id>…]` runs those rows;
 * `--json <file>` also writes the rows; `--compare <file>` prints another build's rows (its `--json`) beside ours.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { JOB, SP } from "../lib/emulator/seed/ids";
import { USER } from "../lib/emulator/directory/ids";
import { DEFAULT_APP_ROLE_ID } from "../lib/emulator/directory/types";
import { createGraphGateway } from "../lib/graph/gateway";
import { readPersonTrace } from "../lib/graph/person-trace";
import { jobConfiguration, putSecrets } from "../lib/graph/configuration";
import { provisionOnDemand as provisionOnDemandDirect } from "../lib/graph/on-demand";
import { buildSecretsPut } from "../lib/configure/secrets-put";
import { sampleProvisioningEvent } from "../lib/emulator/logs/sample";
import { startEmulator, type RunningEmulator } from "../lib/emulator/server";
import { routeBundles } from "./bench/bundle-size";
import { timeToAppear, type Appearance } from "./bench/appearance";
import { launchChromium, signIn } from "./bench/browser";
import { medianLighthouse, runLighthouse, type LighthouseScores } from "./bench/lighthouse";
import { formatPageLoadTasks } from "./bench/long-tasks";
import { withBareNextApp } from "./bench/bare-next";
import { startNextServer } from "./lib/next-server";
import { criticalPathDepth, median, percentile } from "./bench/stats";
import { buildIfNeeded } from "./lib/build-if-needed";
import { embeddedConsoleEnv } from "./lib/embedded";
import { callServerAction, serverActionId } from "./lib/server-action";

const CONSOLE_PORT = 3510;
const BARE_NEXT_PORT = 3520;
const EMULATOR_PORT = 4510;
const CONSOLE = `http://127.0.0.1:${CONSOLE_PORT}`;
const rowsWanted = new Set(process.argv.flatMap((arg, i, all) => (all[i - 1] === "--row" ? arg.split(",") : [])));
const argAfter = (flag: string) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
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
/** The Jobs view's and the Overview's summary, once the scan has answered. */
const FLEET_SUMMARY = '[data-testid="fleet-summary"][data-scanned-at]';

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

/** Every route's first-load JS, gzip. */
const JS_BUDGET_BYTES = 230 * 1024;

function bundleRows() {
  for (const bundle of routeBundles()) {
    rows.push({
      id: "js",
      metric: `JS shipped, ${bundle.route} (gzip)`,
      value: kb(bundle.gzipBytes),
      budget: `≤ ${kb(JS_BUDGET_BYTES)}`,
      ok: bundle.gzipBytes <= JS_BUDGET_BYTES,
    });
  }
}

async function spPageRows(page: Page, emulator: RunningEmulator) {
  const spUrl = `${CONSOLE}/service-principals/${SP.box}`;
  await page.goto(spUrl);
  await page.getByTestId("job-status-card").first().waitFor();
  await clearLog(emulator);
  const scripts = new Set<string>();
  const onRequest = (request: { url: () => string }) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/_next/static/") && pathname.endsWith(".js")) scripts.add(pathname);
  };
  page.on("request", onRequest);
  const started = Date.now();
  await page.goto(spUrl);
  await page.getByTestId("job-status-card").first().waitFor();
  page.off("request", onRequest);
  // First-load JS (the js rows) is what Next puts in the page; chunks it imports at once (MSAL, the create-job
  // form) load right after, in parallel with sign-in, and before the cards: all of it, as the browser fetched it.
  const loadedBytes = [...scripts].reduce((sum, file) => sum + gzipSync(readFileSync(path.join(".next", file.replace("/_next/", "")))).length, 0);
  rows.push({ id: "requests", metric: `JS loaded before the job cards show, SP page (gzip, ${scripts.size} files)`, value: kb(loadedBytes), budget: "—", ok: null });
  const firstLoad = (await requestLog(emulator)).filter((r) => Date.parse(r.time) >= started);
  rows.push({ id: "requests", metric: "Graph requests per SP page view (first load)", value: String(firstLoad.length), budget: "≤ 3", ok: firstLoad.length <= 3 });
  // The emulator logs when each request started (`time`) and how long it took.
  const depth = criticalPathDepth(firstLoad.map((r) => ({ end: Date.parse(r.time) + r.durationMs, durationMs: r.durationMs })));
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

  const cards = await warmMedian(page, spUrl, "job-status-card");
  rows.push({ id: "deeplink", metric: "Deep link → job cards visible (warm, median of 5)", value: ms(cards), budget: "—", ok: null });
}

/** Navigation from a blank page to the first element with `testId`, warm, by the page's clock, median of 5. */
async function warmMedian(page: Page, url: string, testId: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto("about:blank");
    times.push((await timeToAppear(page, url, `[data-testid="${testId}"]`)).ms);
  }
  return median(times);
}

/** Navigation → first request / first request → last answer / last answer → shown, for these Graph requests (emulator's clock). */
function requestPhases(shown: Appearance, requests: LoggedRequest[]): string {
  const firstRequest = Math.min(...requests.map((r) => Date.parse(r.time)));
  const lastAnswer = Math.max(...requests.map((r) => Date.parse(r.time) + r.durationMs));
  return `${ms(firstRequest - shown.navigationStart)} / ${ms(lastAnswer - firstRequest)} / ${ms(shown.appearedAt - lastAnswer)}`;
}

/** One load of `url` until `selector` shows, and the Graph requests the emulator answered for it. */
async function loadWithRequests(page: Page, emulator: RunningEmulator, url: string, selector: string): Promise<TimedLoad> {
  await clearLog(emulator);
  const shown = await timeToAppear(page, url, selector);
  const log = (await requestLog(emulator)).filter((r) => Date.parse(r.time) >= shown.navigationStart && Date.parse(r.time) + r.durationMs <= shown.appearedAt);
  return { shown, log };
}

/** LOGS_ENTRIES entries in the Slack job's log; its logs page against the SP page's cards, in the same run. */
const LOGS_ENTRIES = 10_000;
async function logsRows(page: Page, emulator: RunningEmulator) {
  const { tenant, clock } = emulator.instance.state;
  const now = clock.now();
  const servicePrincipal = { id: SP.slack, displayName: "Slack" };
  for (let n = 0; n < LOGS_ENTRIES; n++) tenant.provisioningLog.add(sampleProvisioningEvent(n, { at: now - (LOGS_ENTRIES - n) * 1000, jobId: JOB.slackActive, servicePrincipal }), now);
  const logsUrl = `${CONSOLE}/service-principals/${SP.slack}/jobs/${encodeURIComponent(JOB.slackActive)}/logs`;
  await page.goto(logsUrl);
  await page.getByTestId("logs-row").first().waitFor();
  const logsLoad = await loadWithRequests(page, emulator, logsUrl, '[data-testid="logs-row"]');
  const before = logsLoad.log;
  const depth = criticalPathDepth(before.map((r) => ({ end: Date.parse(r.time) + r.durationMs, durationMs: r.durationMs })));
  rows.push({ id: "logs", metric: `Graph round trips before the first log rows (${before.length} requests, ${LOGS_ENTRIES.toLocaleString("en")} entries)`, value: String(depth), budget: "≤ 1", ok: depth <= 1 });
  const logs = await warmMedian(page, logsUrl, "logs-row");
  const cards = await warmMedian(page, `${CONSOLE}/service-principals/${SP.box}`, "job-status-card");
  rows.push({
    id: "logs",
    metric: "Logs page → first rows vs SP page → job cards (warm, median of 5 each)",
    value: `${ms(logs)} / ${ms(cards)} = ${(logs / cards).toFixed(2)}×`,
    budget: "≤ 1.20×",
    ok: logs / cards <= 1.2,
  });
  const cardsLoad = await loadWithRequests(page, emulator, `${CONSOLE}/service-principals/${SP.box}`, '[data-testid="job-status-card"]');
  rows.push({
    id: "logs",
    metric: "Logs page vs SP page, one warm load each: navigation → Graph request / its answer / answer → visible",
    value: `${requestPhases(logsLoad.shown, logsLoad.log)} vs ${requestPhases(cardsLoad.shown, cardsLoad.log)}`,
    budget: "—",
    ok: null,
  });
}

/**
 * The Overview's summary against the Jobs view's, at the fleet row's scale and latency, in the same run: both
 * wait for the same scan, so the Overview's other reads (logs, audits) must not slow its summary down.
 */
async function overviewRows(page: Page, emulator: RunningEmulator) {
  await page.goto(`${CONSOLE}/no-such-page`);
  await control(emulator, "POST", "reset", { scale: 5000 });
  await control(emulator, "POST", "faults", [
    { path: "/servicePrincipals", latencyMs: 50 },
    { path: "/$batch", latencyMs: 50 },
  ]);
  const runs: Record<"jobs" | "overview", TimedLoad[]> = { jobs: [], overview: [] };
  try {
    for (let i = 0; i < 3; i++) {
      for (const [view, path] of [["jobs", "/jobs"], ["overview", "/"]] as const) {
        await page.goto("about:blank");
        await clearLog(emulator);
        const shown = await timeToAppear(page, `${CONSOLE}${path}`, FLEET_SUMMARY, 120_000);
        runs[view].push({ shown, log: await requestLog(emulator) });
      }
    }
  } finally {
    await control(emulator, "DELETE", "faults");
    await control(emulator, "POST", "reset", { scale: 0 });
  }
  const [overview, jobs] = [medianRun(runs.overview), medianRun(runs.jobs)];
  rows.push({
    id: "overview",
    metric: "Overview → summary vs Jobs view → summary (5,000 SPs, 50 ms per request, median of 3 each)",
    value: `${ms(overview.shown.ms)} / ${ms(jobs.shown.ms)} = ${(overview.shown.ms / jobs.shown.ms).toFixed(2)}×`,
    budget: "≤ 1.10×",
    ok: overview.shown.ms / jobs.shown.ms <= 1.1,
  });
  const others = overview.log.filter((r) => !isScanRequest(r));
  rows.push({
    id: "overview",
    metric: `Overview: navigation → first scan request / scan / last scan answer → summary; its ${others.length} other Graph reads (slowest)`,
    value: `${scanPhases(overview)} · ${others.length ? ms(Math.max(...others.map((r) => r.durationMs))) : "—"}`,
    budget: "—",
    ok: null,
  });
}

/**
 * A person in 10 apps with provisioning jobs (Nestor Wilke, assigned to none in the seed, assigned to 10 here):
 * the trace's Graph requests and round trips after the token, read the console's way (lib/graph/person-trace.ts)
 * and counted at the emulator; then the page's time to its rows, warm.
 */
async function personRows(page: Page, emulator: RunningEmulator) {
  const { access_token } = await control<{ access_token: string }>(emulator, "POST", "token", { persona: "admin" });
  const graph = createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: async () => access_token });
  const withJobs = [SP.box, SP.salesforce, SP.slack, SP.aws, SP.customScim, SP.databricks, SP.githubEmu, SP.crossTenant, SP.xss, SP.cloudSync];
  for (const sp of withJobs) {
    await graph.request({ method: "POST", path: `/servicePrincipals/${sp}/appRoleAssignedTo`, body: { principalId: USER.nestorWilke, resourceId: sp, appRoleId: DEFAULT_APP_ROLE_ID } });
  }
  await clearLog(emulator);
  const read = await readPersonTrace(graph, USER.nestorWilke);
  const log = (await requestLog(emulator)).filter((r) => r.path.startsWith("/beta/"));
  const depth = criticalPathDepth(log.map((r) => ({ end: Date.parse(r.time) + r.durationMs, durationMs: r.durationMs })));
  const apps = new Set(read.trace.assignments.ok ? read.trace.assignments.value.map((a) => a.resourceId) : []);
  rows.push({
    id: "person",
    metric: `A person's trace, ${apps.size} apps: Graph requests / HTTP calls / round trips after the token`,
    value: `${read.requests} / ${log.length} / ${depth}`,
    budget: "round trips ≤ 2",
    ok: depth <= 2 && read.roundTrips <= 2,
  });
  const shown = await warmMedian(page, `${CONSOLE}/people/${USER.nestorWilke}`, "person-row");
  rows.push({ id: "person", metric: "A person's page → rows (warm, median of 5)", value: ms(shown), budget: "—", ok: null });
  await control(emulator, "POST", "reset", { scale: 0 });
}

const ACTION_ITERATIONS = 40;

/**
 * A server action against the same Graph work done from Node directly, alternating, at p50 and p95: what the
 * console's hop adds. First against the in-memory emulator (a Graph request takes ~3 ms, so the ratio there is
 * mostly localhost overhead over nothing: shown, not budgeted), then with 50 ms per Graph request on `faults`.
 */
/** One timed call; what it returns (e.g. deleting the job it created) runs after the clock stops. */
type TimedCall = () => Promise<void | (() => Promise<unknown>)>;

async function actionRows(emulator: RunningEmulator, what: string, faults: object[], viaConsole: TimedCall, direct: TimedCall) {
  for (const latencyMs of [0, 50]) {
    if (latencyMs) await control(emulator, "POST", "faults", faults.map((fault) => ({ ...fault, latencyMs })));
    const times = { console: [] as number[], direct: [] as number[] };
    try {
      for (let i = 0; i < ACTION_ITERATIONS; i++) {
        for (const [side, run] of [["console", viaConsole], ["direct", direct]] as const) {
          const t0 = performance.now();
          const cleanUp = await run();
          times[side].push(performance.now() - t0);
          if (cleanUp) await cleanUp();
        }
      }
    } finally {
      if (latencyMs) await control(emulator, "DELETE", "faults");
    }
    const [c50, c95, d50, d95] = [percentile(times.console, 50), percentile(times.console, 95), percentile(times.direct, 50), percentile(times.direct, 95)];
    const graph = `Graph +${latencyMs} ms`;
    rows.push({ id: "create", metric: `${what} via the console's server action / direct to Graph, p50 (${graph})`, value: `${ms(c50)} / ${ms(d50)}`, budget: "—", ok: null });
    rows.push({
      id: "create",
      metric: `${what}: ratio console / direct, p50 (p95) (${graph}; console adds ${ms(c50 - d50)} at p50)`,
      value: `${(c50 / d50).toFixed(2)} (${(c95 / d95).toFixed(2)})`,
      budget: latencyMs ? "≤ 1.5 at p50" : "—",
      ok: latencyMs ? c50 / d50 <= 1.5 : null,
    });
  }
}

async function createJobRows(emulator: RunningEmulator) {
  const { access_token: token } = await control<{ access_token: string }>(emulator, "POST", "token", { persona: "admin" });
  const graph = createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: async () => token });
  const remove = (sp: string, id: string) => graph.request({ method: "DELETE", path: `/servicePrincipals/${sp}/synchronization/jobs/${encodeURIComponent(id)}` });

  // Create a job (one POST).
  const createId = serverActionId("lib/actions/create-job.ts", "createJob");
  await actionRows(
    emulator,
    "Create job",
    [{ method: "POST", path: "/servicePrincipals/*/synchronization/jobs" }],
    async () => {
      const { value } = await callServerAction<{ ok: boolean; data?: { id: string } }>(`${CONSOLE}/service-principals/${SP.zoom}`, createId, [token, { servicePrincipalId: SP.zoom, templateId: "zoom" }]);
      if (!value.ok || !value.data) throw new Error("createJob through the console failed");
      return () => remove(SP.zoom, value.data!.id);
    },
    async () => {
      const { data } = await graph.request<{ id: string }>({ method: "POST", path: `/servicePrincipals/${SP.zoom}/synchronization/jobs`, body: { templateId: "zoom" } });
      return () => remove(SP.zoom, data.id);
    },
  );

  // Save credentials and settings (one $batch to read the job, template and saved secrets; one PUT of the secrets).
  const saveId = serverActionId("lib/actions/configure-job.ts", "saveConfiguration");
  const target = { servicePrincipalId: SP.customScim, jobId: JOB.customScimInitial };
  const input = {
    ...target,
    credentials: { BaseAddress: "https://scim.example.com/scim/v2", SecretToken: "bench-secret-token" },
    settings: { notifyOnFailure: false, recipients: "", preventAccidentalDeletes: true, deleteThreshold: 500, syncAll: false },
  };
  await actionRows(
    emulator,
    "Save credentials",
    [{ path: "/$batch" }, { method: "PUT", path: "/servicePrincipals/*/synchronization/secrets" }],
    async () => {
      const { value } = await callServerAction<{ ok: boolean }>(`${CONSOLE}/service-principals/${SP.customScim}/jobs/${encodeURIComponent(JOB.customScimInitial)}/configure`, saveId, [token, input]);
      if (!value.ok) throw new Error(`saveConfiguration through the console failed: ${JSON.stringify(value)}`);
    },
    async () => {
      const { fields, saved } = await jobConfiguration(graph, target.servicePrincipalId, target.jobId);
      await putSecrets(graph, target.servicePrincipalId, buildSecretsPut({ fields: fields.fields, saved, credentials: input.credentials, settings: input.settings }).pairs);
    },
  );

  // Provision one user on demand (one POST). The emulator allows 5 per job per 10 s, as Graph does: cleared before each.
  const onDemandId = serverActionId("lib/actions/provision-on-demand.ts", "provisionOnDemand");
  const schema = await graph.get<{ synchronizationRules: { id: string }[] }>(`/servicePrincipals/${SP.slack}/synchronization/jobs/${encodeURIComponent(JOB.slackActive)}/schema`);
  const onDemand = { servicePrincipalId: SP.slack, jobId: JOB.slackActive, ruleId: schema.synchronizationRules[0].id, subject: { type: "user" as const, id: USER.irvinSayers } };
  await actionRows(
    emulator,
    "Provision on demand",
    [{ method: "POST", path: "**/provisionOnDemand" }],
    async () => {
      emulator.instance.state.rateLimits.clear();
      const { value } = await callServerAction<{ ok: boolean }>(`${CONSOLE}/service-principals/${SP.slack}/jobs/${encodeURIComponent(JOB.slackActive)}/provision`, onDemandId, [token, onDemand]);
      if (!value.ok) throw new Error(`provisionOnDemand through the console failed: ${JSON.stringify(value)}`);
    },
    async () => {
      emulator.instance.state.rateLimits.clear();
      await provisionOnDemandDirect(graph, onDemand.servicePrincipalId, onDemand.jobId, onDemand.ruleId, onDemand.subject);
    },
  );
}

const FLEET_RUNS = 3;

/** One load of a page: when what it waits for appeared, and the Graph requests meanwhile. */
interface TimedLoad {
  shown: Appearance;
  log: LoggedRequest[];
}
const medianRun = (runs: TimedLoad[]) => [...runs].sort((a, b) => a.shown.ms - b.shown.ms)[Math.floor((runs.length - 1) / 2)];
/** The scan's own Graph requests: the SP pages and the `$batch` calls (the Overview also reads logs and audits). */
const isScanRequest = (request: LoggedRequest) => /^\/beta\/(servicePrincipals(\?|$)|\$batch$)/.test(request.path);

/** Navigation → first scan request / the scan / its last answer → summary (emulator and page share the clock). */
const scanPhases = ({ shown, log }: TimedLoad) => requestPhases(shown, log.filter(isScanRequest));
const FLEET_RATIO_BUDGET = 1.15;

/**
 * scripts/bench-fleet.ts's scan (the fleet scan in Node alone, in a child process as the console's server is) against
 * this bench's emulator at the fleet row's scale and latency: milliseconds.
 */
async function nodeOnlyFleetScan(emulator: RunningEmulator): Promise<number> {
  const args = ["scripts/bench-fleet.ts", "--emulator-url", emulator.url, "--latency-ms", "50"];
  const { stdout } = await promisify(execFile)(path.join("node_modules", ".bin", "tsx"), args, { timeout: 300_000 });
  const seconds = /time to summary: ([\d.]+) s/.exec(stdout)?.[1];
  if (!seconds) throw new Error(`scripts/bench-fleet.ts printed no time to summary:\n${stdout}`);
  return Number(seconds) * 1000;
}

async function fleetRows(page: Page, emulator: RunningEmulator) {
  // From a console page that makes no Graph request (an SP page polls its jobs, the Overview scans the tenant).
  await page.goto(`${CONSOLE}/no-such-page`);
  await control(emulator, "POST", "reset", { scale: 5000 });
  const servicePrincipals = (await control<{ servicePrincipals: number }>(emulator, "GET", "health")).servicePrincipals;
  // 50 ms per HTTP request to Graph (each SP page and each $batch), as scripts/bench-fleet.ts injects it. Not "**":
  // that also delays every $batch sub-request, which the emulator runs one after another (Graph runs them in
  // parallel), so each batch took 20 × 50 ms.
  await control(emulator, "POST", "faults", [
    { path: "/servicePrincipals", latencyMs: 50 },
    { path: "/$batch", latencyMs: 50 },
  ]);
  // The console's scan and Node's alternate against the same emulator, so drift on this machine meets both.
  const runs: TimedLoad[] = [];
  const nodeOnlyRuns: number[] = [];
  for (let i = 0; i < FLEET_RUNS; i++) {
    await page.goto(`${CONSOLE}/no-such-page`);
    await clearLog(emulator);
    const shown = await timeToAppear(page, `${CONSOLE}/jobs`, FLEET_SUMMARY, 120_000);
    runs.push({ shown, log: await requestLog(emulator) });
    nodeOnlyRuns.push(await nodeOnlyFleetScan(emulator));
  }
  await control(emulator, "DELETE", "faults");
  const run = medianRun(runs);
  const elapsed = run.shown.ms;
  const requests = run.log.length;
  const pages = Math.ceil(servicePrincipals / 999);
  const requestBudget = Math.ceil(servicePrincipals / 20) + pages;
  const nodeOnly = median(nodeOnlyRuns);
  rows.push({
    id: "fleet",
    metric: `Fleet view, ${servicePrincipals} SPs, 50 ms per request: navigation → summary vs the same scan in Node alone (median of ${FLEET_RUNS})`,
    value: `${ms(elapsed)} / ${ms(nodeOnly)} = ${(elapsed / nodeOnly).toFixed(2)}×`,
    budget: `≤ ${FLEET_RATIO_BUDGET}× and ≤ 3000 ms`,
    ok: elapsed / nodeOnly <= FLEET_RATIO_BUDGET && elapsed <= 3000,
  });
  // Where it goes: page load, MSAL and the token before the first Graph request; the scan (by the console's
  // server, 16 batches in flight); streaming the result to the browser and rendering it after the last answer.
  rows.push({
    id: "fleet",
    metric: "Fleet view: navigation → first Graph request / scan / last answer → summary",
    value: scanPhases(run),
    budget: "—",
    ok: null,
  });
  // One $batch per 20 SPs is the least possible. The issue's "5,000/20 + SP pages" assumes exactly 5,000 SPs;
  // EMULATOR_SCALE=5000 adds 5,000 to the 20 seed SPs, so the bound is pages + ceil(SPs/20).
  rows.push({
    id: "fleet",
    metric: `Fleet view: Graph requests (${pages} SP pages + $batch of 20)`,
    value: String(requests),
    budget: `≤ ${pages} + ⌈${servicePrincipals}/20⌉ = ${requestBudget}`,
    ok: requests <= requestBudget,
  });
  await control(emulator, "POST", "reset", { scale: 0 });
}

/** Lighthouse runs per page (`--lighthouse-runs N`): each row is the median of these. */
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.argv[process.argv.indexOf("--lighthouse-runs") + 1]) || 5);
/** What a console page may add to the reference (bare Next.js + MSAL started), measured in the same run. */
const TBT_RATIO_BUDGET = 1.25;
const SCORE_MARGIN = 3;

/** The console's pages that show Graph data, and what says each has shown it. */
const LIGHTHOUSE_PAGES: { name: string; path: string; ready: string }[] = [
  { name: "SP page", path: `/service-principals/${SP.box}`, ready: '[data-testid="job-status-card"]' },
  { name: "job page", path: `/service-principals/${SP.box}/jobs/${encodeURIComponent(JOB.boxPaused)}`, ready: '[data-testid="job-status-card"]' },
  { name: "Jobs view", path: "/jobs", ready: FLEET_SUMMARY },
  { name: "Overview", path: "/", ready: FLEET_SUMMARY },
  { name: "logs", path: `/service-principals/${SP.slack}/jobs/${encodeURIComponent(JOB.slackActive)}/logs`, ready: '[data-testid="logs-row"]' },
  { name: "person's trace", path: `/people/${USER.irvinSayers}`, ready: '[data-testid="person-row"]' },
];

/** `--lighthouse-pages "SP page,logs"`: only these pages (names as in LIGHTHOUSE_PAGES), for a quicker look at one. */
const lighthousePagesWanted = argAfter("--lighthouse-pages")?.split(",").map((name) => name.trim());

const msOrDash = (value: number | null) => (value === null ? "—" : ms(value));

function printWhereTimeGoes(name: string, scores: LighthouseScores) {
  console.log(`Lighthouse, ${name}: main thread ${scores.mainThread.map((item) => `${item.group} ${item.ms} ms`).join(", ")}`);
  console.log(`  scripts (scripting / parse+compile): ${scores.scripts.map((item) => `${item.url} ${item.scriptingMs}/${item.parseMs} ms`).join(", ")}`);
  console.log(`  long tasks (simulated): ${scores.longTasks.map((item) => `${item.url || "(page)"} @${item.startMs} ${item.ms} ms`).join(", ")}`);
  console.log("  tasks of 10 ms or more in the trace Lighthouse scored (1×; start from navigation · duration · what is inside):");
  for (const line of formatPageLoadTasks(scores.trace, "    ")) console.log(line);
}

/**
 * Every page against the reference measured in the same run (scripts/bench/bare-next-app: a page with none of the
 * console's code that starts MSAL): on a shared 2-core machine Lighthouse's simulated mobile CPU multiplies the
 * task times it observes by 4, so an absolute score says more about the machine than about the page. The runs go
 * round by round (the reference, then each page once), so a slow minute of the machine falls on all of them alike.
 */
async function lighthouseRows(emulator: RunningEmulator) {
  const pages = LIGHTHOUSE_PAGES.filter((page) => !lighthousePagesWanted || lighthousePagesWanted.includes(page.name));
  const referenceRuns: LighthouseScores[] = [];
  const pageRuns = pages.map((): LighthouseScores[] => []);
  await withBareNextApp(BARE_NEXT_PORT, async (bareUrl) => {
    for (let round = 0; round < LIGHTHOUSE_RUNS; round++) {
      referenceRuns.push(await runLighthouse(`${bareUrl}with-msal`));
      for (const [i, { path, ready }] of pages.entries()) pageRuns[i].push(await runLighthouse(`${CONSOLE}${path}`, { emulatorUrl: emulator.url, ready }));
    }
  });
  const reference = medianLighthouse(referenceRuns);
  const refScore = reference.median.performance;
  const refTbt = reference.tbtMs;
  console.log(`Lighthouse per run, reference (bare Next.js + MSAL): performance ${reference.scores.join(", ")}; TBT ${reference.tbts.map(Math.round).join(", ")} ms`);
  printWhereTimeGoes("reference", reference.median);
  rows.push({
    id: "lighthouse",
    metric: `Lighthouse (mobile) reference, bare Next.js + MSAL started: performance / TBT (median of ${reference.scores.length})`,
    value: `${refScore} / ${ms(refTbt)}`,
    budget: "—",
    ok: null,
  });
  for (const [i, { name }] of pages.entries()) {
    const runs = medianLighthouse(pageRuns[i]);
    const { performance, accessibility } = runs.median;
    console.log(`Lighthouse per run, ${name}: performance ${runs.scores.join(", ")}; TBT ${runs.tbts.map(Math.round).join(", ")} ms`);
    printWhereTimeGoes(name, runs.median);
    if (runs.median.failing.length) console.log(`  audits not passed: ${runs.median.failing.join(", ")}`);
    const ratio = refTbt > 0 ? runs.tbtMs / refTbt : runs.tbtMs > 0 ? Infinity : 1;
    const { fcpMs, lcpMs, cls } = runs.median.metrics;
    rows.push({
      id: "lighthouse",
      metric: `Lighthouse (mobile) ${name}: performance / TBT, vs the reference (median of ${runs.scores.length})`,
      value: `${performance} / ${ms(runs.tbtMs)} (TBT ${ratio.toFixed(2)}×, score ${performance - refScore >= 0 ? "+" : ""}${performance - refScore})`,
      budget: `TBT ≤ ${TBT_RATIO_BUDGET}×, score ≥ ref − ${SCORE_MARGIN}`,
      ok: ratio <= TBT_RATIO_BUDGET && performance >= refScore - SCORE_MARGIN,
    });
    rows.push({
      id: "lighthouse",
      metric: `Lighthouse (mobile) ${name}: accessibility · FCP / LCP / CLS`,
      value: `${accessibility} · ${msOrDash(fcpMs)} / ${msOrDash(lcpMs)} / ${cls === null ? "—" : cls.toFixed(3)}`,
      budget: "accessibility = 100",
      ok: accessibility === 100,
    });
  }
}

/** One group of rows; if it throws, the table still prints, with the error in that group's row. */
async function measure(id: string, what: string, run: () => Promise<void> | void) {
  if (!wants(id)) return;
  try {
    await run();
  } catch (error) {
    console.error(`${what} failed:`, error);
    rows.push({ id, metric: what, value: `error: ${error instanceof Error ? error.message.split("\n")[0].slice(0, 60) : String(error)}`, budget: "—", ok: false });
  }
}

/**
 * The table; with `--compare <file>` (another build's `--json <file>`) its values beside ours, row by row, so a
 * change's effect reads as a difference measured on this machine, not as a memory.
 */
function printTable() {
  const compareFile = argAfter("--compare");
  const before = compareFile ? new Map((JSON.parse(readFileSync(compareFile, "utf8")) as Row[]).map((row) => [row.metric, row.value])) : undefined;
  const header = ["metric", ...(before ? ["before", "now"] : ["value"]), "budget", "", "reproduce"];
  const lines = rows.map((row) => [
    row.metric,
    ...(before ? [before.get(row.metric) ?? "—"] : []),
    row.value,
    row.budget,
    row.ok === null ? "" : row.ok ? "ok" : "OVER",
    `npm run bench -- --row ${row.id}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
  console.log(`\nMeasured ${new Date().toISOString().slice(0, 10)} on ${process.platform}, Node ${process.version}${compareFile ? ` · before: ${compareFile}` : ""}\n`);
  console.log(format(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const line of lines) console.log(format(line));
  const jsonFile = argAfter("--json");
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify(rows, null, 2));
}

async function main() {
  await buildIfNeeded();
  await measure("js", "JS shipped per route", bundleRows);
  const emulator = await startEmulator({ port: EMULATOR_PORT, consoleOrigin: CONSOLE });
  const consoleProcess = await startNextServer(".", CONSOLE_PORT, embeddedConsoleEnv(emulator.url));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await signIn(page, `${CONSOLE}/service-principals`, emulator.url);
    if (wants("requests") || wants("deeplink")) await measure(wants("requests") ? "requests" : "deeplink", "SP page view", () => spPageRows(page, emulator));
    await measure("logs", "Logs page", () => logsRows(page, emulator));
    await measure("create", "Create job latency", () => createJobRows(emulator));
    await measure("fleet", "Fleet view", () => fleetRows(page, emulator));
    await measure("overview", "Overview", () => overviewRows(page, emulator));
    await measure("person", "A person's trace", () => personRows(page, emulator));
    await measure("lighthouse", "Lighthouse", () => lighthouseRows(emulator));
  } finally {
    await browser.close();
    await consoleProcess.stop();
    await emulator.close();
  }
  printTable();
  if (rows.some((row) => row.ok === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
