import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB, SP } from "../seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { EngineClock } from "./clock";
import { parseResetScope } from "./operations";
import { CROSS_TENANT_DEMO_CREDENTIALS, SALESFORCE_DEMO_CREDENTIALS, SCIM_DEMO_CREDENTIALS } from "../targets/app-profiles";

const DEMO_SCIM = [
  { key: "BaseAddress", value: SCIM_DEMO_CREDENTIALS.BaseAddress },
  { key: "SecretToken", value: SCIM_DEMO_CREDENTIALS.SecretToken },
];

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ clockSpeed: 0 });
});
afterAll(() => emu.close());

const jobs = (sp: string) => `/beta/servicePrincipals/${sp}/synchronization/jobs`;
const jobPath = (sp: string, id: string) => `${jobs(sp)}/${encodeURIComponent(id)}`;
const advance = (iso: string) => emu.control("POST", "clock", { advance: iso });
const getJob = async (sp: string, id: string) => {
  const result = await emu.call("GET", jobPath(sp, id));
  expect(result.status).toBe(200);
  return result.body;
};

describe("resetScope parsing", () => {
  it("treats empty as QuarantineState, Watermark, Escrows and expands Full", () => {
    expect([...parseResetScope("")!].sort()).toEqual(["Escrows", "QuarantineState", "Watermark"]);
    expect(parseResetScope("Full")!.has("Watermark")).toBe(true);
    expect([...parseResetScope("Watermark, Escrows")!]).toEqual(["Watermark", "Escrows"]);
    expect(parseResetScope("Watermark,Bogus")).toBeNull();
  });
});

describe("seeded jobs cover every state", () => {
  it.each([
    [SP.box, JOB.boxPaused, "Paused", "Paused"],
    [SP.salesforce, JOB.salesforceQuarantined, "Quarantine", "Active"],
    [SP.slack, JOB.slackActive, "Active", "Active"],
    [SP.customScim, JOB.customScimInitial, "NotRun", "Active"],
    [SP.databricks, JOB.databricksNotConfigured, "NotConfigured", "Disabled"],
    [SP.cloudSync, JOB.cloudSyncPasswordHash, "Paused", "Paused"],
    [SP.xss, JOB.xssNotConfigured, "NotConfigured", "Disabled"],
  ])("%s/%s is %s", async (sp, id, code, schedule) => {
    const job = await getJob(sp, id);
    expect(job.status.code).toBe(code);
    expect(job.schedule.state).toBe(schedule);
  });

  it("the quarantined job carries EncounteredQuarantineException, nextAttempt and seriesCount", async () => {
    const { status } = await getJob(SP.salesforce, JOB.salesforceQuarantined);
    expect(status.quarantine.reason).toBe("EncounteredQuarantineException");
    expect(status.quarantine.error.code).toBe("SalesforceInvalidCredentials");
    expect(status.quarantine.seriesCount).toBeGreaterThan(2);
    expect(Date.parse(status.quarantine.nextAttempt)).toBeGreaterThan(Date.parse(status.quarantine.currentBegan));
    expect(status.lastExecution.state).toBe("Failed");
  });

  it("the engine audits the quarantine once per series, as the provisioning service", async () => {
    const { status } = await getJob(SP.salesforce, JOB.salesforceQuarantined);
    await getJob(SP.salesforce, JOB.salesforceQuarantined);
    const audits = (await emu.call("GET", `/v1.0/auditLogs/directoryAudits?$filter=${encodeURIComponent("activityDisplayName eq 'Quarantine'")}`)).body.value;
    const ours = audits.filter((audit: { additionalDetails: { value: string }[] }) => audit.additionalDetails.some((detail) => detail.value === JOB.salesforceQuarantined));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ result: "failure", resultReason: "SalesforceInvalidCredentials", loggedByService: "Account Provisioning", initiatedBy: { user: null } });
    expect(Date.parse(ours[0].activityDateTime)).toBe(Date.parse(status.quarantine.seriesBegan));
  });

  it("the initial-cycle job reports page progress; the escrow job reports entry-level errors", async () => {
    const initial = await getJob(SP.customScim, JOB.customScimInitial);
    expect(initial.status.progress[0]).toMatchObject({ units: "pages" });
    expect(initial.status.progress[0].completedUnits).toBeLessThan(initial.status.progress[0].totalUnits);
    const escrows = await getJob(SP.githubEmu, JOB.githubEscrows);
    expect(["EntryLevelErrors", "Succeeded"]).toContain(escrows.status.lastExecution.state);
    expect(escrows.status.lastSuccessfulExecution).not.toBeNull();
  });
});

describe("job lifecycle on a settable clock", () => {
  it("create → start → initial cycle → steady state → pause → start → restart", async () => {
    const created = await emu.call("POST", jobs(SP.zoom), { body: { templateId: "zoom" } });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^zoom\.[0-9a-f]{32}$/);
    expect(created.body.schedule).toEqual({ expiration: null, interval: "P10675199DT2H48M5.4775807S", state: "Disabled" });
    expect(created.body.status).toMatchObject({
      code: "NotConfigured",
      countSuccessiveCompleteFailures: 0,
      escrowsPruned: false,
      synchronizedEntryCountByType: [],
      lastExecution: null,
      steadyStateFirstAchievedTime: "0001-01-01T00:00:00Z",
      steadyStateLastAchievedTime: "0001-01-01T00:00:00Z",
      quarantine: null,
      troubleshootingUrl: null,
    });
    const id = created.body.id as string;

    expect((await emu.call("PUT", `/beta/servicePrincipals/${SP.zoom}/synchronization/secrets`, { body: { value: DEMO_SCIM } })).status).toBe(204);
    expect((await emu.call("POST", `${jobPath(SP.zoom, id)}/start`)).status).toBe(204);
    let job = await getJob(SP.zoom, id);
    expect(job.schedule).toMatchObject({ state: "Active", interval: "PT40M" });
    expect(job.status.code).toBe("NotRun");
    expect(job.status.progress[0].completedUnits).toBe(0);

    await advance("PT10M");
    job = await getJob(SP.zoom, id);
    expect(job.status.code).toBe("NotRun");
    expect(job.status.progress[0].completedUnits).toBe(10);

    await advance("PT40M");
    job = await getJob(SP.zoom, id);
    expect(job.status.code).toBe("Active");
    expect(job.status.progress).toEqual([]);
    expect(job.status.lastExecution.state).toBe("Succeeded");
    expect(job.status.lastExecution.countExported).toBeGreaterThan(0);
    expect(job.status.lastSuccessfulExecution).toEqual(job.status.lastExecution);
    expect(job.status.steadyStateFirstAchievedTime).not.toBe("0001-01-01T00:00:00Z");
    expect(job.status.synchronizedEntryCountByType.map((e: { key: string }) => e.key)).toContain("User to User");
    const firstRun = job.status.lastExecution.timeBegan;

    await advance("PT2H");
    job = await getJob(SP.zoom, id);
    expect(Date.parse(job.status.lastExecution.timeBegan)).toBeGreaterThan(Date.parse(firstRun));
    expect(Date.parse(job.status.steadyStateLastAchievedTime)).toBeGreaterThan(Date.parse(job.status.steadyStateFirstAchievedTime));

    expect((await emu.call("POST", `${jobPath(SP.zoom, id)}/pause`)).status).toBe(204);
    const paused = await getJob(SP.zoom, id);
    expect(paused.status.code).toBe("Paused");
    expect(paused.schedule.state).toBe("Paused");
    await advance("PT5H");
    const stillPaused = await getJob(SP.zoom, id);
    expect(stillPaused.status.lastExecution).toEqual(paused.status.lastExecution);

    await emu.call("POST", `${jobPath(SP.zoom, id)}/start`);
    await advance("PT2M");
    expect((await getJob(SP.zoom, id)).status.code).toBe("Active");

    const restarted = await emu.call("POST", `${jobPath(SP.zoom, id)}/restart`, { body: { criteria: { resetScope: "Watermark, Escrows, QuarantineState" } } });
    expect(restarted.status).toBe(204);
    expect(restarted.text).toBe("");
    job = await getJob(SP.zoom, id);
    expect(job.status.code).toBe("NotRun");
    expect(job.status.progress[0].completedUnits).toBe(0);

    const bad = await emu.call("POST", `${jobPath(SP.zoom, id)}/restart`, { body: { criteria: { resetScope: "Everything" } } });
    expect(bad.status).toBe(400);
    expect((await emu.call("POST", `${jobPath(SP.zoom, id)}/restart`)).status).toBe(204);

    expect((await emu.call("DELETE", jobPath(SP.zoom, id))).status).toBe(204);
    const gone = await emu.call("GET", jobPath(SP.zoom, id));
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("Request_ResourceNotFound");
  });

  it("bad saved credentials quarantine a job; Start clears quarantine; fixed credentials lift it", async () => {
    const sp = SP.salesforceSandbox;
    const secrets = (password: string) =>
      emu.call("PUT", `/beta/servicePrincipals/${sp}/synchronization/secrets`, {
        body: { value: [{ key: "UserName", value: SALESFORCE_DEMO_CREDENTIALS.UserName }, { key: "Password", value: password }, { key: "SyncAll", value: "false" }] },
      });
    expect((await secrets("not-the-password")).status).toBe(204);
    const id = (await emu.call("POST", jobs(sp), { body: { templateId: "SfSandboxOutDelta" } })).body.id;
    await emu.call("POST", `${jobPath(sp, id)}/start`);
    await advance("PT3M");
    let job = await getJob(sp, id);
    expect(job.status.code).toBe("Quarantine");
    expect(job.status.quarantine).toMatchObject({ reason: "EncounteredQuarantineException", seriesCount: 0 });
    expect(job.status.quarantine.error.code).toBe("SalesforceInvalidCredentials");
    expect(job.status.countSuccessiveCompleteFailures).toBe(1);

    await advance("PT41M");
    job = await getJob(sp, id);
    expect(job.status.quarantine.seriesCount).toBe(1);
    expect(job.status.countSuccessiveCompleteFailures).toBe(2);

    await emu.call("POST", `${jobPath(sp, id)}/start`);
    job = await getJob(sp, id);
    expect(job.status.quarantine).toBeNull();
    expect(job.status.code).toBe("NotRun");
    await advance("PT3M");
    expect((await getJob(sp, id)).status.code).toBe("Quarantine");

    expect((await secrets(SALESFORCE_DEMO_CREDENTIALS.Password)).status).toBe(204);
    expect((await getJob(sp, id)).status.code).toBe("Quarantine");
    await advance("PT2H");
    job = await getJob(sp, id);
    expect(job.status.quarantine).toBeNull();
    expect(["NotRun", "Active"]).toContain(job.status.code);
  });

  it("restart with QuarantineState lifts the seeded quarantine until the next failed attempt", async () => {
    await emu.call("POST", `${jobPath(SP.salesforce, JOB.salesforceQuarantined)}/restart`, { body: { criteria: { resetScope: "QuarantineState" } } });
    expect((await getJob(SP.salesforce, JOB.salesforceQuarantined)).status.quarantine).toBeNull();
    await advance("PT3M");
    expect((await getJob(SP.salesforce, JOB.salesforceQuarantined)).status.code).toBe("Quarantine");
  });

  it("a fast clock finishes an initial cycle in real time", async () => {
    const fast = await startTestEmulator({ clockSpeed: 0 });
    try {
      const id = (await fast.call("POST", jobs(SP.zoom), { body: { templateId: "zoom" } })).body.id;
      await fast.call("PUT", `/beta/servicePrincipals/${SP.zoom}/synchronization/secrets`, { body: { value: DEMO_SCIM } });
      await fast.call("POST", `${jobPath(SP.zoom, id)}/start`);
      expect((await fast.control("POST", "clock", { speed: 20_000 })).body.speed).toBe(20_000);
      let code = "";
      for (let i = 0; i < 50 && code !== "Active"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        code = (await fast.call("GET", jobPath(SP.zoom, id))).body.status.code;
      }
      expect(code).toBe("Active");
    } finally {
      await fast.close();
    }
  });
});

describe("credentials and on-demand provisioning", () => {
  const job = jobPath(SP.slack, JOB.slackActive);
  it("validateCredentials: 204 for good, 400 with the connector's code for bad, saved credentials too", async () => {
    expect((await emu.call("POST", `${job}/validateCredentials`, { body: { credentials: DEMO_SCIM } })).status).toBe(204);
    for (const credentials of [
      [{ key: "BaseAddress", value: DEMO_SCIM[0].value }, { key: "SecretToken", value: "not-the-token" }],
      [{ key: "BaseAddress", value: "https://other.example.com/scim" }, { key: "SecretToken", value: DEMO_SCIM[1].value }],
      [{ key: "SecretToken", value: DEMO_SCIM[1].value }],
      [],
    ]) {
      const bad = await emu.call("POST", `${job}/validateCredentials`, { body: { credentials } });
      expect(bad.status, JSON.stringify(credentials)).toBe(400);
      expect(bad.body.error.code).toBe("SystemForCrossDomainIdentityManagementCredentialValidationUnavailable");
    }
    // A tenant URL compares without its trailing slash and with the host in any case.
    const variant = [{ key: "BaseAddress", value: "https://SCIM.example.com/v2/" }, DEMO_SCIM[1]];
    expect((await emu.call("POST", `${job}/validateCredentials`, { body: { credentials: variant } })).status).toBe(204);
    expect((await emu.call("POST", `${job}/validateCredentials`, { body: { useSavedCredentials: true } })).status).toBe(204);
    const collection = await emu.call("POST", `${jobs(SP.crossTenant)}/validateCredentials`, {
      body: { useSavedCredentials: false, templateId: "Azure2Azure", credentials: [{ key: "CompanyId", value: CROSS_TENANT_DEMO_CREDENTIALS.CompanyId }, { key: "AuthenticationType", value: "SyncPolicy" }] },
    });
    expect(collection.status).toBe(204);
    const otherTenant = await emu.call("POST", `${jobs(SP.crossTenant)}/validateCredentials`, {
      body: { useSavedCredentials: false, templateId: "Azure2Azure", credentials: [{ key: "CompanyId", value: "x" }] },
    });
    expect(otherTenant.body.error.code).toBe("AzureDirectoryB2BManagementPolicyCheckFailure");
  });

  it("provisionOnDemand returns JSON-string key/value and allows 5 requests per 10 s", async () => {
    const body = { parameters: [{ ruleId: "rule", subjects: [{ objectId: "0c5a1d3e-8f2b-4a6c-9d7e-1f2a3b4c5d01", objectTypeName: "User" }] }] };
    const target = jobPath(SP.aws, JOB.awsActive);
    for (let i = 0; i < 5; i++) {
      const result = await emu.call("POST", `${target}/provisionOnDemand`, { body });
      expect(result.status).toBe(200);
      expect(["Success", "Skipped"]).toContain(JSON.parse(result.body.key).result);
      expect(JSON.parse(result.body.value).provisioningSteps.length).toBeGreaterThan(0);
    }
    const limited = await emu.call("POST", `${target}/provisionOnDemand`, { body });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.body.error.code).toBe("TooManyRequests");
    expect((await emu.call("POST", `${jobPath(SP.slack, JOB.slackActive)}/provisionOnDemand`, { body: { parameters: [] } })).status).toBe(400);
  });
});

describe("the engine clock never runs ahead of the wall clock", () => {
  it("speed compresses engine work; the clock itself keeps real time", () => {
    let real = Date.UTC(2026, 11, 1, 12, 0, 0);
    const clock = new EngineClock(60, () => real);
    real += 60_000;
    expect(clock.now()).toBe(real);
    expect(clock.pace).toBe(60);
    clock.setSpeed(0);
    real += 60_000;
    expect(clock.now()).toBe(real - 60_000); // stopped
    expect(clock.pace).toBe(1);
    clock.advance(5_000);
    clock.setSpeed(60);
    real += 1_000;
    expect(clock.now()).toBe(real - 60_000 + 5_000); // advanced on purpose, then runs in real time again
  });

  it("a job started at a fast speed runs its cycles within real time: every timestamp it reports is past", async () => {
    const fast = await startTestEmulator({ clockSpeed: 6_000 }); // a page in 10 ms, a 40-minute interval in 400 ms
    try {
      const id = (await fast.call("POST", jobs(SP.zoom), { body: { templateId: "zoom" } })).body.id;
      await fast.call("PUT", `/beta/servicePrincipals/${SP.zoom}/synchronization/secrets`, { body: { value: DEMO_SCIM } });
      await fast.call("POST", `${jobPath(SP.zoom, id)}/start`);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const { status } = (await fast.call("GET", jobPath(SP.zoom, id))).body;
      const readAt = Date.now();
      expect(status.code).toBe("Active");
      const times = [status.lastExecution.timeBegan, status.lastExecution.timeEnded, status.steadyStateLastAchievedTime, status.lastSuccessfulExecution.timeEnded];
      for (const time of times) expect(Date.parse(time)).toBeLessThanOrEqual(readAt);
      // Several 40-minute cycles have run in 1.5 s: the work was compressed, not the timestamps.
      expect(Number(status.lastExecution.activityIdentifier.split(".").at(-1))).toBeGreaterThan(1);
      const logs = (await fast.call("GET", `/v1.0/auditLogs/provisioning?$filter=jobId eq '${id}'`)).body.value as { activityDateTime: string }[];
      expect(logs.length).toBeGreaterThan(0);
      for (const entry of logs) expect(Date.parse(entry.activityDateTime)).toBeLessThanOrEqual(readAt);
    } finally {
      await fast.close();
    }
  });
});
