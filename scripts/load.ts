/**
 * `npx tsx scripts/load.ts [--admins 50] [--seconds 60] [--base-url http://127.0.0.1:3000]
 *   [--emulator-url http://127.0.0.1:4010] [--start [--replicas 1]] [--sample-seconds 60]`
 *
 * A bounded load test (issue 8) against a running console (`npm start`: `next start` + the embedded
 * emulator), on 127.0.0.1 only. Each simulated admin loops: GET the service-principal list page, GET one
 * SP's page, and create a job through the console's `createJob` **server action** over HTTP (the
 * `Next-Action` POST the browser sends). A janitor deletes the created jobs through the emulator's Graph so
 * the tenant stays bounded. Prints requests, errors by kind, p50/p95/p99 latency per request type and the
 * console's memory: every `--sample-seconds` its RSS (and, for replicas this script started, its V8 heap), at
 * the end its peak (VmRSS sampled every 250 ms, and VmHWM).
 * `--start` builds when the sources changed, starts the emulator on the --emulator-url port and the console on
 * the --base-url port (`next start` from the build, configured as `npm start` does), and stops them at the end.
 * `--replicas N` (with --start, N > 1): N consoles on the next N ports after the --base-url port, and the
 * round-robin proxy (scripts/lib/round-robin-proxy.ts) on the --base-url port, which the load goes through;
 * memory and requests are printed per replica. Exit code 1 when any console request failed.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildIfNeeded } from "./lib/build-if-needed";
import { listeningPid, MemorySampler } from "./lib/process-memory";
import { startReplicaStack, type ReplicaStack } from "./lib/replica-stack";

interface Options {
  admins: number;
  seconds: number;
  baseUrl: URL;
  emulatorUrl: URL;
  start: boolean;
  replicas: number;
  sampleSeconds: number;
}

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\])$/i;
const REQUEST_TIMEOUT_MS = 30_000;

function fail(message: string): never {
  console.error(`load: ${message}`);
  process.exit(2);
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      admins: { type: "string", default: "50" },
      seconds: { type: "string", default: "60" },
      "base-url": { type: "string", default: "http://127.0.0.1:3000" },
      "emulator-url": { type: "string", default: "http://127.0.0.1:4010" },
      start: { type: "boolean", default: false },
      replicas: { type: "string", default: "1" },
      "sample-seconds": { type: "string", default: "60" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(readFileSync(__filename, "utf8").split("*/")[0]);
    process.exit(0);
  }
  const bounded = (name: string, raw: string, max: number) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) fail(`--${name} must be an integer from 1 to ${max} (got '${raw}').`);
    return value;
  };
  const loopback = (name: string, raw: string) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      fail(`--${name} is not a URL: '${raw}'.`);
    }
    if (url.protocol !== "http:") fail(`--${name} must be http:// (got '${raw}').`);
    if (!LOOPBACK.test(url.hostname)) fail(`--${name} must be a loopback host (127.0.0.1, localhost, [::1]); refusing '${url.hostname}'.`);
    return url;
  };
  const replicas = bounded("replicas", values.replicas, 8);
  if (replicas > 1 && !values.start) fail("--replicas needs --start (it starts the replicas and the proxy in front of them).");
  return {
    admins: bounded("admins", values.admins, 500),
    seconds: bounded("seconds", values.seconds, 3600),
    baseUrl: loopback("base-url", values["base-url"]),
    emulatorUrl: loopback("emulator-url", values["emulator-url"]),
    start: values.start,
    replicas,
    sampleSeconds: bounded("sample-seconds", values["sample-seconds"], 3600),
  };
}

// ---------------------------------------------------------------------------------------------- stats

type Kind = "page:list" | "page:sp" | "action:createJob";

class Stats {
  readonly latencies = new Map<Kind, number[]>();
  readonly errors = new Map<string, number>();
  requests = 0;
  created = 0;

  record(kind: Kind, ms: number, error?: string): void {
    this.requests++;
    if (!this.latencies.has(kind)) this.latencies.set(kind, []);
    this.latencies.get(kind)!.push(ms);
    if (error) this.errors.set(`${kind} ${error}`, (this.errors.get(`${kind} ${error}`) ?? 0) + 1);
  }

  errorCount(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// ----------------------------------------------------------------------------------- HTTP helpers

async function timed(url: URL | string, init: RequestInit = {}): Promise<{ response?: Response; text: string; ms: number; error?: string }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    return { response, text, ms: performance.now() - started };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    const kind = e.name === "TimeoutError" ? "timeout" : `network:${e.cause?.code ?? e.name}`;
    return { text: "", ms: performance.now() - started, error: kind };
  }
}

/** `http-<status>` for anything but 200; a 502 of the round-robin proxy also names its cause (`http-502 ECONNRESET`). */
function httpError({ response, text }: { response?: Response; text: string }): string | undefined {
  if (response!.status === 200) return undefined;
  const cause = response!.status === 502 ? /^Bad gateway: .* did not answer \(([^)]+)\)/.exec(text)?.[1] : undefined;
  return cause ? `http-502 ${cause}` : `http-${response!.status}`;
}

/** The createJob action id from the build's server reference manifest (`node[id].exportedName`). */
function createJobActionId(): string {
  const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
  let manifest: { node?: Record<string, { exportedName?: string; filename?: string }> };
  try {
    manifest = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    fail(`cannot read ${file}: build the console first (npm start builds it).`);
  }
  const entry = Object.entries(manifest.node ?? {}).find(([, value]) => value.exportedName === "createJob" && value.filename?.endsWith("create-job.ts"));
  if (!entry) fail(`no createJob action in ${file}.`);
  return entry[0];
}

/**
 * A server action answers an RSC stream: rows `<id>:<json>`; row 0 is `{"a":"$@<row>",…}` and the
 * referenced row holds the returned value (our `ActionResult`).
 */
export function decodeActionResult(text: string): { ok: boolean; kind?: string; id?: string } | undefined {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1], match[2]);
  }
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
    const ref = typeof head?.a === "string" && head.a.startsWith("$@") ? head.a.slice(2) : undefined;
    const value = JSON.parse(ref !== undefined ? (rows.get(ref) ?? "null") : "null") as { ok?: boolean; data?: { id?: string }; error?: { kind?: string } } | null;
    if (!value || typeof value.ok !== "boolean") return undefined;
    return { ok: value.ok, kind: value.error?.kind, id: value.data?.id };
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------------------------------------------ main

interface Target {
  servicePrincipalId: string;
  templateId: string;
}

class Emulator {
  private token = "";
  private tokenAt = 0;
  constructor(readonly url: URL) {}

  async bearer(): Promise<string> {
    if (!this.token || Date.now() - this.tokenAt > 30 * 60_000) {
      const response = await fetch(new URL("/_emulator/token", this.url), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ persona: "admin" }),
      });
      if (!response.ok) fail(`POST /_emulator/token answered ${response.status}: is ${this.url.origin} the console's emulator?`);
      this.token = ((await response.json()) as { access_token: string }).access_token;
      this.tokenAt = Date.now();
    }
    return this.token;
  }

  async graph(method: string, graphPath: string): Promise<Response> {
    return fetch(new URL(`/beta${graphPath}`, this.url), { method, headers: { Authorization: `Bearer ${await this.bearer()}` }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  }

  /** Service principals with at least one template, from the first 60 of the tenant. */
  async targets(): Promise<Target[]> {
    const list = (await (await this.graph("GET", "/servicePrincipals?$top=60&$select=id")).json()) as { value: { id: string }[] };
    const targets: Target[] = [];
    for (const { id } of list.value) {
      const templates = (await (await this.graph("GET", `/servicePrincipals/${id}/synchronization/templates`)).json()) as { value?: { id: string }[] };
      if (templates.value?.length) targets.push({ servicePrincipalId: id, templateId: templates.value[0].id });
    }
    return targets;
  }
}

interface Measured {
  label: string;
  sampler: MemorySampler;
}

/** With --start: the emulator, the replicas and (N > 1) the proxy, on the ports of the URLs. */
async function startStack(opts: Options, memoryReportDir: string): Promise<ReplicaStack> {
  await buildIfNeeded();
  const basePort = Number(opts.baseUrl.port || 80);
  const replicaPorts = opts.replicas === 1 ? [basePort] : Array.from({ length: opts.replicas }, (_, i) => basePort + 1 + i);
  const stack = await startReplicaStack({
    emulatorPort: Number(opts.emulatorUrl.port || 80),
    replicaPorts,
    proxyPort: opts.replicas === 1 ? undefined : basePort,
    memoryReportDir,
    echo: true,
  });
  const stopOnSignal = (code: number) => void stack.stop().finally(() => process.exit(code));
  process.once("SIGINT", () => stopOnSignal(130));
  process.once("SIGTERM", () => stopOnSignal(143));
  return stack;
}

async function main(): Promise<void> {
  const opts = options();
  const memoryReportDir = mkdtempSync(path.join(os.tmpdir(), "load-memory-"));
  process.on("exit", () => rmSync(memoryReportDir, { recursive: true, force: true }));
  const stack = opts.start ? await startStack(opts, memoryReportDir) : undefined;

  const emulator = new Emulator(opts.emulatorUrl);
  await emulator.bearer();
  const actionId = createJobActionId();
  const targets = await emulator.targets();
  if (!targets.length) fail("the tenant has no service principal with a provisioning template.");
  const emulatorPid = listeningPid(Number(opts.emulatorUrl.port || 80));
  const consoles: Measured[] = stack
    ? stack.replicas.map((replica, i) => ({ label: stack.proxy ? `replica ${i} (pid ${replica.pid})` : `console (pid ${replica.pid})`, sampler: new MemorySampler(replica.pid, memoryReportDir) }))
    : [{ label: "console", sampler: new MemorySampler(listeningPid(Number(opts.baseUrl.port || 80))) }];
  const through = stack?.proxy ? `the round-robin proxy ${opts.baseUrl.origin} over ${stack.replicas.map((replica) => replica.url).join(", ")}` : opts.baseUrl.origin;
  console.log(
    `load: ${opts.admins} admins for ${opts.seconds} s against ${through} (console pid ${consoles.map((c) => c.sampler.pid ?? "not found").join(", ")}), ` +
      `emulator ${opts.emulatorUrl.origin} (pid ${emulatorPid ?? "not found"}); ${targets.length} SPs with templates; createJob action ${actionId.slice(0, 12)}…`,
  );

  const stats = new Stats();
  const created: { servicePrincipalId: string; jobId: string }[] = [];
  let cleanupErrors = 0;
  let deleted = 0;
  const janitor = async () => {
    const batch = created.splice(0, created.length);
    for (let i = 0; i < batch.length; i += 8) {
      await Promise.all(
        batch.slice(i, i + 8).map(async ({ servicePrincipalId, jobId }) => {
          try {
            const response = await emulator.graph("DELETE", `/servicePrincipals/${servicePrincipalId}/synchronization/jobs/${encodeURIComponent(jobId)}`);
            await response.arrayBuffer();
            if (response.status === 204 || response.status === 404) deleted++;
            else cleanupErrors++;
          } catch {
            cleanupErrors++;
          }
        }),
      );
    }
  };

  const emulatorMemory = new MemorySampler(emulatorPid);
  for (const { sampler } of consoles) sampler.start();
  emulatorMemory.start();
  const started = performance.now();
  const deadline = Date.now() + opts.seconds * 1000;
  let janitorRun = Promise.resolve();
  const janitorTimer = setInterval(() => (janitorRun = janitorRun.then(janitor)), 2_000);
  const elapsed = () => ((performance.now() - started) / 1000).toFixed(0);
  const progressTimer = setInterval(() => {
    const peaks = consoles.map(({ sampler }) => (sampler.peakRssKb / 1024).toFixed(0)).join(" / ");
    console.log(`  ${elapsed()} s: ${stats.requests} requests, ${stats.errorCount()} errors, ${stats.created} jobs created, console RSS peak ${peaks} MB`);
  }, 10_000);
  const memoryTimer = setInterval(() => {
    for (const { label, sampler } of consoles) console.log(`  ${elapsed()} s memory: ${label} ${sampler.describeNow()}`);
  }, opts.sampleSeconds * 1000);

  async function admin(index: number): Promise<void> {
    let round = index;
    while (Date.now() < deadline) {
      const target = targets[round++ % targets.length];
      const list = await timed(new URL("/service-principals", opts.baseUrl));
      stats.record("page:list", list.ms, list.error ?? httpError(list));
      const page = new URL(`/service-principals/${target.servicePrincipalId}`, opts.baseUrl);
      const sp = await timed(page);
      stats.record("page:sp", sp.ms, sp.error ?? httpError(sp));

      const action = await timed(page, {
        method: "POST",
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        body: JSON.stringify([await emulator.bearer(), target]),
      });
      let error = action.error;
      if (!error) error = httpError(action);
      if (!error) {
        const result = decodeActionResult(action.text);
        if (!result) error = "undecodable-reply";
        else if (!result.ok) error = `action:${result.kind ?? "unknown"}`;
        else if (!result.id) error = "no-job-id";
        else {
          stats.created++;
          created.push({ servicePrincipalId: target.servicePrincipalId, jobId: result.id });
        }
      }
      stats.record("action:createJob", action.ms, error);
    }
  }

  await Promise.all(Array.from({ length: opts.admins }, (_, i) => admin(i)));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(janitorTimer);
  clearInterval(progressTimer);
  clearInterval(memoryTimer);
  const memories = consoles.map(({ label, sampler }) => ({ label, pid: sampler.pid, heap: sampler.heap(), ...sampler.stop() }));
  const emuMemory = emulatorMemory.stop();
  await janitorRun;
  await janitor();

  console.log(`\nload: ${stats.requests} console requests in ${seconds.toFixed(1)} s (${(stats.requests / seconds).toFixed(1)}/s), ${opts.admins} admins`);
  console.log("  type               count  errors    p50 ms    p95 ms    p99 ms    max ms");
  for (const [kind, values] of stats.latencies) {
    const sorted = [...values].sort((a, b) => a - b);
    const errors = [...stats.errors].filter(([key]) => key.startsWith(`${kind} `)).reduce((sum, [, n]) => sum + n, 0);
    const cells = [50, 95, 99].map((p) => percentile(sorted, p).toFixed(1).padStart(9));
    console.log(`  ${kind.padEnd(17)} ${String(values.length).padStart(6)} ${String(errors).padStart(7)} ${cells.join(" ")} ${sorted.at(-1)!.toFixed(1).padStart(9)}`);
  }
  console.log(`  errors: ${stats.errorCount() ? JSON.stringify(Object.fromEntries(stats.errors)) : "none"}`);
  console.log(`  jobs created through the server action: ${stats.created}; deleted afterwards: ${deleted}; cleanup errors: ${cleanupErrors}`);
  const served = stack?.proxy?.served();
  memories.forEach((memory, i) => {
    if (memory.pid === undefined) return console.log("  console memory: pid not found (is it listening on the --base-url port on this machine?)");
    const requests = served ? `; ${served[i]} requests through the proxy` : "";
    const heap = memory.heap ? `; heap used at end ${(memory.heap.heapUsed / 1024 / 1024).toFixed(1)} MB` : "";
    console.log(`  ${memory.label} peak RSS ${memory.peakRssMb.toFixed(1)} MB sampled every 250 ms; VmHWM ${memory.hwmMb.toFixed(1)} MB; RSS at end ${memory.rssMb.toFixed(1)} MB${heap}${requests}`);
  });
  if (emulatorPid !== undefined && !consoles.some(({ sampler }) => sampler.pid === emulatorPid)) {
    console.log(`  emulator (pid ${emulatorPid}) peak RSS ${emuMemory.peakRssMb.toFixed(1)} MB; VmHWM ${emuMemory.hwmMb.toFixed(1)} MB`);
  }
  await stack?.stop();
  process.exitCode = stats.errorCount() ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
