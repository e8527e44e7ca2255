/**
 * The fleet view's scan against an in-process emulator: Graph requests (from the emulator's request log),
 * time to the summary line, and the summary.
 * Usage: npx tsx scripts/bench-fleet.ts [--scale 5000] [--latency-ms 50] [--concurrency 16] [--item-latency-ms 0] [--memory]
 *        [--emulator-url <url>]
 * (The console runs this scan on its server, app/api/fleet, with SERVER_FLEET_CONCURRENCY = 16 batches in flight.)
 *
 * `--memory` then scans twice more and prints the scanner's heap (this thread's; the emulator's is apart): peak
 * while scanning and what the result holds afterwards, keeping whole jobs vs. keeping them slimmed as each batch
 * arrives (what app/api/fleet does).
 *
 * `--latency-ms` is added to every HTTP request to Graph (each SP page and each `$batch`) through an
 * emulator fault. `--item-latency-ms` (default 0) adds latency to each `$batch` sub-request too; the
 * emulator runs sub-requests one after another (Graph runs them in parallel), so it adds up 20×.
 *
 * The emulator runs in a worker thread of this process, so Graph's work and the scanner's work do not
 * queue on one event loop (in the product they run in different processes: Graph and the browser).
 * `--same-thread` runs both on one event loop (a pessimistic number on a 2-core machine).
 * `--emulator-url` scans an emulator that is already running, at the scale it has (`npm run bench` passes its own,
 * so the console's scan and this one meet the same emulator); it is left running.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { formatCount } from "../lib/format/count";
import { STATUS_CODES } from "../lib/jobs/vocabulary";
import { startEmulator } from "../lib/emulator/server";
import { createGraphGateway } from "../lib/graph/gateway";
import { SERVER_FLEET_CONCURRENCY, scanFleet, type FleetScan, type FleetTotals } from "@/lib/fleet/scan";
import { slimFleetJob } from "../lib/fleet/wire";
import { fleetSummaryText } from "../lib/fleet/rows";

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

async function control<T>(base: string, method: string, name: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/_emulator/${name}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /_emulator/${name}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The heap this scan needs: its peak over the heap before it, and what its result still holds after a full GC. */
async function heapOf(scan: () => Promise<FleetScan>): Promise<{ peak: number; retained: number; result: FleetScan }> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const result = await scan();
  clearInterval(sampler);
  gc();
  return { peak: peak - before, retained: process.memoryUsage().heapUsed - before, result };
}

async function main(): Promise<void> {
  const scale = Math.floor(arg("scale", Number(process.env.EMULATOR_SCALE ?? 5000)));
  const latencyMs = arg("latency-ms", 50);
  const itemLatencyMs = arg("item-latency-ms", 0);
  const concurrency = Math.max(1, Math.floor(arg("concurrency", SERVER_FLEET_CONCURRENCY)));

  const sameThread = process.argv.includes("--same-thread");
  const external = process.argv.includes("--emulator-url");
  const emulatorUrl = process.argv[process.argv.indexOf("--emulator-url") + 1];
  const emulator = external
    ? { url: emulatorUrl, close: async () => {} }
    : sameThread
      ? await startEmulator({ port: 0, host: "127.0.0.1", scale, clockSpeed: 0 })
      : await startEmulatorWorker(scale);
  try {
    const { access_token: token } = await control<{ access_token: string }>(emulator.url, "POST", "token", { persona: "admin" });
    const faults = [];
    if (latencyMs) faults.push({ path: "/servicePrincipals", latencyMs }, { path: "/$batch", latencyMs });
    if (itemLatencyMs) faults.push({ path: "/servicePrincipals/*/synchronization/jobs", latencyMs: itemLatencyMs });
    if (faults.length) await control(emulator.url, "POST", "faults", faults);
    await control(emulator.url, "DELETE", "requests");

    const graph = createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: async () => token });
    const started = performance.now();
    const scan = await scanFleet(graph, { concurrency });
    const elapsedMs = performance.now() - started;

    const log = (await control<{ value: { method: string; path: string; status: number }[] }>(emulator.url, "GET", "requests")).value;
    const pages = log.filter((r) => r.method === "GET" && /^\/beta\/servicePrincipals(\?|$)/.test(r.path)).length;
    const batches = log.filter((r) => r.method === "POST" && r.path === "/beta/$batch").length;
    const sps = scan.servicePrincipalCount;
    const budget = Math.floor(5000 / 20) + pages;
    const expected = pages + Math.ceil(sps / 20);
    const totals: FleetTotals = scan.totals;

    console.log(`fleet scan · ${external ? "" : `EMULATOR_SCALE=${scale} `}(${formatCount(sps)} service principals) · ${latencyMs} ms per request` +
      `${itemLatencyMs ? ` + ${itemLatencyMs} ms per batch item` : ""} · concurrency ${concurrency} · emulator ${external ? `at ${emulatorUrl}` : sameThread ? "on the same thread" : "in a worker thread"}`);
    console.log(`Graph requests: ${log.length} (${pages} SP pages + ${batches} $batch; pages + ceil(SPs/20) = ${expected}; budget 5,000/20 + pages = ${budget})`);
    console.log(`time to summary: ${(elapsedMs / 1000).toFixed(2)} s (budget 3 s)`);
    console.log(`summary: ${fleetSummaryText(totals)}`);
    console.log(`jobs: ${formatCount(scan.jobCount)} on ${formatCount(scan.entries.length)} service principals` +
      `${totals.unknown ? ` · ${totals.unknown} with a status this console does not know` : ""}` +
      `${scan.failures.length ? ` · failures: ${scan.failures.map((f) => `${f.servicePrincipals.length}× ${f.error.code}`).join(", ")}` : ""}`);
    console.log(`statuses: ${(Object.keys(STATUS_CODES) as (keyof typeof STATUS_CODES)[]).map((code) => `${code}=${totals[code]}`).join(" ")}`);
    if (process.argv.includes("--memory")) {
      const full = await heapOf(() => scanFleet(graph, { concurrency }));
      const slim = await heapOf(() => scanFleet(graph, { concurrency, keepJob: slimFleetJob }));
      const jobs = `${formatCount(slim.result.jobCount)} jobs`;
      console.log(`scanner heap, whole jobs: peak +${MB(full.peak)}, result holds ${MB(full.retained)} (${jobs})`);
      console.log(`scanner heap, jobs slimmed as they arrive (app/api/fleet): peak +${MB(slim.peak)}, result holds ${MB(slim.retained)}`);
    }
    console.log(`reproduce: npx tsx scripts/bench-fleet.ts --scale ${scale} --latency-ms ${latencyMs} --concurrency ${concurrency}${sameThread ? " --same-thread" : ""}${process.argv.includes("--memory") ? " --memory" : ""}`);
  } finally {
    await emulator.close();
  }
}

/** The emulator on its own event loop: a worker thread running this file, answering "close" by closing. */
async function startEmulatorWorker(scale: number): Promise<{ url: string; close(): Promise<void> }> {
  // Workers do not inherit tsx's loader: register it, then load this file in the worker.
  const boot = `require("tsx/cjs/api").register(); require(${JSON.stringify(__filename)});`;
  const worker = new Worker(boot, { eval: true, workerData: { scale } });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once("message", (message: { url: string }) => resolve(message.url));
    worker.once("error", reject);
  });
  return {
    url,
    close: async () => {
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.postMessage("close");
      await exited;
    },
  };
}

async function runWorker(): Promise<void> {
  const emulator = await startEmulator({ port: 0, host: "127.0.0.1", scale: (workerData as { scale: number }).scale, clockSpeed: 0 });
  parentPort!.once("message", () => void emulator.close().then(() => process.exit(0)));
  parentPort!.postMessage({ url: emulator.url });
}

(isMainThread ? main() : runWorker()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
