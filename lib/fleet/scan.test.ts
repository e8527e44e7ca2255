import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { evaluate } from "@/lib/emulator/engine/evaluate";
import { SP } from "@/lib/emulator/seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { countByStatus, emptyTotals, FleetLimitError, scanFleet, type FleetProgress, type FleetTotals } from "@/lib/fleet/scan";
import { createGraphGateway, GraphError } from "@/lib/graph/gateway";

let emulator: TestEmulator;

function gateway(persona: "admin" | "reader" | "nosync" = "admin") {
  return createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: () => emulator.token(persona) });
}


/** The emulator's own answer: every job's status as its engine evaluates it now. */
function emulatorTotals(): { totals: FleetTotals; servicePrincipals: number; withJobs: number } {
  const { tenant, clock } = emulator.instance.state;
  const totals = emptyTotals();
  for (const job of tenant.allJobs()) totals[evaluate(job, clock.now()).code as keyof FleetTotals]++;
  const withJobs = tenant.servicePrincipals.filter((sp) => tenant.synchronization(sp.id).jobs.size > 0).length;
  return { totals, servicePrincipals: tenant.servicePrincipals.length, withJobs };
}

async function reset(scale: number) {
  const result = await emulator.control("POST", "reset", { scale });
  expect(result.status).toBe(200);
}

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await emulator.control("DELETE", "faults");
});

describe("scanFleet at EMULATOR_SCALE=5000", () => {
  it("finds every job, totals equal the emulator's own counts, with SP pages + ceil(SPs/20) requests", async () => {
    await reset(5000);
    const expected = emulatorTotals();
    const progress: FleetProgress[] = [];

    const scan = await scanFleet(gateway(), { onProgress: (p) => progress.push(p) });

    expect(scan.totals).toEqual(expected.totals);
    expect(scan.servicePrincipalCount).toBe(expected.servicePrincipals);
    expect(scan.entries).toHaveLength(expected.withJobs);
    expect(scan.jobCount).toBe(Object.values(expected.totals).reduce((a, b) => a + b, 0));
    expect(scan.failures).toEqual([]);
    expect(scan.totals.Quarantine).toBeGreaterThan(100);

    const log = await emulator.requests();
    const pages = log.filter((r) => r.method === "GET" && /^\/beta\/servicePrincipals\?/.test(r.path));
    const batches = log.filter((r) => r.method === "POST" && r.path === "/beta/$batch");
    expect(pages).toHaveLength(Math.ceil(expected.servicePrincipals / 999));
    expect(pages[0].path).toContain("$select=id%2CdisplayName%2CappId");
    expect(pages[0].path).toContain("$top=999");
    expect(batches).toHaveLength(Math.ceil(expected.servicePrincipals / 20));
    expect(log).toHaveLength(pages.length + batches.length);
    expect(scan.requests).toEqual({ pages: pages.length, batches: batches.length });

    // Batching starts before the listing ends, and progress only moves forward to "all scanned".
    expect(progress.some((p) => !p.listed && p.batchesDone > 0)).toBe(true);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i].scanned).toBeGreaterThanOrEqual(progress[i - 1].scanned);
      expect(progress[i].seen).toBeGreaterThanOrEqual(progress[i - 1].seen);
    }
    expect(progress.at(-1)).toMatchObject({ scanned: expected.servicePrincipals, seen: expected.servicePrincipals, listed: true, batchesDone: batches.length });
  });

  it("stops sending requests when aborted", async () => {
    await reset(5000);
    await emulator.control("POST", "faults", { path: "/$batch", latencyMs: 20 });
    const controller = new AbortController();
    const scan = scanFleet(gateway(), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.batchesDone >= 3) controller.abort();
      },
    });
    await expect(scan).rejects.toMatchObject({ name: "AbortError" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = (await emulator.requests()).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await emulator.requests()).length).toBe(after);
    expect(after).toBeLessThan(30);
  });

  it("cancels the batches in flight when aborted: their requests' signals abort", async () => {
    await reset(2000);
    await emulator.control("POST", "faults", { path: "/$batch", latencyMs: 2_000 });
    const signals: AbortSignal[] = [];
    const graph = createGraphGateway({
      baseUrl: emulator.url,
      version: "beta",
      getToken: () => emulator.token("admin"),
      fetch: (input, init) => {
        if (String(input).endsWith("/$batch") && init?.signal) signals.push(init.signal);
        return fetch(input, init);
      },
    });
    const controller = new AbortController();
    const scan = scanFleet(graph, { signal: controller.signal });
    await expect.poll(() => signals.length).toBeGreaterThan(0);
    controller.abort();
    await expect(scan).rejects.toMatchObject({ name: "AbortError" });
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });

  it("rejects at once when the signal is already aborted", async () => {
    await emulator.clearRequests();
    const controller = new AbortController();
    controller.abort();
    await expect(scanFleet(gateway(), { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(await emulator.requests()).toEqual([]);
  });
});

describe("scanFleet on the seed tenant", () => {
  beforeEach(() => reset(0));

  it("returns the seeded apps with their jobs", async () => {
    const scan = await scanFleet(gateway("reader"));
    const names = scan.entries.map((entry) => entry.servicePrincipal.displayName);
    expect(names).toEqual(expect.arrayContaining(["Box", "Salesforce", "Slack"]));
    expect(scan.entries.find((entry) => entry.servicePrincipal.id === SP.zoom)).toBeUndefined();
    expect(scan.entries.find((entry) => entry.servicePrincipal.id === SP.cloudSync)?.jobs).toHaveLength(2);
    expect(scan.totals).toEqual(emulatorTotals().totals);
  });

  it("says once that the account lacks a Synchronization permission, and stops scanning", async () => {
    await reset(400);
    const error = await scanFleet(gateway("nosync"), { concurrency: 2 }).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).info).toMatchObject({ kind: "missing-sync-permission", status: 401 });
    const batches = (await emulator.requests()).filter((r) => r.path === "/beta/$batch");
    expect(batches.length).toBeLessThanOrEqual(3); // 21 would be needed for 420 SPs
  });

  it("retries a throttled sub-request after its Retry-After, in a later batch", async () => {
    await emulator.control("POST", "faults", { path: "/servicePrincipals/*/synchronization/jobs", status: 429, retryAfter: 2, count: 3 });
    const waits: number[] = [];
    const scan = await scanFleet(gateway(), { sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([2000]);
    expect(scan.failures).toEqual([]);
    expect(scan.totals).toEqual(emulatorTotals().totals);
    expect(scan.requests.batches).toBe(2); // one for the 20 SPs, one for the 3 retried
  });

  it("gives up on a sub-request that stays throttled and reports those SPs as one failure", async () => {
    await emulator.control("POST", "faults", { path: `/servicePrincipals/${SP.box}/synchronization/jobs`, status: 429, retryAfter: 1 });
    const waits: number[] = [];
    const scan = await scanFleet(gateway(), { sleep: async (ms) => void waits.push(ms) });
    expect(waits).toHaveLength(3);
    expect(scan.failures).toHaveLength(1);
    expect(scan.failures[0].error).toMatchObject({ kind: "throttled", status: 429 });
    expect(scan.failures[0].servicePrincipals.map((sp) => sp.displayName)).toEqual(["Box"]);
    expect(scan.entries.find((entry) => entry.servicePrincipal.id === SP.box)).toBeUndefined();
  });

  it("does not wait out a Retry-After longer than 30 seconds", async () => {
    await emulator.control("POST", "faults", { path: `/servicePrincipals/${SP.box}/synchronization/jobs`, status: 429, retryAfter: 120 });
    const waits: number[] = [];
    const scan = await scanFleet(gateway(), { sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([]);
    expect(scan.failures[0].error.retryAfterSeconds).toBe(120);
  });

  it("reports a failed batch as failures of its SPs and finishes the scan", async () => {
    await reset(30); // 50 SPs: three batches
    await emulator.control("POST", "faults", { method: "POST", path: "/$batch", status: 500, count: 1 });
    const scan = await scanFleet(gateway(), { concurrency: 1 });
    expect(scan.failures).toHaveLength(1);
    expect(scan.failures[0].error).toMatchObject({ kind: "server", status: 500 });
    expect(scan.failures[0].servicePrincipals).toHaveLength(20);
    expect(scan.servicePrincipalCount).toBe(50);
  });

  it("keeps of each job only what keepJob keeps", async () => {
    const scan = await scanFleet(gateway(), { keepJob: (job) => ({ id: job.id, templateId: job.templateId }) });
    const jobs = scan.entries.flatMap((entry) => entry.jobs);
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) expect(Object.keys(job).sort()).toEqual(["id", "templateId"]);
  });

  it("reads at most maxPages pages of service principals, then rejects with a FleetLimitError", async () => {
    await reset(1000); // 1,020 SPs: two pages of 999
    await emulator.clearRequests();
    const failure = await scanFleet(gateway(), { maxPages: 1 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FleetLimitError);
    expect((failure as FleetLimitError).message).toContain("1 pages of 999");
    expect((await emulator.requests()).filter((r) => r.method === "GET" && r.path.includes("/servicePrincipals"))).toHaveLength(1);
    expect((await scanFleet(gateway(), { maxPages: 2 })).servicePrincipalCount).toBe(1020);
  });

  it("stops on a fault of its own instead of reporting it as the SPs' Graph failure", async () => {
    const graph = { ...gateway(), batch: async () => Promise.reject(new TypeError("Cannot read properties of undefined")) };
    await expect(scanFleet(graph)).rejects.toBeInstanceOf(TypeError);
  });

  it("rejects when the service principals cannot be listed", async () => {
    await emulator.control("POST", "faults", { method: "GET", path: "/servicePrincipals", status: 500 });
    await expect(scanFleet(gateway())).rejects.toMatchObject({ info: { kind: "server" } });
  });
});

describe("countByStatus", () => {
  it("counts status codes case-insensitively, and unknown ones apart", () => {
    const job = (code: string) => ({ id: code, status: { code } }) as unknown as SynchronizationJob;
    const sp = { id: "x", displayName: "X", appId: "y" };
    const totals = countByStatus([{ servicePrincipal: sp, jobs: [job("notConfigured"), job("NotConfigured"), job("quarantine"), job("Sleeping")] }]);
    expect(totals).toEqual({ NotConfigured: 2, NotRun: 0, Active: 0, Paused: 0, Quarantine: 1, unknown: 1 });
  });
});
