import { randomUUID } from "node:crypto";
import { testCredentials, type ConnectionTarget } from "../../engine/connection";
import { GraphError, badRequest } from "../../http/errors";
import { noContent, type GraphResult } from "../types";
import { connectionOf, findJob, objectBody, secretPairs, templateOf, type SyncContext } from "./context";

/** validateCredentials (job- and collection-bound), provisionOnDemand, bulkUpload. A SCIM endpoint is called (Test connection). */
async function validate(c: SyncContext, target: ConnectionTarget): Promise<GraphResult> {
  const body = objectBody(c.req, true);
  const useSaved = body.useSavedCredentials === true;
  const credentials = useSaved ? c.sync.secrets : secretPairs(body.credentials ?? []);
  const error = await testCredentials(target, credentials);
  if (error) throw new GraphError(400, error.code, error.message);
  return noContent();
}

export function validateJobCredentials(c: SyncContext, jobId: string): Promise<GraphResult> {
  return validate(c, connectionOf(c, findJob(c, jobId)));
}

/** `POST …/jobs/validateCredentials` (used by the Entra cross-tenant guide before a job exists). */
export function validateCredentialsForTemplate(c: SyncContext): Promise<GraphResult> {
  const body = objectBody(c.req);
  const templateId = body.templateId;
  if (typeof templateId !== "string") throw badRequest("The property 'templateId' is required.");
  const template = c.sync.templates.find((candidate) => candidate.id === templateId);
  if (!template) throw badRequest(`The templateId '${templateId}' does not match any synchronization template of this service principal.`);
  return validate(c, { templateId: template.id, factoryTag: template.factoryTag, schema: template.schema });
}

const SCIM_BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

/** bulkUpload (API-driven inbound apps): application/scim+json, ≤ 50 operations, 40 requests / s, 202 + Location. */
export function bulkUpload(c: SyncContext, jobId: string): GraphResult {
  const job = findJob(c, jobId);
  const type = (c.req.contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/scim+json")
    throw badRequest("Request is unparsable, syntactically incorrect or violates the schema. Make sure the Content-Type header is present and set to application/scim+json.");
  if (templateOf(c, job)?.factoryTag !== "API2AAD") throw badRequest("bulkUpload is only supported for API-driven inbound provisioning jobs.");
  c.state.rateLimits.take(`bulkUpload:${c.sp.id}`, 40, 1_000);
  const body = objectBody(c.req);
  if (!Array.isArray(body.schemas) || !body.schemas.includes(SCIM_BULK)) throw badRequest(`'schemas' must contain '${SCIM_BULK}'.`);
  if (!Array.isArray(body.Operations) || body.Operations.length === 0) throw badRequest("'Operations' must be a non-empty array.");
  if (body.Operations.length > 50) throw badRequest("A bulk request can contain at most 50 operations.");
  const filter = encodeURIComponent(`jobid eq '${job.id}.${randomUUID()}'`).replace(/'/g, "'");
  return {
    status: 202,
    headers: { Location: `${c.req.origin}/${c.req.version}/auditLogs/provisioning/?$filter=${filter}`, "Content-Type": "application/scim+json" },
  };
}
