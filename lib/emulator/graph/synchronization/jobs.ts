import { randomBytes } from "node:crypto";
import { testCredentials } from "../../engine/connection";
import { evaluate } from "../../engine/evaluate";
import { createJob, parseResetScope, pauseJob, restartJob, startJob } from "../../engine/operations";
import { attachProvisioner } from "../../engine/provisioner";
import type { JobRecord } from "../../engine/types";
import { badRequest } from "../../http/errors";
import { noContent, ok, type GraphResult } from "../types";
import { connectionOf, findJob, objectBody, odataContext, type SyncContext } from "./context";
import { jobJson } from "./serialize";

/** synchronization/jobs: list, create, get, delete, start, pause, restart. */
const view = (c: SyncContext, job: JobRecord) => jobJson(job, evaluate(job, c.state.clock.now()));

/** Start and restart test the saved credentials first: a SCIM endpoint is called, so a refused token quarantines the run. */
const credentialsFor = (c: SyncContext, job: JobRecord) => testCredentials(connectionOf(c, job), c.sync.secrets);

export function listJobs(c: SyncContext): GraphResult {
  return ok({ "@odata.context": odataContext(c, "jobs"), value: [...c.sync.jobs.values()].map((job) => view(c, job)) });
}

export function getJob(c: SyncContext, jobId: string): GraphResult {
  return ok({ "@odata.context": odataContext(c, "jobs/$entity"), ...view(c, findJob(c, jobId)) });
}

export function createJobFromTemplate(c: SyncContext): GraphResult {
  const body = objectBody(c.req);
  const templateId = body.templateId;
  if (typeof templateId !== "string" || templateId.trim() === "") throw badRequest("The property 'templateId' is required.");
  const template = c.sync.templates.find((candidate) => candidate.id === templateId);
  if (!template) {
    const available = c.sync.templates.map((candidate) => candidate.id).join(", ") || "none";
    throw badRequest(`The templateId '${templateId}' does not match any synchronization template of this service principal. Available templates: ${available}.`);
  }
  const job = createJob({
    id: `${template.id}.${randomBytes(16).toString("hex")}`,
    templateId: template.id,
    servicePrincipalId: c.sp.id,
    settings: template.settings.map((setting) => ({ ...setting })),
    now: c.state.clock.now(),
    pace: c.state.clock.pace,
  });
  attachProvisioner(job, c.state.tenant, c.sp, template);
  c.sync.jobs.set(job.id, job);
  const location = `${c.req.origin}/${c.req.version}/servicePrincipals/${c.sp.id}/synchronization/jobs/${encodeURIComponent(job.id)}`;
  return {
    status: c.state.settings.createJobStatus,
    headers: { Location: location },
    body: { "@odata.context": odataContext(c, "jobs/$entity"), ...view(c, job) },
  };
}

export function deleteJob(c: SyncContext, jobId: string): GraphResult {
  const job = findJob(c, jobId);
  c.sync.jobs.delete(job.id);
  return noContent();
}

export async function startAction(c: SyncContext, jobId: string): Promise<GraphResult> {
  const job = findJob(c, jobId);
  const error = await credentialsFor(c, job);
  startJob(job, c.state.clock.now(), error);
  return noContent();
}

export function pauseAction(c: SyncContext, jobId: string): GraphResult {
  pauseJob(findJob(c, jobId), c.state.clock.now());
  return noContent();
}

export async function restartAction(c: SyncContext, jobId: string): Promise<GraphResult> {
  const job = findJob(c, jobId);
  const body = objectBody(c.req, true);
  const criteria = body.criteria;
  if (criteria !== undefined && criteria !== null && (typeof criteria !== "object" || Array.isArray(criteria)))
    throw badRequest("'criteria' must be an object.");
  const scope = (criteria as { resetScope?: unknown } | null | undefined)?.resetScope;
  if (scope !== undefined && scope !== null && typeof scope !== "string") throw badRequest("'criteria.resetScope' must be a string.");
  const flags = parseResetScope(scope as string | null | undefined);
  if (!flags)
    throw badRequest(
      `The value '${scope}' is not valid for synchronizationJobRestartScope. Use a comma-separated combination of None, ConnectorDataStore, Escrows, Watermark, QuarantineState, Full, ForceDeletes.`,
    );
  // A SCIM job's data store is the connector's (the embedded targets are the apps themselves): ConnectorDataStore
  // empties it, so the next cycle matches every account again.
  if (flags.has("ConnectorDataStore") && job.provisioner?.endpoint()) await job.provisioner.exclusive(async () => job.provisioner!.target.clear());
  const error = await credentialsFor(c, job);
  restartJob(job, c.state.clock.now(), flags, error);
  return noContent();
}
