import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { type TestEmulator } from "@/lib/emulator/testing";
import { deleteJob, pauseJob, restartJob, startJob } from "./job-lifecycle";
import { withActionEmulator } from "@/lib/actions/test-env";

let emulator: TestEmulator;
let admin: string;

interface Logged {
  method: string;
  path: string;
  status: number;
}

const graphRequests = async (): Promise<Logged[]> => (await emulator.control("GET", "requests")).body.value;
const writes = async () => (await graphRequests()).filter((r) => r.method !== "GET");
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

describe("the lifecycle actions refuse bad input before anything reaches Graph", () => {
  const badSpIds: [string, unknown][] = [
    ["empty", ""],
    ["dot segments", `${SP.box}/../x`],
    ["..", ".."],
    ["an encoded slash", `${SP.box}%2Fjobs`],
    ["an overlong GUID", `${SP.box}0`],
    ["Arabic-Indic digits", "٣c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01"],
    ["a number", 42],
    ["null", null],
    ["an array", [SP.box]],
  ];
  const badJobIds: [string, unknown][] = [
    ["empty", ""],
    ["..", ".."],
    [".", "."],
    ["a dot segment path", "../x"],
    ["a double dot inside", "a..b"],
    ["a slash", "BoxOutDelta/start"],
    ["an encoded slash", "BoxOutDelta%2Fstart"],
    ["an encoded dot segment", "%2e%2e"],
    ["a query", "a?b"],
    ["a fragment", "a#b"],
    ["a NUL", "a\u0000b"],
    ["a line break", "job\n"],
    ["201 characters", "j".repeat(201)],
    ["a megabyte", "j".repeat(1_000_000)],
    ["Cyrillic look-alikes", "ВохOutDelta"],
    ["an emoji", "job🙂"],
    ["a number", 7],
    ["null", null],
    ["undefined", undefined],
    ["an object", { id: "job" }],
    ["a boolean", true],
  ];
  const badShapes: [string, unknown][] = [
    ["null", null],
    ["undefined", undefined],
    ["a string", JOB.boxPaused],
    ["an array", [SP.box, JOB.boxPaused]],
    ["an extra field", { ...BOX, baseUrl: "http://evil.example" }],
    ["only the SP id", { servicePrincipalId: SP.box }],
  ];
  const names = Object.keys(ACTIONS) as ActionName[];

  it.each(names.flatMap((name) => badSpIds.map(([what, value]) => [name, what, value] as const)))("%s: servicePrincipalId %s", async (name, _what, servicePrincipalId) => {
    const result = await call(name, admin, { ...BOX, servicePrincipalId });
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid-input", field: "servicePrincipalId", status: 0 } });
  });

  it.each(names.flatMap((name) => badJobIds.map(([what, value]) => [name, what, value] as const)))("%s: jobId %s", async (name, _what, jobId) => {
    const result = await call(name, admin, { ...BOX, jobId });
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid-input", field: "jobId" } });
    if (!result.ok) expect(result.error.message.length).toBeLessThan(120);
  });

  it.each(names.flatMap((name) => badShapes.map(([what, value]) => [name, what, value] as const)))("%s: input %s", async (name, _what, input) => {
    const result = await call(name, admin, input);
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid-input" } });
  });

  it.each(names)("%s: a missing or malformed token", async (name) => {
    for (const token of [undefined, "", "Bearer abc", "abc\r\nX-Evil: 1", 42]) {
      expect(await call(name, token, BOX)).toMatchObject({ ok: false, error: { kind: "invalid-input", field: "token" } });
    }
  });

  const badScopes: [string, unknown, RegExp][] = [
    ["None", ["None"], /None.*not offered.*start/i],
    ["ConnectorDataStore", ["ConnectorDataStore"], /ConnectorDataStore.*not offered.*Microsoft Support/i],
    ["None among good flags", ["Watermark", "None"], /None/],
    ["ConnectorDataStore with Full", ["Full", "ConnectorDataStore"], /ConnectorDataStore/],
    ["lower-case none", ["none"], /None.*not offered/i],
    ["an unknown flag", ["Everything"], /Unknown reset scope flag "Everything".*Escrows, Watermark, QuarantineState, Full, ForceDeletes/],
    ["a wrongly cased flag", ["full"], /Unknown reset scope flag "full"/],
    ["a padded flag", [" Full"], /Unknown reset scope flag/],
    ["a duplicate flag", ["Watermark", "Watermark"], /only once/],
    ["Graph's comma-separated string", "Watermark, Escrows", /list of flags/],
    ["an empty string", "", /list of flags/],
    ["null", null, /list of flags/],
    ["a number inside", [4], /must be one of/],
    ["an object", { resetScope: "Full" }, /list of flags/],
    ["six flags", ["Escrows", "Watermark", "QuarantineState", "Full", "ForceDeletes", "Escrows"], /at most 5|only once/],
  ];
  it.each(badScopes)("restartJob: resetScope %s", async (_what, resetScope, message) => {
    const result = await restartJob(admin, { ...BOX, resetScope } as never);
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid-input", field: "resetScope", code: "InvalidInput" } });
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it("restartJob: never echoes a long refused flag", async () => {
    const result = await restartJob(admin, { ...BOX, resetScope: ["x".repeat(500)] } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(120);
  });

  it("none of the refused calls reached the emulator", async () => {
    for (const name of names) {
      for (const [, servicePrincipalId] of badSpIds) await call(name, admin, { ...BOX, servicePrincipalId });
      for (const [, jobId] of badJobIds) await call(name, admin, { ...BOX, jobId });
      for (const [, input] of badShapes) await call(name, admin, input);
    }
    for (const [, resetScope] of badScopes) await restartJob(admin, { ...BOX, resetScope } as never);
    expect(badSpIds.length + badJobIds.length + badShapes.length + badScopes.length).toBeGreaterThanOrEqual(50);
    expect(await graphRequests()).toEqual([]);
  });
});

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
