import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActionEmulator } from "@/test/support/action-emulator";
import type { TestEmulator } from "@/test/support/emulator";
import type { FleetProgress } from "@/lib/fleet/scan";
import { scanFleetThroughConsole } from "@/lib/fleet/scan-through-console";
import { GraphError } from "@/lib/graph/graph-error";
import { POST } from "./route";

/** The route handler behind a real HTTP server, as Next serves it, so the browser-side client talks HTTP to it. */
let emulator: TestEmulator;
let server: Server;
let consoleUrl: string;
withActionEmulator((running) => (emulator = running));

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const response = await POST(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, signal: abort.signal }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
    else res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  consoleUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));


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
