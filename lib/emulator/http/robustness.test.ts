import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB, SP } from "../seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ consoleOrigin: "http://127.0.0.1:3000" });
});
afterAll(() => emu.close());

const jobs = `/beta/servicePrincipals/${SP.zoom}/synchronization/jobs`;

describe("bad input gets Graph-shaped errors, never a crash", () => {
  it("400 for malformed JSON and for a non-JSON content type", async () => {
    const malformed = await emu.call("POST", jobs, { body: '{"templateId": "zoom",' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("BadRequest");
    expect(malformed.body.error.message).toContain("Unable to read JSON request payload");
    const wrongType = await emu.call("POST", jobs, { body: '{"templateId":"zoom"}', headers: { "Content-Type": "text/plain" } });
    expect(wrongType.status).toBe(400);
  });

  it("413 for bodies over 1 MB, declared or chunked", async () => {
    const big = JSON.stringify({ templateId: "zoom", padding: "x".repeat(1024 * 1024) });
    const declared = await emu.call("POST", jobs, { body: big });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe("RequestEntityTooLarge");
    const token = await emu.token();
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(`${emu.url}${jobs}`, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Transfer-Encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      for (let i = 0; i < 20; i++) req.write("x".repeat(64 * 1024));
      req.end();
    });
    expect(chunked).toBe(413);
    expect((await emu.call("GET", "/beta/servicePrincipals?$top=1")).status).toBe(200);
  });

  it("create job: missing or unknown templateId → 400 envelope with innerError", async () => {
    const missing = await emu.call("POST", jobs, { body: {} });
    expect(missing.status).toBe(400);
    const unknown = await emu.call("POST", jobs, { body: { templateId: "BoxOutDelta" } }, );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("zoom");
    expect(Object.keys(unknown.body.error.innerError).sort()).toEqual(["client-request-id", "date", "request-id"]);
    expect((await emu.call("POST", jobs, { body: [1, 2] })).status).toBe(400);
  });

  it("client-request-id is echoed; unknown segments, methods and versions are errors", async () => {
    const echoed = await emu.call("GET", "/beta/servicePrincipals?$top=1", { headers: { "client-request-id": "abc-123" } });
    expect(echoed.headers.get("client-request-id")).toBe("abc-123");
    expect((await emu.call("GET", "/beta/devices")).status).toBe(400);
    expect((await emu.call("GET", `/beta/servicePrincipals/${SP.slack}/nope`)).status).toBe(400);
    expect((await emu.call("GET", `/beta/servicePrincipals/${SP.slack}/synchronization/nope`)).status).toBe(400);
    expect((await emu.call("PATCH", `/beta/servicePrincipals/${SP.slack}/synchronization/jobs`)).status).toBe(405);
    expect((await emu.call("GET", "/v2.0/servicePrincipals")).status).toBe(404);
    expect((await emu.call("GET", "/beta/servicePrincipals/%E0%A4%A")).status).toBe(400);
  });

  it("survives a burst of garbage requests", async () => {
    const paths = ["/beta/", "/beta/$batch", "/v1.0/servicePrincipals(appId='')", "/beta/servicePrincipals/%00", "/beta/servicePrincipals?$filter=((((", "/beta/servicePrincipals?$search=%22", "/_emulator/nope", "/beta/servicePrincipals/x/synchronization/jobs/../../"];
    const methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];
    const results = await Promise.all(paths.flatMap((path) => methods.map((method) => emu.call(method, path, { body: method === "GET" ? undefined : "{]" }))));
    for (const result of results) {
      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(result.status).toBeLessThan(500);
      expect(result.body.error.code).toBeTruthy();
    }
    expect((await emu.call("GET", `${jobs.replace(SP.zoom, SP.slack)}/${encodeURIComponent(JOB.slackActive)}`)).status).toBe(200);
  });
});

describe("CORS like Graph, for the configured console origin (access.test.ts: the origins refused)", () => {
  it("answers preflight for the console origin and exposes request-id, Retry-After, Location", async () => {
    const preflight = await fetch(`${emu.url}/beta/servicePrincipals`, {
      method: "OPTIONS",
      headers: { Origin: "http://127.0.0.1:3000", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization,consistencylevel,client-request-id" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("consistencylevel");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("DELETE");
    const actual = await emu.call("GET", "/beta/servicePrincipals?$top=1", { headers: { Origin: "http://127.0.0.1:3000" } });
    const exposed = actual.headers.get("access-control-expose-headers")!.toLowerCase();
    for (const header of ["request-id", "client-request-id", "retry-after", "location"]) expect(exposed).toContain(header);
  });

  it("non-Graph paths go to the identity provider first, then 404", async () => {
    const result = await fetch(`${emu.url}/not-a-tenant/whatever`);
    expect(result.status).toBe(404);
  });
});

describe("controls", () => {
  it("reset restores the seed, optionally at another scale; settings switch create-job status to 200", async () => {
    const created = await emu.call("POST", jobs, { body: { templateId: "zoom" } });
    expect(created.status).toBe(201);
    expect((await emu.control("POST", "settings", { createJobStatus: 200 })).body.createJobStatus).toBe(200);
    expect((await emu.call("POST", jobs, { body: { templateId: "zoom" } })).status).toBe(200);
    await emu.control("POST", "settings", { createJobStatus: 201 });
    const reset = await emu.control("POST", "reset", { scale: 30 });
    expect(reset.body.servicePrincipals).toBe(20 + 30);
    expect((await emu.call("GET", jobs)).body.value).toEqual([]);
    await emu.control("POST", "reset", { scale: 0 });
    expect((await emu.control("GET", "health")).body.servicePrincipals).toBe(20);
    expect((await emu.control("POST", "clock", { speed: -1 })).status).toBe(400);
    expect((await emu.control("POST", "settings", { accessTokenLifetimeSeconds: 0 })).status).toBe(400);
  });
});
