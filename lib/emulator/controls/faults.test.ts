import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { JOB, SP } from "../seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.control("DELETE", "faults");
  await emu.clearRequests();
});

const jobs = `/beta/servicePrincipals/${SP.slack}/synchronization/jobs`;

describe("fault injection", () => {
  it("429 with Retry-After for the next N matches, then normal service", async () => {
    const added = await emu.control("POST", "faults", { method: "GET", path: "/servicePrincipals/*/synchronization/jobs", status: 429, retryAfter: 7, count: 2 });
    expect(added.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const result = await emu.call("GET", jobs);
      expect(result.status).toBe(429);
      expect(result.headers.get("retry-after")).toBe("7");
      expect(result.body.error.code).toBe("TooManyRequests");
      expect(result.body.error.innerError["request-id"]).toBe(result.headers.get("request-id"));
    }
    expect((await emu.call("GET", jobs)).status).toBe(200);
    expect((await emu.control("GET", "faults")).body.value).toEqual([]);
  });

  it("500 and 503 by method and glob; other methods and paths are untouched", async () => {
    await emu.control("POST", "faults", { method: "POST", path: "/beta/servicePrincipals/*/synchronization/jobs/*/start", status: 503, retryAfter: 3 });
    await emu.control("POST", "faults", { path: "/v1.0/servicePrincipals", status: 500 });
    const start = await emu.call("POST", `${jobs}/${encodeURIComponent(JOB.slackActive)}/start`);
    expect(start.status).toBe(503);
    expect(start.headers.get("retry-after")).toBe("3");
    expect(start.body.error.code).toBe("serviceNotAvailable");
    expect((await emu.call("POST", `${jobs}/${encodeURIComponent(JOB.slackActive)}/pause`)).status).toBe(204);
    const list = await emu.call("GET", "/v1.0/servicePrincipals");
    expect(list.status).toBe(500);
    expect(list.body.error.code).toBe("generalException");
    expect(list.text).not.toMatch(/at .*\.ts/);
    expect((await emu.call("GET", "/beta/servicePrincipals")).status).toBe(200);
  });

  it("added latency delays the answer", async () => {
    await emu.control("POST", "faults", { path: "/servicePrincipals", latencyMs: 300, count: 1 });
    const started = performance.now();
    const result = await emu.call("GET", "/beta/servicePrincipals?$top=1");
    expect(result.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("connection reset makes the client fail; the log records status 0", async () => {
    await emu.control("POST", "faults", { path: "/servicePrincipals", reset: true, count: 1 });
    await expect(emu.call("GET", "/beta/servicePrincipals")).rejects.toThrow();
    const log = (await emu.requests());
    expect(log.at(-1)).toMatchObject({ method: "GET", path: "/beta/servicePrincipals", status: 0 });
    expect((await emu.call("GET", "/beta/servicePrincipals")).status).toBe(200);
  });

  it("a reset after processing loses the answer but not the work: the job exists", async () => {
    const jobs = `/beta/servicePrincipals/${SP.zoom}/synchronization/jobs`;
    const before = (await emu.call("GET", jobs)).body.value.length;
    await emu.control("POST", "faults", { method: "POST", path: "**/synchronization/jobs", resetAfter: true, count: 1 });
    await expect(emu.call("POST", jobs, { body: { templateId: "zoom" } })).rejects.toThrow();
    expect((await emu.call("GET", jobs)).body.value.length).toBe(before + 1);
    const log = (await emu.requests());
    expect(log.filter((r: { method: string }) => r.method === "POST").at(-1)).toMatchObject({ status: 0 });
  });

  it("probability applies a fault to a reproducible fraction of matches", async () => {
    await emu.control("POST", "faults", { path: "/servicePrincipals", status: 503, probability: 0.5, seed: 42 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await emu.call("GET", "/beta/servicePrincipals?$top=1")).status);
    const failed = statuses.filter((status) => status === 503).length;
    expect(failed).toBeGreaterThan(8);
    expect(failed).toBeLessThan(32);
    const [fault] = (await emu.control("GET", "faults")).body.value;
    expect(fault).toMatchObject({ matched: 40, applied: failed });
    await emu.control("POST", "faults", { path: "/never", status: 500, probability: 0 });
  });

  it("faults apply to $batch sub-requests", async () => {
    await emu.control("POST", "faults", { path: "/servicePrincipals/*/synchronization/jobs", status: 429, retryAfter: 2 });
    const result = await emu.call("POST", "/beta/$batch", { body: { requests: [{ id: "1", method: "GET", url: `/servicePrincipals/${SP.slack}/synchronization/jobs` }, { id: "2", method: "GET", url: "/servicePrincipals?$top=1" }] } });
    const [first, second] = result.body.responses;
    expect(first).toMatchObject({ id: "1", status: 429, headers: { "Retry-After": "2" } });
    expect(second.status).toBe(200);
  });

  it("validates fault specs and removes faults by id", async () => {
    expect((await emu.control("POST", "faults", { path: "/x", status: 418 })).status).toBe(400);
    expect((await emu.control("POST", "faults", { path: "/x" })).status).toBe(400);
    expect((await emu.control("POST", "faults", { path: "^([", status: 500 })).status).toBe(400);
    // Regexes are refused (ReDoS on every Graph request): globs only (access.test.ts has the rules).
    expect((await emu.control("POST", "faults", { path: "^/beta/servicePrincipals$", status: 500 })).status).toBe(400);
    const { body } = await emu.control("POST", "faults", { path: "/servicePrincipals", status: 500 });
    expect((await emu.control("DELETE", `faults/${body.id}`)).status).toBe(204);
    expect((await emu.call("GET", "/beta/servicePrincipals?$top=1")).status).toBe(200);
  });
});

describe("request log", () => {
  it("records method, path with query, status, time and duration; DELETE clears", async () => {
    await emu.call("GET", "/beta/servicePrincipals?$top=2");
    await emu.call("GET", `${jobs}/nope`);
    const log = (await emu.requests());
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ method: "GET", path: "/beta/servicePrincipals?$top=2", status: 200 });
    expect(log[1].status).toBe(404);
    expect(Date.parse(log[0].time)).not.toBeNaN();
    expect(typeof log[0].durationMs).toBe("number");
    expect((await emu.control("DELETE", "requests")).status).toBe(204);
    expect((await emu.requests())).toEqual([]);
  });
});
