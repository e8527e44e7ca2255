/**
 * `npx tsx scripts/load.ts [--admins 50] [--seconds 60] [--base-url http://127.0.0.1:3000]
 *   [--emulator-url http://127.0.0.1:4010] [--start]`
 *
 * A bounded load test (issue 8) against one running console (`npm start`: `next start` + the embedded
 * emulator), on 127.0.0.1 only. Each simulated admin loops: GET the service-principal list page, GET one
 * SP's page, and create a job through the console's `createJob` **server action** over HTTP (the
 * `Next-Action` POST the browser sends). A janitor deletes the created jobs through the emulator's Graph so
 * the tenant stays bounded. Prints requests, errors by kind, p50/p95/p99 latency per request type and the
 * console's peak memory (VmRSS sampled every 250 ms, and VmHWM). `--start` runs `scripts/start.ts` first
 * (PORT and EMULATOR_PORT from the URLs) and stops it at the end. Exit code 1 when any console request failed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

interface Options {
  admins: number;
  seconds: number;
  baseUrl: URL;
  emulatorUrl: URL;
  start: boolean;
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
  return {
    admins: bounded("admins", values.admins, 500),
    seconds: bounded("seconds", values.seconds, 3600),
    baseUrl: loopback("base-url", values["base-url"]),
    emulatorUrl: loopback("emulator-url", values["emulator-url"]),
    start: values.start,
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

// -------------------------------------------------------------------------------- console memory

/** The pid listening on `port` (from /proc/net/tcp[6] and each process's socket fds), or undefined. */
function listeningPid(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      const localPort = parseInt(fields[1].split(":").pop() ?? "", 16);
      if (localPort === port && fields[3] === "0A") inodes.add(fields[9]);
    }
  }
  if (!inodes.size) return undefined;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (match && inodes.has(match[1])) return Number(entry);
      } catch {
        // the fd closed meanwhile
      }
    }
  }
  return undefined;
}

/** Samples VmRSS every 250 ms; reports the peak seen and the kernel's VmHWM (peak RSS since start). */
class MemorySampler {
  peakRssKb = 0;
  private timer?: NodeJS.Timeout;
  constructor(readonly pid: number | undefined) {}

  private status(): Record<string, number> {
    if (this.pid === undefined) return {};
    try {
      const text = readFileSync(`/proc/${this.pid}/status`, "utf8");
      return Object.fromEntries([...text.matchAll(/^(VmRSS|VmHWM):\s+(\d+) kB$/gm)].map((m) => [m[1], Number(m[2])]));
    } catch {
      return {};
    }
  }

  start(): void {
    const sample = () => (this.peakRssKb = Math.max(this.peakRssKb, this.status().VmRSS ?? 0));
    sample();
    this.timer = setInterval(sample, 250);
  }

  stop(): { peakRssMb: number; hwmMb: number; rssMb: number } {
    clearInterval(this.timer);
    const now = this.status();
    return { peakRssMb: this.peakRssKb / 1024, hwmMb: (now.VmHWM ?? 0) / 1024, rssMb: (now.VmRSS ?? 0) / 1024 };
  }
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

async function waitFor(url: URL, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  fail(`${url.href} did not answer within ${seconds} s.`);
}

async function main(): Promise<void> {
  const opts = options();
  let child: ChildProcess | undefined;
  if (opts.start) {
    child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, PORT: opts.baseUrl.port || "80", EMULATOR_PORT: opts.emulatorUrl.port || "80" },
    });
    process.on("exit", () => child?.kill("SIGTERM"));
    await waitFor(new URL("/service-principals", opts.baseUrl), 900);
  }

  const emulator = new Emulator(opts.emulatorUrl);
  await emulator.bearer();
  const actionId = createJobActionId();
  const targets = await emulator.targets();
  if (!targets.length) fail("the tenant has no service principal with a provisioning template.");
  const consolePid = listeningPid(Number(opts.baseUrl.port || 80));
  const emulatorPid = listeningPid(Number(opts.emulatorUrl.port || 80));
  console.log(
    `load: ${opts.admins} admins for ${opts.seconds} s against ${opts.baseUrl.origin} (console pid ${consolePid ?? "not found"}), ` +
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

  const memory = new MemorySampler(consolePid);
  const emulatorMemory = new MemorySampler(emulatorPid);
  memory.start();
  emulatorMemory.start();
  const started = performance.now();
  const deadline = Date.now() + opts.seconds * 1000;
  let janitorRun = Promise.resolve();
  const janitorTimer = setInterval(() => (janitorRun = janitorRun.then(janitor)), 2_000);
  const progressTimer = setInterval(() => {
    const elapsed = (performance.now() - started) / 1000;
    console.log(`  ${elapsed.toFixed(0)} s: ${stats.requests} requests, ${stats.errorCount()} errors, ${stats.created} jobs created, console RSS peak ${(memory.peakRssKb / 1024).toFixed(0)} MB`);
  }, 10_000);

  async function admin(index: number): Promise<void> {
    let round = index;
    while (Date.now() < deadline) {
      const target = targets[round++ % targets.length];
      const list = await timed(new URL("/service-principals", opts.baseUrl));
      stats.record("page:list", list.ms, list.error ?? (list.response!.status === 200 ? undefined : `http-${list.response!.status}`));
      const page = new URL(`/service-principals/${target.servicePrincipalId}`, opts.baseUrl);
      const sp = await timed(page);
      stats.record("page:sp", sp.ms, sp.error ?? (sp.response!.status === 200 ? undefined : `http-${sp.response!.status}`));

      const action = await timed(page, {
        method: "POST",
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        body: JSON.stringify([await emulator.bearer(), target]),
      });
      let error = action.error;
      if (!error && action.response!.status !== 200) error = `http-${action.response!.status}`;
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
  const consoleMemory = memory.stop();
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
  console.log(
    consolePid === undefined
      ? "  console memory: pid not found (is it listening on the --base-url port on this machine?)"
      : `  console (pid ${consolePid}) peak RSS ${consoleMemory.peakRssMb.toFixed(1)} MB sampled every 250 ms; VmHWM ${consoleMemory.hwmMb.toFixed(1)} MB; RSS at end ${consoleMemory.rssMb.toFixed(1)} MB`,
  );
  if (emulatorPid !== undefined && emulatorPid !== consolePid) {
    console.log(`  emulator (pid ${emulatorPid}) peak RSS ${emuMemory.peakRssMb.toFixed(1)} MB; VmHWM ${emuMemory.hwmMb.toFixed(1)} MB`);
  }
  child?.kill("SIGTERM");
  process.exitCode = stats.errorCount() ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
