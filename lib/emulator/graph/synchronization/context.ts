import type { ConnectionTarget } from "../../engine/connection";
import { notFound } from "../../http/errors";
import type { JobRecord } from "../../engine/types";
import type { ServicePrincipal } from "../../seed/servicePrincipal";
import type { SyncRecord, TemplateRecord } from "../../store/tenant";
import type { EmulatorState, GraphRequest } from "../types";
import { isSynchronizationSecretKey, unreadableBody } from "./model";

/** What every synchronization handler gets: the request, the instance state and the resolved SP. */
export interface SyncContext {
  req: GraphRequest;
  state: EmulatorState;
  sp: ServicePrincipal;
  sync: SyncRecord;
}

export const odataContext = (c: SyncContext, suffix: string) =>
  `${c.req.origin}/${c.req.version}/$metadata#servicePrincipals('${c.sp.id}')/synchronization/${suffix}`;

export function findJob(c: SyncContext, jobId: string): JobRecord {
  const job = c.sync.jobs.get(jobId) ?? [...c.sync.jobs.values()].find((candidate) => candidate.id.toLowerCase() === jobId.toLowerCase());
  if (!job) throw notFound(`The synchronization job '${jobId}' was not found for service principal '${c.sp.id}'.`);
  return job;
}

export function findTemplate(c: SyncContext, templateId: string): TemplateRecord {
  const template = c.sync.templates.find((candidate) => candidate.id.toLowerCase() === templateId.toLowerCase());
  if (!template) throw notFound(`The synchronization template '${templateId}' was not found for service principal '${c.sp.id}'.`);
  return template;
}

export function templateOf(c: SyncContext, job: JobRecord): TemplateRecord | undefined {
  return c.sync.templates.find((candidate) => candidate.id === job.templateId);
}

/** What a job's credentials are judged against (engine/connection.ts). */
export function connectionOf(c: SyncContext, job: JobRecord): ConnectionTarget {
  const template = templateOf(c, job);
  return { templateId: job.templateId, factoryTag: template?.factoryTag ?? null, schema: job.schema ?? template?.schema ?? null };
}

/** Body as a JSON object (empty body allowed when `optional`). */
export function objectBody(req: GraphRequest, optional = false): Record<string, unknown> {
  if (req.body === undefined && optional) return {};
  if (req.body === null || typeof req.body !== "object" || Array.isArray(req.body))
    throw unreadableBody();
  return req.body as Record<string, unknown>;
}

/**
 * A `Collection(synchronizationSecretKeyStringValuePair)`: `key` must be a member of the enum synchronizationSecret,
 * `value` a string or null, nothing else (annotations aside). Otherwise the generic 400 (model.ts).
 */
export function secretPairs(value: unknown): { key: string; value: string | null }[] {
  if (!Array.isArray(value)) throw unreadableBody();
  return value.map((item) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) throw unreadableBody();
    const { key, value: raw } = item as { key?: unknown; value?: unknown };
    if (typeof key !== "string" || !isSynchronizationSecretKey(key)) throw unreadableBody();
    if (raw !== undefined && raw !== null && typeof raw !== "string") throw unreadableBody();
    if (Object.keys(item).some((name) => name !== "key" && name !== "value" && !name.includes("@"))) throw unreadableBody();
    return { key, value: raw ?? null };
  });
}
