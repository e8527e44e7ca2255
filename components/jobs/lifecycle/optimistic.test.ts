import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { queryKeys } from "@/lib/query/keys";
import type { ServicePrincipalOverview } from "@/lib/graph/service-principals";
import type { LifecycleOperation } from "./lifecycle-operation";
import { applyOptimistic } from "./optimistic";

const SP = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d02";
const NEVER = "0001-01-01T00:00:00Z";
const quarantined: SynchronizationJob = {
  id: "SfOutDelta.e4bbf44533ea4eabb17027f3a92e9202",
  schedule: { state: "Active", interval: "PT40M" },
  status: {
    code: "Quarantine",
    countSuccessiveCompleteFailures: 8,
    escrowsPruned: true,
    quarantine: { reason: "EncounteredQuarantineException", seriesCount: 7 },
    steadyStateFirstAchievedTime: NEVER,
    lastSuccessfulExecution: null,
    progress: [{ completedUnits: 3, totalUnits: 30 }],
  },
};
const newJob: SynchronizationJob = { id: "dataBricks.1", schedule: { state: "Disabled" }, status: { code: "NotConfigured", steadyStateFirstAchievedTime: NEVER } };
const steady: SynchronizationJob = {
  id: "Slack.1",
  schedule: { state: "Paused" },
  status: { code: "Paused", steadyStateFirstAchievedTime: "2026-11-20T10:00:00Z", lastSuccessfulExecution: { state: "Succeeded" } },
};

/** The job as the optimistic update leaves it in the job's own cache. */
async function optimisticJob(job: SynchronizationJob, op: LifecycleOperation): Promise<SynchronizationJob> {
  const client = new QueryClient();
  client.setQueryData(queryKeys.job(SP, job.id!), job);
  await applyOptimistic(client, SP, job.id!, op);
  return client.getQueryData<SynchronizationJob>(queryKeys.job(SP, job.id!))!;
}

/** The SP's job list as the optimistic update leaves it. */
async function optimisticList(jobs: SynchronizationJob[], jobId: string, op: LifecycleOperation): Promise<SynchronizationJob[]> {
  const client = new QueryClient();
  client.setQueryData(queryKeys.jobs(SP), jobs);
  await applyOptimistic(client, SP, jobId, op);
  return client.getQueryData<SynchronizationJob[]>(queryKeys.jobs(SP))!;
}

describe("applyOptimistic: the job as Graph will most likely show it", () => {
  it("start: schedule Active; NotRun until a first cycle completed, Active after; quarantine cleared", async () => {
    expect(await optimisticJob(newJob, { kind: "start" })).toMatchObject({ schedule: { state: "Active" }, status: { code: "NotRun" } });
    expect((await optimisticJob(steady, { kind: "start" })).status?.code).toBe("Active");
    const started = await optimisticJob(quarantined, { kind: "start" });
    expect(started.status).toMatchObject({ code: "NotRun", quarantine: null, countSuccessiveCompleteFailures: 0 });
    expect(started.status?.progress).toEqual(quarantined.status?.progress);
  });

  it("pause: schedule and status Paused, everything else kept", async () => {
    const paused = await optimisticJob(quarantined, { kind: "pause" });
    expect(paused).toMatchObject({ schedule: { state: "Paused", interval: "PT40M" }, status: { code: "Paused", quarantine: { seriesCount: 7 } } });
  });

  it("restart with no flags (Restart provisioning) or Full: quarantine lifted, escrows cleared, a full cycle again", async () => {
    for (const resetScope of [[], ["Full" as const]]) {
      const restarted = await optimisticJob({ ...steady, status: { ...steady.status, code: "Active" } }, { kind: "restart", resetScope });
      expect(restarted.status).toMatchObject({ code: "NotRun", progress: [], escrowsPruned: false });
      expect((await optimisticJob(quarantined, { kind: "restart", resetScope })).status).toMatchObject({ code: "NotRun", quarantine: null });
    }
  });

  it("restart without QuarantineState leaves a quarantine in place; ForceDeletes lifts only a TooManyDeletes one", async () => {
    expect((await optimisticJob(quarantined, { kind: "restart", resetScope: ["Escrows"] })).status?.code).toBe("Quarantine");
    expect((await optimisticJob(quarantined, { kind: "restart", resetScope: ["ForceDeletes"] })).status?.code).toBe("Quarantine");
    const tooManyDeletes = { ...quarantined, status: { ...quarantined.status, quarantine: { reason: "TooManyDeletes" as const } } };
    expect((await optimisticJob(tooManyDeletes, { kind: "restart", resetScope: ["ForceDeletes"] })).status).toMatchObject({ code: "NotRun", quarantine: null });
  });

  it("does not change the job it was given", async () => {
    const copy = structuredClone(quarantined);
    await optimisticJob(quarantined, { kind: "restart", resetScope: [] });
    expect(quarantined).toEqual(copy);
  });

  it("delete removes the job from a list", async () => {
    expect(await optimisticList([newJob, steady], "dataBricks.1", { kind: "delete" })).toEqual([steady]);
    expect((await optimisticList([newJob, steady], "Slack.1", { kind: "pause" }))[0]).toBe(newJob);
  });
});

function seeded() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const overview: ServicePrincipalOverview = {
    servicePrincipal: { ok: true, value: { id: SP, displayName: "Salesforce" } },
    templates: { ok: true, value: [] },
    jobs: { ok: true, value: [quarantined, newJob] },
    secrets: { ok: true, value: [] },
  };
  client.setQueryData(queryKeys.jobs(SP), [quarantined, newJob]);
  client.setQueryData(queryKeys.job(SP, quarantined.id!), quarantined);
  client.setQueryData(queryKeys.servicePrincipalOverview(SP), overview);
  return { client, overview };
}

describe("applyOptimistic", () => {
  it("updates the list, the job and the SP page's batch at once, and the rollback restores them exactly", async () => {
    const { client, overview } = seeded();
    const rollback = await applyOptimistic(client, SP, quarantined.id!, { kind: "start" });
    expect(client.getQueryData<SynchronizationJob[]>(queryKeys.jobs(SP))?.[0].status?.code).toBe("NotRun");
    expect(client.getQueryData<SynchronizationJob>(queryKeys.job(SP, quarantined.id!))?.status?.quarantine).toBeNull();
    const patched = client.getQueryData<ServicePrincipalOverview>(queryKeys.servicePrincipalOverview(SP));
    expect(patched?.jobs.ok && patched.jobs.value[0].schedule?.state).toBe("Active");
    rollback();
    expect(client.getQueryData(queryKeys.jobs(SP))).toEqual([quarantined, newJob]);
    expect(client.getQueryData(queryKeys.job(SP, quarantined.id!))).toEqual(quarantined);
    expect(client.getQueryData(queryKeys.servicePrincipalOverview(SP))).toEqual(overview);
  });

  it("delete removes the job from the lists and leaves the job's own cache for the job page", async () => {
    const { client } = seeded();
    await applyOptimistic(client, SP, quarantined.id!, { kind: "delete" });
    expect(client.getQueryData<SynchronizationJob[]>(queryKeys.jobs(SP))?.map((job) => job.id)).toEqual([newJob.id]);
    const overview = client.getQueryData<ServicePrincipalOverview>(queryKeys.servicePrincipalOverview(SP));
    expect(overview?.jobs.ok && overview.jobs.value.map((job) => job.id)).toEqual([newJob.id]);
    expect(client.getQueryData(queryKeys.job(SP, quarantined.id!))).toBe(quarantined);
  });

  it("creates no cache entries that were not there", async () => {
    const client = new QueryClient();
    const rollback = await applyOptimistic(client, SP, "x", { kind: "pause" });
    expect(client.getQueryCache().getAll()).toEqual([]);
    rollback();
    expect(client.getQueryCache().getAll()).toEqual([]);
  });

  it("cancels a poll in flight so that it cannot overwrite the optimistic job", async () => {
    const { client } = seeded();
    let answer: (jobs: SynchronizationJob[]) => void = () => {};
    const poll = client.fetchQuery({ queryKey: queryKeys.jobs(SP), queryFn: () => new Promise<SynchronizationJob[]>((resolve) => (answer = resolve)), staleTime: 0 });
    await applyOptimistic(client, SP, quarantined.id!, { kind: "pause" });
    answer([quarantined, newJob]);
    await poll.catch(() => {});
    expect(client.getQueryData<SynchronizationJob[]>(queryKeys.jobs(SP))?.[0].status?.code).toBe("Paused");
  });
});
