import type { DirectoryGroup, DirectoryUser } from "../directory/types";
import type { ServicePrincipal } from "../seed/servicePrincipal";
import type { Tenant, TemplateRecord } from "../store/tenant";
import { TargetDirectory } from "../targets/target-directory";
import { scimEndpoint, type ScimEndpoint } from "../connectors/scim/endpoint";
import type { SecretPair } from "./credentials";
import { runScimCycle } from "../connectors/scim/cycle";
import { runCycle, type CycleCounts, type CycleInput } from "./cycle";
import { updateCredentials } from "./operations";
import { recordEngineAudit } from "../logs/record";
import { evaluate } from "./evaluate";
import type { JobRecord } from "./types";

/** Cycles whose counts a job keeps (its last executions read them). */
const KEPT_RESULTS = 1_000;

const savedSetting = (tenant: Tenant, spId: string, key: string) =>
  tenant.synchronization(spId).secrets.find((pair) => pair.key.toLowerCase() === key.toLowerCase())?.value ?? null;

/** The saved setting `SyncAll`: "sync all users and groups" instead of the assigned ones. */
const syncsAll = (tenant: Tenant, spId: string) => savedSetting(tenant, spId, "SyncAll")?.trim().toLowerCase() === "true";

/** Entra's default deletion threshold (SyncNotificationSettings `DeleteThresholdValue`). */
export const DEFAULT_DELETE_THRESHOLD = 500;

/**
 * The accidental-deletion threshold of a job: `SyncNotificationSettings` (`DeleteThresholdEnabled`, default on;
 * `DeleteThresholdValue`), else the job setting `QuarantineTooManyDeletesThreshold`, else 500. A threshold of 500
 * lets at most 499 deletes through per cycle (SYNC-API §11). Null: prevention is off.
 */
export function deletionThreshold(tenant: Tenant, job: JobRecord): number | null {
  let settings: { DeleteThresholdEnabled?: unknown; DeleteThresholdValue?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(savedSetting(tenant, job.servicePrincipalId, "SyncNotificationSettings") ?? "{}");
    if (parsed && typeof parsed === "object") settings = parsed;
  } catch {
    // Unreadable settings are Entra's defaults.
  }
  if (settings.DeleteThresholdEnabled === false) return null;
  const positive = (value: unknown) => (Number.isInteger(Number(value)) && Number(value) > 0 ? Number(value) : null);
  const jobSetting = job.settings.find((setting) => setting.name === "QuarantineTooManyDeletesThreshold")?.value;
  return positive(settings.DeleteThresholdValue) ?? positive(jobSetting) ?? DEFAULT_DELETE_THRESHOLD;
}

/**
 * The users a group assignment brings into scope: its direct members. Entra does not provision nested groups
 * beyond the first level (known-issues: "Provisioning nested groups beyond the first level is not supported").
 */
export function directUserMembers(tenant: Tenant, groupId: string): DirectoryUser[] {
  return tenant.directory.members(groupId).flatMap((member) => (member.kind === "user" ? [member.object] : []));
}

/**
 * Who is in a job's scope now: with `SyncAll` every user of the directory, else the users assigned to the
 * app directly or as direct members of an assigned group, each once.
 */
export function usersInScope(tenant: Tenant, spId: string): DirectoryUser[] {
  if (syncsAll(tenant, spId)) return [...tenant.directory.users];
  const users = new Map<string, DirectoryUser>();
  for (const assignment of tenant.assignments.of(spId)) {
    if (assignment.principalType === "User") {
      const user = tenant.directory.user(assignment.principalId);
      if (user) users.set(user.id, user);
    } else if (assignment.principalType === "Group") {
      for (const user of directUserMembers(tenant, assignment.principalId)) users.set(user.id, user);
    }
  }
  return [...users.values()];
}

/** The groups a job provisions: every group with SyncAll, else the groups assigned to the app (not their nested groups). */
export function groupsInScope(tenant: Tenant, spId: string): DirectoryGroup[] {
  if (syncsAll(tenant, spId)) return [...tenant.directory.groups];
  return tenant.assignments
    .of(spId)
    .filter((assignment) => assignment.principalType === "Group")
    .map((assignment) => tenant.directory.group(assignment.principalId))
    .filter((group): group is DirectoryGroup => Boolean(group));
}

/**
 * Connects a job to the tenant's directory, assignments and provisioning log, and gives it a target app of
 * its own: the engine then runs each cycle it reports (once), and the job's counts are what the cycle did.
 */
export function attachProvisioner(job: JobRecord, tenant: Tenant, sp: ServicePrincipal, template: TemplateRecord | undefined): void {
  const target = new TargetDirectory(`${sp.id}:${job.id}`);
  const results = new Map<string, CycleCounts>();
  /** The audit of a quarantine series, written once (its key) when the engine first computes it. */
  const quarantined = (since: number, reason: string) =>
    void recordEngineAudit(tenant, since, {
      activity: "Quarantine",
      servicePrincipal: { id: sp.id, displayName: sp.displayName },
      job,
      at: since,
      key: `quarantine:${job.id}:${since}`,
      result: "failure",
      resultReason: reason,
    });
  const input = (cycleId: string, at: number): CycleInput => ({
    groupsInScope: groupsInScope(tenant, sp.id),
    members: (groupId) => directUserMembers(tenant, groupId).map((user) => user.id),
    at,
    cycleId,
    jobId: job.id,
    servicePrincipal: { id: sp.id, displayName: sp.displayName },
    schema: job.schema ?? template?.schema ?? null,
    inScope: usersInScope(tenant, sp.id),
    user: (id) => tenant.directory.user(id),
    target,
    log: (event) => void tenant.provisioningLog.add(event),
    deletions: { threshold: deletionThreshold(tenant, job), force: job.forceDeletes },
  });
  const done = (cycleId: string, at: number, counts: CycleCounts) => {
    if (!counts.failed) job.forceDeletes = false;
    if (counts.staged > 0) {
      job.deletesHeldSince = at;
      quarantined(at, "TooManyDeletes");
    }
    results.set(cycleId, counts);
    if (results.size > KEPT_RESULTS) results.delete(results.keys().next().value!);
    return counts;
  };
  // Whether the job provisions into a SCIM endpoint, read from the saved secrets (PUT replaces the whole array).
  let known: { secrets: readonly SecretPair[]; endpoint: ScimEndpoint | null } | null = null;
  const endpoint = () => {
    const { secrets } = tenant.synchronization(sp.id);
    if (known?.secrets !== secrets) known = { secrets, endpoint: scimEndpoint(job.templateId, secrets) };
    return known.endpoint;
  };
  /** The cycle a read found ended and not run yet: for a SCIM endpoint it runs over HTTP (settleRemote), with what it saw then. */
  const pending: { due: { cycleId: string; at: number; input: CycleInput } | null } = { due: null };
  /** One thing at a time talks to the job's endpoint and data store: a cycle, or provision on demand. */
  let busy: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = busy.then(work, work);
    busy = next.catch(() => undefined);
    return next;
  };
  const runDue = async (now: number) => {
    const remote = endpoint();
    if (!remote || job.mode !== "running") return false;
    pending.due = null;
    evaluate(job, now);
    const cycle = pending.due as { cycleId: string; at: number; input: CycleInput } | null; // set by `run` during evaluate
    pending.due = null;
    if (!cycle) return false;
    let result: Awaited<ReturnType<typeof runScimCycle>>;
    try {
      result = await runScimCycle(cycle.input, remote, tenant.retired);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[emulator] the SCIM cycle ${cycle.cycleId} failed: ${remote.token ? message.split(remote.token).join("*****") : message}`);
      const failed = { code: "InternalError", message: "An internal service error occurred within the Microsoft Entra provisioning service. There's nothing to do. This attempt is automatically retried in 40 minutes.", tenantActionable: false };
      result = { counts: { entitled: 0, imported: 0, exported: 0, escrowed: 0, staged: 0, failed }, refused: null };
    }
    done(cycle.cycleId, cycle.at, result.counts);
    // The endpoint refused the job's credentials: it is quarantined, as after a start with refused ones.
    if (result.refused) updateCredentials(job, now, result.refused);
    return true;
  };
  job.provisioner = {
    target,
    quarantined,
    endpoint,
    exclusive,
    result: (cycleId) => results.get(cycleId),
    run: (cycleId, at) => {
      const cached = results.get(cycleId);
      if (cached) return cached;
      if (endpoint()) {
        pending.due = { cycleId, at, input: input(cycleId, at) };
        return { entitled: 0, imported: 0, exported: 0, escrowed: 0, staged: 0 };
      }
      return done(cycleId, at, runCycle(input(cycleId, at)));
    },
    settleRemote: (now) => exclusive(() => runDue(now)),
  };
}

/** Rounds of settling per request: a cycle slower than the interval must not hold a request for ever. */
const SETTLE_ROUNDS = 3;

/**
 * Runs the due cycles of jobs that provision into a SCIM endpoint (over HTTP), so that what follows reads them:
 * of one service principal's jobs, or of all. A cycle that ended while others ran is run too (the clock is read again).
 */
export async function settleRemoteCycles(tenant: Tenant, clock: { now(): number }, spId?: string): Promise<void> {
  const jobs = spId ? tenant.jobsOf(spId) : tenant.allJobs();
  const remote = jobs.filter((job) => job.provisioner?.endpoint());
  for (let round = 0, ran = remote.length > 0; ran && round < SETTLE_ROUNDS; round++) {
    const now = clock.now();
    ran = (await Promise.all(remote.map((job) => job.provisioner!.settleRemote(now)))).some(Boolean);
  }
}

/**
 * Runs every cycle that has ended by `now` and not run yet. Cycles run when they are read; a change to who or
 * what they provision (a write) must not reach back into a cycle that ended before it, so writes call this first.
 */
export function runEndedCycles(tenant: Tenant, now: number): void {
  for (const job of tenant.allJobs()) if (job.provisioner && job.mode === "running") evaluate(job, now);
}
