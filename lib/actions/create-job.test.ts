import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { type TestEmulator } from "@/test/support/emulator";
import { createJob } from "./create-job";
import { withActionEmulator } from "@/test/support/action-emulator";

let emulator: TestEmulator;
let admin: string;



async function jobsOf(spId: string): Promise<SynchronizationJob[]> {
  return (await emulator.call("GET", `/beta/servicePrincipals/${spId}/synchronization/jobs`)).body.value;
}

withActionEmulator((running) => (emulator = running));
beforeAll(async () => {
  admin = await emulator.token("admin");
});

describe("createJob against the emulator", () => {
  it("creates a disabled, not configured job and returns Graph's 201 body", async () => {
    const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.id).toMatch(/^zoom\.[0-9a-f]{32}$/);
    expect(result.data.templateId).toBe("zoom");
    expect(result.data.schedule).toMatchObject({ state: "Disabled", interval: "P10675199DT2H48M5.4775807S" });
    expect(result.data.status?.code).toBe("NotConfigured");
    const posts = (await emulator.requests()).filter((r) => r.method === "POST");
    expect(posts).toEqual([expect.objectContaining({ path: `/beta/servicePrincipals/${SP.zoom}/synchronization/jobs`, status: 201 })]);
    expect((await jobsOf(SP.zoom)).map((job) => job.id)).toEqual([result.data.id]);
  });

  it("accepts 200 as well (the docs example's status)", async () => {
    await emulator.control("POST", "settings", { createJobStatus: 200 });
    try {
      const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.data.schedule?.state).toBe("Disabled");
      expect((await emulator.requests()).filter((r) => r.method === "POST").map((r) => r.status)).toEqual([200]);
    } finally {
      await emulator.control("POST", "settings", { createJobStatus: 201 });
    }
  });

  it("works on v1.0 too (the version comes from configuration)", async () => {
    vi.stubEnv("GRAPH_API_VERSION", "v1.0");
    try {
      const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
      expect(result.ok).toBe(true);
      expect((await emulator.requests())[0].path).toBe(`/v1.0/servicePrincipals/${SP.zoom}/synchronization/jobs`);
    } finally {
      vi.stubEnv("GRAPH_API_VERSION", "beta");
    }
  });

  it("maps a template the SP does not have to a 400 with Graph's code and request-id", async () => {
    const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "BoxOutDelta" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: "bad-request", status: 400 });
    expect(result.error.code).toBeTruthy();
    expect(result.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.error.message).toMatch(/BoxOutDelta/);
    expect(result.error.ambiguous).toBeUndefined();
    expect(await jobsOf(SP.zoom)).toEqual([]);
  });

  it("maps the read-only admin to 403", async () => {
    const result = await createJob(await emulator.token("reader"), { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "forbidden", status: 403, code: "Authorization_RequestDenied" } });
  });

  it("maps a user without Synchronization scopes (401 UnknownError) to missing-sync-permission", async () => {
    const result = await createJob(await emulator.token("nosync"), { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "missing-sync-permission", status: 401, code: "UnknownError" } });
  });

  it("maps an expired token to unauthenticated (InvalidAuthenticationToken), not processed", async () => {
    const expired = await emulator.token("admin", { lifetimeSeconds: -120 });
    const result = await createJob(expired, { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "unauthenticated", status: 401, code: "InvalidAuthenticationToken" } });
    if (!result.ok) expect(result.error.ambiguous).toBeUndefined();
    expect(await jobsOf(SP.zoom)).toEqual([]);
  });

  it("maps a service principal that does not exist to 404", async () => {
    const result = await createJob(admin, { servicePrincipalId: "00000000-0000-4000-8000-000000000001", templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "not-found", status: 404 } });
  });

  it("returns 429 with its Retry-After, not ambiguous, and sends the POST once", async () => {
    await emulator.control("POST", "faults", { method: "POST", path: "**/synchronization/jobs", status: 429, retryAfter: 7, count: 1 });
    const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "throttled", status: 429, retryAfterSeconds: 7 } });
    if (!result.ok) expect(result.error.ambiguous).toBeUndefined();
    expect((await emulator.requests()).filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("marks a 503 as an ambiguous server error and never retries the POST", async () => {
    await emulator.control("POST", "faults", { method: "POST", path: "**/synchronization/jobs", status: 503, retryAfter: 1, count: 1 });
    const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "server", status: 503, ambiguous: true } });
    if (!result.ok) expect(result.error.requestId).toBeTruthy();
    expect((await emulator.requests()).filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("marks a connection reset as an ambiguous network error", async () => {
    await emulator.control("POST", "faults", { method: "POST", path: "**/synchronization/jobs", reset: true, count: 1 });
    const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "network", status: 0, code: "NetworkError", ambiguous: true } });
    expect((await emulator.requests()).filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("creates a second job from a template that already has one (the form asks first, the action does not)", async () => {
    const result = await createJob(admin, { servicePrincipalId: SP.box, templateId: "BoxOutDelta" });
    expect(result.ok).toBe(true);
    expect((await jobsOf(SP.box)).map((job) => job.id)).toEqual(expect.arrayContaining([JOB.boxPaused, result.ok ? result.data.id : ""]));
  });

  it("returns a configuration error without calling Graph, and logs no token", async () => {
    vi.stubEnv("GRAPH_API_VERSION", "v2");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
      expect(result).toMatchObject({ ok: false, error: { kind: "unexpected", code: "ServerConfiguration" } });
      expect(log).toHaveBeenCalledTimes(1);
      expect(JSON.stringify(log.mock.calls)).not.toContain(admin);
      expect(await emulator.requests()).toEqual([]);
    } finally {
      log.mockRestore();
      vi.stubEnv("GRAPH_API_VERSION", "beta");
    }
  });
});
