import type { SynchronizationJob, SynchronizationStatus } from "@microsoft/microsoft-graph-types-beta";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { IMPLIED_BY_FULL, withImpliedFlags, type RestartFlag } from "@/lib/jobs/restart-scope";
import { isNeverDate } from "@/lib/format/date";
import { queryKeys } from "@/lib/query/keys";
import type { ServicePrincipalOverview } from "@/lib/graph/service-principals";
import type { LifecycleOperation } from "./lifecycle-operation";

/** Whether the job ever finished a cycle: a started job then goes straight to Active, else to NotRun. */
function reachedSteadyState(status: SynchronizationStatus | null | undefined): boolean {
  const first = status?.steadyStateFirstAchievedTime;
  return Boolean(status?.lastSuccessfulExecution) || (typeof first === "string" && first !== "" && !isNeverDate(first));
}

/** The flags a restart applies: none means the portal's restart (Escrows, Watermark, QuarantineState). */
function effectiveFlags(resetScope: readonly RestartFlag[]): Set<RestartFlag> {
  return withImpliedFlags(resetScope.length ? resetScope : IMPLIED_BY_FULL);
}

/** The job as it will most likely read once Graph has done `op` (SYNC-API §5); delete is handled by the lists. */
function expectedJob(job: SynchronizationJob, op: LifecycleOperation): SynchronizationJob {
  const status: SynchronizationStatus = { ...job.status };
  const running = (clearQuarantine: boolean, restartCycle: boolean): SynchronizationJob => {
    const next: SynchronizationStatus = { ...status };
    if (clearQuarantine) Object.assign(next, { quarantine: null, countSuccessiveCompleteFailures: 0 });
    if (restartCycle) next.progress = [];
    const quarantined = !clearQuarantine && status.code?.toLowerCase() === "quarantine";
    next.code = quarantined ? "Quarantine" : !restartCycle && reachedSteadyState(status) ? "Active" : "NotRun";
    return { ...job, schedule: { ...job.schedule, state: "Active" }, status: next };
  };
  switch (op.kind) {
    case "start":
      return running(true, false);
    case "pause":
      return { ...job, schedule: { ...job.schedule, state: "Paused" }, status: { ...status, code: "Paused" } };
    case "restart": {
      const flags = effectiveFlags(op.resetScope);
      const forceDeletes = flags.has("ForceDeletes") && status.quarantine?.reason === "TooManyDeletes";
      const next = running(flags.has("QuarantineState") || forceDeletes, flags.has("Watermark"));
      if (flags.has("Escrows")) next.status = { ...next.status, escrowsPruned: false };
      return next;
    }
    case "delete":
      return job;
  }
}

/** The SP's job list after `op` on one of its jobs. */
function expectedJobs(jobs: readonly SynchronizationJob[], jobId: string, op: LifecycleOperation): SynchronizationJob[] {
  if (op.kind === "delete") return jobs.filter((job) => job.id !== jobId);
  return jobs.map((job) => (job.id === jobId ? expectedJob(job, op) : job));
}

/** The caches that hold this job: the SP's polled list, the job itself, and the SP page's $batch. */
function jobCacheKeys(spId: string, jobId: string) {
  return { list: queryKeys.jobs(spId), job: queryKeys.job(spId, jobId), overview: queryKeys.servicePrincipalOverview(spId) };
}

/**
 * Shows `op` at once in every cache that holds the job (polls in flight are cancelled first so they cannot
 * overwrite it). Returns the rollback, which puts back exactly what was there.
 */
export async function applyOptimistic(client: QueryClient, spId: string, jobId: string, op: LifecycleOperation): Promise<() => void> {
  const keys = jobCacheKeys(spId, jobId);
  await Promise.all(Object.values(keys).map((queryKey) => client.cancelQueries({ queryKey, exact: true })));
  const saved: [QueryKey, unknown][] = [];
  const patch = <T>(queryKey: QueryKey, update: (data: T) => T) => {
    const data = client.getQueryData<T>(queryKey);
    if (data === undefined) return;
    saved.push([queryKey, data]);
    client.setQueryData<T>(queryKey, update(data));
  };
  patch<SynchronizationJob[]>(keys.list, (jobs) => (Array.isArray(jobs) ? expectedJobs(jobs, jobId, op) : jobs));
  if (op.kind !== "delete") patch<SynchronizationJob>(keys.job, (job) => (job?.id === jobId ? expectedJob(job, op) : job));
  patch<ServicePrincipalOverview>(keys.overview, (overview) =>
    overview?.jobs?.ok ? { ...overview, jobs: { ok: true, value: expectedJobs(overview.jobs.value, jobId, op) } } : overview,
  );
  return () => {
    for (const [queryKey, data] of saved) client.setQueryData(queryKey, data);
  };
}
