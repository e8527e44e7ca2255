import type { DirectoryGroup, DirectoryUser } from "../directory/types";
import type { ServicePrincipal } from "../seed/servicePrincipal";
import type { Tenant, TemplateRecord } from "../store/tenant";
import { TargetDirectory } from "../targets/target-directory";
import { scimEndpoint } from "../connectors/scim/endpoint";
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
    job.forceDeletes = false;
    if (counts.staged > 0) {
      job.deletesHeldSince = at;
      quarantined(at, "TooManyDeletes");
    }
    results.set(cycleId, counts);
    if (results.size > KEPT_RESULTS) results.delete(results.keys().next().value!);
    return counts;
  };
  const endpoint = () => scimEndpoint(job.templateId, tenant.synchronization(sp.id).secrets);
  /** A SCIM endpoint's cycle runs over HTTP, before the read that reports it (settleRemote); `run` names it. */
  let due: { cycleId: string; at: number } | null = null;
  let running: Promise<void> | null = null;
  job.provisioner = {
    target,
    quarantined,
    remote: () => endpoint() !== null,
    result: (cycleId) => results.get(cycleId),
    run: (cycleId, at) => {
      const known = results.get(cycleId);
      if (known) return known;
      if (endpoint()) {
        due = { cycleId, at };
        return { entitled: 0, imported: 0, exported: 0, escrowed: 0, staged: 0 };
      }
      return done(cycleId, at, runCycle(input(cycleId, at)));
    },
    settleRemote: async (now) => {
      while (running) await running;
      const remote = endpoint();
      if (!remote || job.mode !== "running") return;
      due = null;
      evaluate(job, now);
      if (!due) return;
      const { cycleId, at } = due as { cycleId: string; at: number };
      due = null;
      running = (async () => {
        const { counts, refused } = await runScimCycle(input(cycleId, at), remote);
        done(cycleId, at, counts);
        // The endpoint refused the job's credentials: it is quarantined from here on, as after a failed start.
        if (refused) updateCredentials(job, now, refused);
      })().finally(() => (running = null));
      await running;
    },
  };
}

/** Runs the due cycles of jobs that provision into a SCIM endpoint (over HTTP), so that reads report them. */
export async function settleRemoteCycles(tenant: Tenant, now: number): Promise<void> {
  const remote = tenant.allJobs().filter((job) => job.provisioner?.remote());
  if (remote.length > 0) await Promise.all(remote.map((job) => job.provisioner!.settleRemote(now)));
}

/**
 * Runs every cycle that has ended by `now` and not run yet. Cycles run when they are read; a change to who or
 * what they provision (a write) must not reach back into a cycle that ended before it, so writes call this first.
 */
export function runEndedCycles(tenant: Tenant, now: number): void {
  for (const job of tenant.allJobs()) if (job.provisioner && job.mode === "running") evaluate(job, now);
}
