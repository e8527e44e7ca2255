import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { type TestEmulator } from "@/test/support/emulator";
import { deleteJob, pauseJob, restartJob, startJob } from "./job-lifecycle";
import { withActionEmulator } from "@/test/support/action-emulator";

let emulator: TestEmulator;
let admin: string;


const writes = async () => (await emulator.requests()).filter((r) => r.method !== "GET");
const jobUrl = (spId: string, jobId: string) => `/beta/servicePrincipals/${spId}/synchronization/jobs/${jobId}`;
const getJob = async (spId: string, jobId: string) => emulator.call<SynchronizationJob>("GET", jobUrl(spId, jobId));

const DATABRICKS = { servicePrincipalId: SP.databricks, jobId: JOB.databricksNotConfigured };
const BOX = { servicePrincipalId: SP.box, jobId: JOB.boxPaused };
const SLACK = { servicePrincipalId: SP.slack, jobId: JOB.slackActive };
const SALESFORCE = { servicePrincipalId: SP.salesforce, jobId: JOB.salesforceQuarantined };

/** The bodies the actions sent to Graph's restart endpoint while `run` ran. */
async function restartBodies(run: () => Promise<void>): Promise<string[]> {
  const bodies: string[] = [];
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    if (String(input).endsWith("/restart")) bodies.push(String(init?.body));
    return realFetch(input, init);
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return bodies;
}

withActionEmulator((running) => (emulator = running));
beforeAll(async () => {
  admin = await emulator.token("admin");
});

const ACTIONS = { startJob, pauseJob, restartJob, deleteJob } as const;
type ActionName = keyof typeof ACTIONS;
const call = (name: ActionName, token: unknown, input: unknown) => ACTIONS[name](token as string, input as never);

describe("the lifecycle actions against the emulator", () => {
  it("start: a not configured job gets an Active schedule and runs its initial cycle (NotRun)", async () => {
    expect((await getJob(SP.databricks, JOB.databricksNotConfigured)).body.status?.code).toBe("NotConfigured");
    expect(await startJob(admin, DATABRICKS)).toEqual({ ok: true, data: null });
    const job = (await getJob(SP.databricks, JOB.databricksNotConfigured)).body;
    expect(job.schedule).toMatchObject({ state: "Active", interval: "PT40M" });
    expect(job.status?.code).toBe("NotRun");
    expect(await writes()).toEqual([expect.objectContaining({ method: "POST", path: `${jobUrl(SP.databricks, JOB.databricksNotConfigured)}/start`, status: 204 })]);
  });

  it("start: clears the quarantine of the seeded Salesforce job", async () => {
    expect((await getJob(SP.salesforce, JOB.salesforceQuarantined)).body.status?.code).toBe("Quarantine");
    expect((await startJob(admin, SALESFORCE)).ok).toBe(true);
    const job = (await getJob(SP.salesforce, JOB.salesforceQuarantined)).body;
    expect(job.status?.code).not.toBe("Quarantine");
    expect(job.status?.quarantine).toBeFalsy();
  });

  it("pause: a running job is Paused and keeps its counts", async () => {
    const before = (await getJob(SP.slack, JOB.slackActive)).body;
    expect(before.status?.code).toBe("Active");
    expect(await pauseJob(admin, SLACK)).toEqual({ ok: true, data: null });
    const job = (await getJob(SP.slack, JOB.slackActive)).body;
    expect(job.status?.code).toBe("Paused");
    expect(job.status?.synchronizedEntryCountByType).toEqual(before.status?.synchronizedEntryCountByType);
  });

  it("pause then start resumes the job", async () => {
    await pauseJob(admin, SLACK);
    expect((await startJob(admin, SLACK)).ok).toBe(true);
    expect((await getJob(SP.slack, JOB.slackActive)).body.status?.code).toBe("Active");
  });

  it("restart with no flags sends {criteria:{}} (the portal's Restart provisioning): quarantine lifted, full cycle", async () => {
    const bodies = await restartBodies(async () => {
      expect(await restartJob(admin, SALESFORCE)).toEqual({ ok: true, data: null });
      expect(await restartJob(admin, { ...BOX, resetScope: [] })).toEqual({ ok: true, data: null });
    });
    expect(bodies).toEqual(['{"criteria":{}}', '{"criteria":{}}']);
    const job = (await getJob(SP.salesforce, JOB.salesforceQuarantined)).body;
    expect(job.status?.quarantine).toBeFalsy();
    expect(job.status?.code).toBe("NotRun");
    expect((await getJob(SP.box, JOB.boxPaused)).body.status?.code).toBe("NotRun");
  });

  it("restart Full sends one canonical resetScope and reprocesses everything", async () => {
    const bodies = await restartBodies(async () => {
      expect((await restartJob(admin, { ...SLACK, resetScope: ["ForceDeletes", "Watermark", "Full"] })).ok).toBe(true);
      expect((await restartJob(admin, { ...SALESFORCE, resetScope: ["QuarantineState", "Escrows"] })).ok).toBe(true);
    });
    expect(bodies).toEqual(['{"criteria":{"resetScope":"Full, ForceDeletes"}}', '{"criteria":{"resetScope":"Escrows, QuarantineState"}}']);
    const slack = (await getJob(SP.slack, JOB.slackActive)).body;
    expect(slack.schedule?.state).toBe("Active");
    expect(slack.status?.code).toBe("NotRun");
    expect(slack.status?.progress?.[0]?.completedUnits ?? 0).toBe(0);
    expect((await getJob(SP.salesforce, JOB.salesforceQuarantined)).body.status?.quarantine).toBeFalsy();
  });

  it("delete: 204, then the job is gone (404) and its SP's list no longer has it", async () => {
    expect(await deleteJob(admin, BOX)).toEqual({ ok: true, data: null });
    expect((await getJob(SP.box, JOB.boxPaused)).status).toBe(404);
    const list = await emulator.call("GET", `/beta/servicePrincipals/${SP.box}/synchronization/jobs`);
    expect(list.body.value.map((job: SynchronizationJob) => job.id)).not.toContain(JOB.boxPaused);
    expect(await writes()).toEqual([expect.objectContaining({ method: "DELETE", path: jobUrl(SP.box, JOB.boxPaused), status: 204 })]);
    expect(await deleteJob(admin, BOX)).toMatchObject({ ok: false, error: { kind: "not-found", status: 404 } });
  });

  it.each(["startJob", "pauseJob", "restartJob", "deleteJob"] as const)("%s: the read-only admin gets 403 and nothing changes", async (name) => {
    const before = (await getJob(SP.box, JOB.boxPaused)).body;
    const result = await call(name, await emulator.token("reader"), BOX);
    expect(result).toMatchObject({ ok: false, error: { kind: "forbidden", status: 403, code: "Authorization_RequestDenied" } });
    if (!result.ok) expect(result.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await getJob(SP.box, JOB.boxPaused)).body.status).toEqual(before.status);
  });

  it.each(["startJob", "pauseJob", "restartJob", "deleteJob"] as const)("%s: no Synchronization scope (401 UnknownError) is missing-sync-permission", async (name) => {
    const result = await call(name, await emulator.token("nosync"), BOX);
    expect(result).toMatchObject({ ok: false, error: { kind: "missing-sync-permission", status: 401, code: "UnknownError" } });
  });

  it("an expired token is unauthenticated and not ambiguous (Graph did nothing)", async () => {
    const expired = await emulator.token("admin", { lifetimeSeconds: -120 });
    const result = await startJob(expired, DATABRICKS);
    expect(result).toMatchObject({ ok: false, error: { kind: "unauthenticated", status: 401, code: "InvalidAuthenticationToken" } });
    if (!result.ok) expect(result.error.ambiguous).toBeUndefined();
    expect((await getJob(SP.databricks, JOB.databricksNotConfigured)).body.status?.code).toBe("NotConfigured");
  });

  it("a job that does not exist is not-found", async () => {
    const result = await pauseJob(admin, { servicePrincipalId: SP.box, jobId: "BoxOutDelta.00000000000000000000000000000000" });
    expect(result).toMatchObject({ ok: false, error: { kind: "not-found", status: 404 } });
  });

  it.each([
    ["startJob", "POST", "**/start"],
    ["pauseJob", "POST", "**/pause"],
    ["restartJob", "POST", "**/restart"],
    ["deleteJob", "DELETE", "**/jobs/*"],
  ] as const)("%s: a 503 is ambiguous, carries the request-id, and is sent exactly once", async (name, method, path) => {
    await emulator.control("POST", "faults", { method, path, status: 503, retryAfter: 1, count: 1 });
    const result = await call(name, admin, BOX);
    expect(result).toMatchObject({ ok: false, error: { kind: "server", status: 503, ambiguous: true } });
    if (!result.ok) expect(result.error.requestId).toBeTruthy();
    expect((await writes()).map((r) => [r.method, r.status])).toEqual([[method, 503]]);
  });

  it("a connection reset is an ambiguous network error, sent once", async () => {
    await emulator.control("POST", "faults", { method: "POST", path: "**/pause", reset: true, count: 1 });
    const result = await pauseJob(admin, SLACK);
    expect(result).toMatchObject({ ok: false, error: { kind: "network", status: 0, ambiguous: true } });
    expect(await writes()).toHaveLength(1);
  });

  it("a 429 carries its Retry-After, is not ambiguous, and is not retried", async () => {
    await emulator.control("POST", "faults", { method: "POST", path: "**/start", status: 429, retryAfter: 9, count: 1 });
    const result = await startJob(admin, DATABRICKS);
    expect(result).toMatchObject({ ok: false, error: { kind: "throttled", status: 429, retryAfterSeconds: 9 } });
    if (!result.ok) expect(result.error.ambiguous).toBeUndefined();
    expect(await writes()).toHaveLength(1);
  });

  it("works on v1.0 (the version comes from configuration)", async () => {
    vi.stubEnv("GRAPH_API_VERSION", "v1.0");
    try {
      expect((await pauseJob(admin, SLACK)).ok).toBe(true);
      expect((await writes())[0].path).toBe(`/v1.0/servicePrincipals/${SP.slack}/synchronization/jobs/${JOB.slackActive}/pause`);
    } finally {
      vi.stubEnv("GRAPH_API_VERSION", "beta");
    }
  });
});
