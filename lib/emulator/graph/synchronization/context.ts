import { GraphError, badRequest, notFound } from "../../http/errors";
import type { JobRecord } from "../../engine/types";
import type { ServicePrincipal } from "../../seed/servicePrincipal";
import type { SyncRecord, TemplateRecord } from "../../store/tenant";
import type { EmulatorState, GraphRequest } from "../types";

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

/** Body as a JSON object (empty body allowed when `optional`). */
export function objectBody(req: GraphRequest, optional = false): Record<string, unknown> {
  if (req.body === undefined && optional) return {};
  if (req.body === null || typeof req.body !== "object" || Array.isArray(req.body))
    throw badRequest("The request body must be a JSON object.");
  return req.body as Record<string, unknown>;
}

export function secretPairs(value: unknown, property: string): { key: string; value: string | null }[] {
  if (!Array.isArray(value)) throw badRequest(`'${property}' must be an array of {"key","value"} pairs.`);
  return value.map((item, index) => {
    if (item === null || typeof item !== "object" || typeof (item as { key?: unknown }).key !== "string")
      throw badRequest(`'${property}[${index}]' must have a string 'key'.`);
    const raw = (item as { value?: unknown }).value;
    if (raw !== undefined && raw !== null && typeof raw !== "string") throw badRequest(`'${property}[${index}].value' must be a string.`);
    return { key: (item as { key: string }).key, value: (raw as string | null | undefined) ?? null };
  });
}

export const methodNotAllowed = (method: string) =>
  new GraphError(405, "Request_BadRequest", `The HTTP method '${method}' is not allowed for this resource.`);
