import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { withActionEmulator } from "@/test/support/action-emulator";
import type { TestEmulator } from "@/test/support/emulator";
import type { FleetProgress } from "@/lib/fleet/scan";
import { scanFleetThroughConsole } from "@/lib/fleet/scan-through-console";
import { GraphError, type GraphErrorInfo } from "@/lib/graph/graph-error";
import { readFleetEvents, type FleetEvent } from "@/lib/fleet/wire";
import { FLEET_SCAN_LIMITS, type FleetScanLimits } from "@/lib/server/fleet-admission";
import { createFleetScanHandler } from "@/lib/server/fleet-scan-handler";
import { TENANT_ID } from "@/lib/emulator/auth/personas";
import { EMBEDDED_CLIENT_ID } from "@/lib/emulator/identity/client";
import { POST } from "./route";

/** A route handler behind a real HTTP server, as Next serves it, so the browser-side client talks HTTP to it. */
async function serve(handle: (request: Request) => Promise<Response>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const response = await handle(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, signal: abort.signal }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
    else res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let emulator: TestEmulator;
let consoleUrl: string;
let closeConsole: () => Promise<void>;
withActionEmulator((running) => (emulator = running));

beforeAll(async () => {
  ({ url: consoleUrl, close: closeConsole } = await serve(POST));
});
afterAll(() => closeConsole());

function scan(persona: "admin" | "reader" | "nosync" = "reader", extra: Partial<Parameters<typeof scanFleetThroughConsole>[0]> = {}) {
  return scanFleetThroughConsole({ baseUrl: consoleUrl, getToken: () => emulator.token(persona), refreshToken: () => emulator.token(persona), ...extra });
}

describe("POST /api/fleet (the fleet scan on the console's server)", () => {
  it("streams progress, then a result that matches Graph, with one $batch per 20 SPs", async () => {
    await emulator.control("POST", "reset", { scale: 400 });
    await emulator.clearRequests();
    const progress: FleetProgress[] = [];
    const result = await scan("reader", { onProgress: (p) => progress.push(p) });

    const spCount = emulator.instance.state.tenant.servicePrincipals.length;
    const withJobs = emulator.instance.state.tenant.servicePrincipals.filter((sp) => emulator.instance.state.tenant.synchronization(sp.id).jobs.size > 0);
    expect(result.servicePrincipalCount).toBe(spCount);
    expect(result.entries.map((entry) => entry.servicePrincipal.id).sort()).toEqual(withJobs.map((sp) => sp.id).sort());
    expect(result.jobCount).toBe(withJobs.reduce((sum, sp) => sum + emulator.instance.state.tenant.synchronization(sp.id).jobs.size, 0));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.scanned).toBeLessThanOrEqual(spCount);

    const log = await emulator.requests();
    const batches = log.filter((r) => r.method === "POST" && r.path.endsWith("/$batch")).length;
    expect(batches).toBe(Math.ceil(spCount / 20));
    expect(log.length).toBe(batches + result.requests.pages);
  });

  it("sends each job slimmed to what the Jobs view and the Overview show (a quarantine's reason included)", async () => {
    const result = await scan();
    const jobs = result.entries.flatMap((entry) => entry.jobs);
    for (const job of jobs) {
      expect(Object.keys(job).sort()).toEqual(["id", "schedule", "status", "templateId"]);
      expect(["code", "countSuccessiveCompleteFailures", "lastExecution", "quarantine"]).toEqual(expect.arrayContaining(Object.keys(job.status ?? {})));
    }
    const quarantined = jobs.find((job) => job.status?.code === "Quarantine");
    expect(quarantined?.status?.quarantine?.reason).toBeTruthy();
    expect(jobs.some((job) => job.status && "progress" in job.status)).toBe(false);
  });

  it("refuses a request without a usable token before anything reaches Graph", async () => {
    await emulator.clearRequests();
    for (const authorization of [undefined, "", "Bearer ", "Basic abc", "Bearer two words", `Bearer ${"x".repeat(20_000)}`]) {
      // Straight to the handler: Node's HTTP server itself refuses the 20 kB header (431) before any route runs.
      const response = await POST(new Request(`${consoleUrl}/api/fleet`, { method: "POST", headers: authorization === undefined ? {} : { authorization } }));
      expect(response.status, String(authorization).slice(0, 20)).toBe(401);
      expect((await response.json()).error).toMatchObject({ kind: "unauthenticated", status: 401 });
    }
    expect(await emulator.requests()).toEqual([]);
  });

  it("reports a missing Synchronization permission as one error, without the token in it", async () => {
    const token = await emulator.token("nosync");
    const failure = await scanFleetThroughConsole({ baseUrl: consoleUrl, getToken: async () => token, refreshToken: async () => token }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GraphError);
    expect((failure as GraphError).info.kind).toBe("missing-sync-permission");
    expect(JSON.stringify((failure as GraphError).info)).not.toContain(token);
  });

  it("after Graph refuses the token, scans once more with a fresh one", async () => {
    const tokens: string[] = [];
    const result = await scanFleetThroughConsole({
      baseUrl: consoleUrl,
      getToken: async () => "not-a-token-graph-accepts",
      refreshToken: async () => {
        tokens.push("fresh");
        return emulator.token("reader");
      },
    });
    expect(tokens).toEqual(["fresh"]);
    expect(result.entries.length).toBeGreaterThan(0);
  });

  it("stops asking Graph when the browser goes away", async () => {
    await emulator.control("POST", "reset", { scale: 2000 });
    await emulator.control("POST", "faults", [{ path: "/$batch", latencyMs: 100 }]);
    await emulator.clearRequests();
    const abort = new AbortController();
    const scanning = scan("reader", { signal: abort.signal, onProgress: (p) => (p.batchesDone > 0 ? abort.abort() : undefined) });
    // An abort comes back as the abort, not as a failed (or possibly done) scan.
    await expect(scanning).rejects.toMatchObject({ name: "AbortError" });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const batches = (await emulator.requests()).filter((r) => r.path.endsWith("/$batch")).length;
    expect(batches).toBeLessThan(Math.ceil(2020 / 20) / 2);
  });
});

/** A token with these claims on top of a valid one's (unsigned: the console reads claims, Graph checks signatures). */
function craftedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const base = { aud: "https://graph.microsoft.com", tid: TENANT_ID, appid: EMBEDDED_CLIENT_ID, exp: Math.floor(Date.now() / 1000) + 3600 };
  return `${part({ alg: "RS256", typ: "JWT" })}.${part({ ...base, ...claims })}.c2ln`;
}

/** Starts a scan over HTTP and reads its events to the end: the HTTP status, Retry-After and the events. */
async function rawScan(url: string, token: string, signal?: AbortSignal) {
  const response = await fetch(`${url}/api/fleet`, { method: "POST", headers: { authorization: `Bearer ${token}` }, signal });
  const events: FleetEvent[] = [];
  if (response.ok && response.body) await readFleetEvents(response.body, (event) => events.push(event));
  const body = response.ok ? undefined : ((await response.json()) as { error: GraphErrorInfo });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), events, error: body?.error, last: events.at(-1) };
}

describe("POST /api/fleet: only this console's callers, within limits", () => {
  let limited: { url: string; close: () => Promise<void> } | undefined;
  async function withLimits(limits: Partial<FleetScanLimits>) {
    limited = await serve(createFleetScanHandler({ ...FLEET_SCAN_LIMITS, ...limits }));
    return limited.url;
  }
  afterEach(async () => {
    await limited?.close();
    limited = undefined;
  });

  it("refuses a token of another tenant, another app, for another API, or expired, before anything reaches Graph", async () => {
    await emulator.clearRequests();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ tid: "11111111-2222-3333-4444-555555555555" }, /another tenant/],
      [{ appid: "22222222-3333-4444-5555-666666666666" }, /another application/],
      [{ aud: "https://management.azure.com" }, /not for this console's Microsoft Graph/],
      [{ exp: Math.floor(Date.now() / 1000) - 3600 }, /expired/],
    ];
    for (const [claims, message] of cases) {
      const answer = await rawScan(consoleUrl, craftedToken(claims));
      expect(answer.status, JSON.stringify(claims)).toBe(401);
      expect(answer.error).toMatchObject({ kind: "unauthenticated", code: "InvalidAuthenticationToken", message: expect.stringMatching(message) });
    }
    expect(await emulator.requests()).toEqual([]);
  });

  it("runs at most maxScans scans at once: one more gets 429 with Retry-After, and a scan after works", async () => {
    const url = await withLimits({ maxScans: 1, busyRetryAfterSeconds: 7 });
    await emulator.control("POST", "faults", [{ path: "/$batch", latencyMs: 300 }]);
    await emulator.clearRequests();
    const first = rawScan(url, await emulator.token("admin"));
    await expect.poll(async () => (await emulator.requests()).length).toBeGreaterThan(0);
    const busy = await rawScan(url, await emulator.token("reader"));
    expect(busy.status).toBe(429);
    expect(busy.retryAfter).toBe("7");
    expect(busy.error).toMatchObject({ kind: "throttled", code: "TooManyFleetScans", retryAfterSeconds: 7 });
    expect((await first).last?.type).toBe("result");
    expect((await rawScan(url, await emulator.token("reader"))).last?.type).toBe("result");
  });

  it("a second scan with the same token replaces the first, which ends saying so", async () => {
    const url = await withLimits({ maxScans: 1 });
    await emulator.control("POST", "faults", [{ path: "/$batch", latencyMs: 300 }]);
    await emulator.clearRequests();
    const token = await emulator.token("admin");
    const first = rawScan(url, token);
    await expect.poll(async () => (await emulator.requests()).length).toBeGreaterThan(0);
    const second = await rawScan(url, token);
    expect(second.last?.type).toBe("result");
    expect((await first).last).toMatchObject({ type: "error", error: { code: "FleetScanReplaced" } });
  });

  it("stops a scan at its deadline, and its requests to Graph with it", async () => {
    const url = await withLimits({ deadlineMs: 400 });
    await emulator.control("POST", "reset", { scale: 2000 });
    await emulator.control("POST", "faults", [{ path: "/$batch", latencyMs: 250 }]);
    await emulator.clearRequests();
    const answer = await rawScan(url, await emulator.token("reader"));
    expect(answer.last).toMatchObject({ type: "error", error: { kind: "server", code: "FleetScanTimeout", message: expect.stringContaining("0.4 s") } });
    const sent = (await emulator.requests()).length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await emulator.requests()).length).toBeLessThanOrEqual(sent + 16);
    expect(sent).toBeLessThan(Math.ceil(2020 / 20));
  });

  it("reads at most maxPages pages of service principals and says the tenant is larger", async () => {
    const url = await withLimits({ maxPages: 1 });
    await emulator.control("POST", "reset", { scale: 1000 });
    const answer = await rawScan(url, await emulator.token("reader"));
    expect(answer.last).toMatchObject({ type: "error", error: { code: "FleetTooLarge", message: expect.stringContaining("1 pages of 999") } });
  });

  it("frees its place when the caller goes away", async () => {
    const url = await withLimits({ maxScans: 1 });
    await emulator.control("POST", "faults", [{ path: "/$batch", latencyMs: 300 }]);
    await emulator.clearRequests();
    const log = vi.spyOn(console, "error");
    const abort = new AbortController();
    const gone = rawScan(url, await emulator.token("admin"), abort.signal).catch((error: unknown) => error);
    await expect.poll(async () => (await emulator.requests()).length).toBeGreaterThan(0);
    abort.abort();
    await gone;
    await expect.poll(async () => (await rawScan(url, await emulator.token("reader"))).status).toBe(200);
    expect(log).not.toHaveBeenCalled(); // a caller going away is no fault
    log.mockRestore();
  });
});

