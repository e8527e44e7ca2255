import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SP, SEED_SP_IDS } from "@/lib/emulator/seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { createGraphGateway, GraphError, isUnreadableAnswer, segment } from "./gateway";

let emulator: TestEmulator;
const waits: number[] = [];

function gateway(persona: "admin" | "reader" | "nosync" = "admin", baseUrl?: string) {
  return createGraphGateway({
    baseUrl: baseUrl ?? emulator.url,
    version: "beta",
    getToken: () => emulator.token(persona),
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
}


async function failure(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error("expected a GraphError");
}

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  waits.length = 0;
  await emulator.control("DELETE", "faults");
  await emulator.clearRequests();
});

describe("gateway against the emulator", () => {
  it("reads a service principal with the bearer token and $select", async () => {
    const sp = await gateway().get<{ id: string; displayName: string; appId?: string }>(`/servicePrincipals/${segment(SP.box)}`, {
      $select: "id,displayName",
    });
    expect(sp.id).toBe(SP.box);
    expect(sp.displayName).toMatch(/Box/);
    expect(sp.appId).toBeUndefined();
  });

  it("turns the error envelope into a typed error with code and request-id", async () => {
    const error = await failure(gateway().get("/servicePrincipals/00000000-0000-0000-0000-000000000000"));
    expect(error.info).toMatchObject({ kind: "not-found", status: 404, code: "Request_ResourceNotFound" });
    expect(error.info.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.info.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("recognises Graph's 401 UnknownError on /synchronization as a missing Synchronization permission", async () => {
    const error = await failure(gateway("nosync").get(`/servicePrincipals/${SP.box}/synchronization/jobs`));
    expect(error.info).toMatchObject({ kind: "missing-sync-permission", status: 401, code: "UnknownError" });
  });

  it("retries a GET after 429 for as long as Retry-After says, once per fault", async () => {
    await emulator.control("POST", "faults", { method: "GET", path: `/servicePrincipals/${SP.slack}`, status: 429, retryAfter: 2, count: 1 });
    const sp = await gateway().get<{ id: string }>(`/servicePrincipals/${SP.slack}`);
    expect(sp.id).toBe(SP.slack);
    expect(waits).toEqual([2000]);
    expect((await emulator.requests()).filter((r) => r.path.includes(SP.slack)).map((r) => r.status)).toEqual([429, 200]);
  });

  it("gives up when Retry-After is longer than it may wait, and says how long", async () => {
    await emulator.control("POST", "faults", { method: "GET", path: `/servicePrincipals/${SP.aws}`, status: 429, retryAfter: 120, count: 1 });
    const error = await failure(gateway().get(`/servicePrincipals/${SP.aws}`));
    expect(error.info).toMatchObject({ kind: "throttled", status: 429, retryAfterSeconds: 120 });
    expect(waits).toEqual([]);
  });

  it("never retries a POST on its own", async () => {
    await emulator.control("POST", "faults", { method: "POST", path: "**/synchronization/jobs", status: 503, retryAfter: 1, count: 1 });
    const error = await failure(
      gateway().request({ method: "POST", path: `/servicePrincipals/${SP.zoom}/synchronization/jobs`, body: { templateId: "zoom" } }),
    );
    expect(error.info.kind).toBe("server");
    expect((await emulator.requests()).filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("reports a connection reset as a network error", async () => {
    await emulator.control("POST", "faults", { method: "GET", path: `/servicePrincipals/${SP.zoom}`, reset: true, count: 4 });
    const error = await failure(gateway().get(`/servicePrincipals/${SP.zoom}`));
    expect(error.info).toMatchObject({ kind: "network", status: 0, code: "NetworkError" });
  });

  it("follows @odata.nextLink verbatim and resends ConsistencyLevel on every page", async () => {
    const graph = gateway();
    const headers = { ConsistencyLevel: "eventual" };
    let page = await graph.page<{ id: string }>({ path: "/servicePrincipals", query: { $select: "id", $top: 5, $count: true } }, headers);
    const firstCount = page.count;
    const ids = page.value.map((sp) => sp.id);
    let pages = 1;
    while (page.nextLink) {
      page = await graph.page<{ id: string }>({ nextLink: page.nextLink }, headers);
      expect(page.count).toBeUndefined();
      ids.push(...page.value.map((sp) => sp.id));
      pages++;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...SEED_SP_IDS].sort());
    expect(firstCount).toBe(SEED_SP_IDS.length);
    expect(pages).toBe(Math.ceil(SEED_SP_IDS.length / 5));
  });

  it("never follows a redirect: the token's request stops at the Graph it was sent to", async () => {
    const hits: string[] = [];
    const elsewhere = createServer((req, res) => {
      hits.push(req.headers.authorization ?? "");
      res.end("{}");
    });
    const redirecting = createServer((_req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/beta/servicePrincipals` });
      res.end();
    });
    await Promise.all([elsewhere, redirecting].map((server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))));
    try {
      const graph = createGraphGateway({ baseUrl: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`, version: "beta", getToken: async () => "secret-token", maxRetries: 0 });
      const error = await failure(graph.get("/servicePrincipals"));
      expect(error.info.kind).toBe("network");
      expect(hits).toEqual([]);
    } finally {
      await Promise.all([elsewhere, redirecting].map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });

  it("refuses to send the token to a nextLink on another host", async () => {
    await expect(gateway().page({ nextLink: "https://attacker.example/beta/servicePrincipals?$skiptoken=x" })).rejects.toThrow(/another host/);
    expect(await emulator.requests()).toHaveLength(0);
  });

  it("batches up to 20 requests in one round trip with a result per request", async () => {
    const results = await gateway().batch([
      { id: "1", method: "GET", url: `/servicePrincipals/${SP.box}/synchronization/jobs` },
      { id: "2", method: "GET", url: "/servicePrincipals/00000000-0000-0000-0000-000000000000/synchronization/jobs" },
      { id: "3", method: "GET", url: `/servicePrincipals/${SP.slack}?$select=id,displayName` },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ ok: false, error: { kind: "not-found", status: 404 } });
    expect((await emulator.requests()).map((r) => `${r.method} ${r.path}`)).toEqual(["POST /beta/$batch"]);
    await expect(gateway().batch(Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: "GET" as const, url: "/servicePrincipals" })))).rejects.toThrow(/at most 20/);
  });

  it("reports a 2xx body it cannot read as one typed error that never quotes the body", async () => {
    const bodies: Record<string, string> = {
      "/beta/servicePrincipals": "<html>proxy page with upstream-secret</html>",
      "/beta/$batch": JSON.stringify({ value: "upstream-secret" }),
    };
    const odd = createServer((req, res) => {
      res.writeHead(200, { "content-type": "application/json", "request-id": "r-odd" });
      res.end(bodies[req.url?.split("?")[0] ?? ""] ?? "{}");
    });
    await new Promise<void>((resolve) => odd.listen(0, "127.0.0.1", resolve));
    try {
      const graph = createGraphGateway({ baseUrl: `http://127.0.0.1:${(odd.address() as AddressInfo).port}`, version: "beta", getToken: async () => "t" });
      for (const attempt of [graph.get("/servicePrincipals"), graph.page({ path: "/servicePrincipals" }), graph.batch([{ id: "1", method: "GET", url: "/servicePrincipals" }])]) {
        const error = await failure(attempt);
        expect(error.info).toMatchObject({ kind: "unexpected", status: 200, code: "UnreadableGraphResponse", requestId: "r-odd" });
        expect(error.message).not.toContain("upstream-secret");
        expect(isUnreadableAnswer(error)).toBe(true);
      }
    } finally {
      await new Promise((resolve) => odd.close(resolve));
    }
  });

  it("cancels a batch, and the wait before a retry, when its signal aborts", async () => {
    const abort = new AbortController();
    let seen: AbortSignal | undefined;
    const graph = createGraphGateway({
      baseUrl: emulator.url,
      version: "beta",
      getToken: () => emulator.token("admin"),
      fetch: (input, init) => {
        seen = init?.signal ?? undefined;
        return fetch(input, init);
      },
    });
    await emulator.control("POST", "faults", [{ path: "/$batch", status: 429, retryAfter: 5, count: 1 }]);
    const started = Date.now();
    const batching = graph.batch([{ id: "1", method: "GET", url: `/servicePrincipals/${SP.box}/synchronization/jobs` }], abort.signal);
    setTimeout(() => abort.abort(), 200);
    await expect(batching).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(seen?.aborted).toBe(true);
  });

  it("leaves no timer behind once an answer is read (a pending one would keep the server request that made it alive)", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    const graph = gateway();
    await graph.get(`/servicePrincipals/${segment(SP.box)}`);
    const before = timers();
    for (let i = 0; i < 10; i++) await graph.get(`/servicePrincipals/${segment(SP.box)}`);
    await graph.batch([{ id: "1", method: "GET", url: `/servicePrincipals/${SP.box}/synchronization/jobs` }]);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("still gives up on a Graph that does not answer in time, as a network timeout", async () => {
    await emulator.control("POST", "faults", [{ path: "/servicePrincipals", latencyMs: 1_000 }]);
    const graph = createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: () => emulator.token("admin"), timeoutMs: 200, maxRetries: 0 });
    const error = await failure(graph.get("/servicePrincipals"));
    expect(error.info).toMatchObject({ kind: "network", code: "Timeout" });
  });

  it("encodes ids as one path segment and rejects dot segments", () => {
    expect(segment("BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01")).toBe("BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01");
    expect(segment("a/b?c#d")).toBe("a%2Fb%3Fc%23d");
    expect(() => segment("..")).toThrow();
    expect(() => segment("")).toThrow();
  });
});
