import { randomUUID } from "node:crypto";
import { credentialError, findBadCredential } from "../../engine/credentials";
import { evaluate } from "../../engine/evaluate";
import { GraphError, badRequest } from "../../http/errors";
import { insufficientPrivileges } from "../permissions";
import { noContent, ok, type GraphResult } from "../types";
import { findJob, objectBody, secretPairs, templateOf, type SyncContext } from "./context";

/** validateCredentials (job- and collection-bound), provisionOnDemand, bulkUpload. */
function validate(c: SyncContext, factoryTag: string | null): GraphResult {
  const body = objectBody(c.req, true);
  const useSaved = body.useSavedCredentials === true;
  const credentials = useSaved ? c.sync.secrets : secretPairs(body.credentials ?? [], "credentials");
  if (findBadCredential(credentials)) {
    const error = credentialError(factoryTag);
    throw new GraphError(400, error.code, error.message);
  }
  return noContent();
}

export function validateJobCredentials(c: SyncContext, jobId: string): GraphResult {
  const job = findJob(c, jobId);
  return validate(c, templateOf(c, job)?.factoryTag ?? null);
}

/** `POST …/jobs/validateCredentials` (used by the Entra cross-tenant guide before a job exists). */
export function validateCredentialsForTemplate(c: SyncContext): GraphResult {
  const body = objectBody(c.req);
  const templateId = body.templateId;
  if (typeof templateId !== "string") throw badRequest("The property 'templateId' is required.");
  const template = c.sync.templates.find((candidate) => candidate.id === templateId);
  if (!template) throw badRequest(`The templateId '${templateId}' does not match any synchronization template of this service principal.`);
  return validate(c, template.factoryTag);
}

interface Subject {
  objectId: string;
  objectTypeName: string;
}

function parseParameters(value: unknown): { ruleId: string; subjects: Subject[] }[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest("'parameters' must be a non-empty array of synchronizationJobApplicationParameters.");
  return value.map((parameter, i) => {
    const p = parameter as { ruleId?: unknown; subjects?: unknown };
    if (typeof p?.ruleId !== "string" || p.ruleId === "") throw badRequest(`'parameters[${i}].ruleId' is required.`);
    if (!Array.isArray(p.subjects) || p.subjects.length === 0) throw badRequest(`'parameters[${i}].subjects' must be a non-empty array.`);
    const subjects = p.subjects.map((subject, j) => {
      const s = subject as { objectId?: unknown; objectTypeName?: unknown };
      if (typeof s?.objectId !== "string" || typeof s?.objectTypeName !== "string")
        throw badRequest(`'parameters[${i}].subjects[${j}]' needs 'objectId' and 'objectTypeName'.`);
      return { objectId: s.objectId, objectTypeName: s.objectTypeName };
    });
    return { ruleId: p.ruleId, subjects };
  });
}

/** provisionOnDemand: 5 requests / 10 s; the result is a stringKeyStringValuePair of JSON strings. */
export function provisionOnDemand(c: SyncContext, jobId: string): GraphResult {
  const job = findJob(c, jobId);
  c.state.rateLimits.take(`provisionOnDemand:${c.sp.id}:${job.id}`, 5, 10_000);
  const parameters = parseParameters(objectBody(c.req).parameters);
  const subject = parameters[0].subjects[0];
  const now = new Date(c.state.clock.now()).toISOString();
  const error = evaluate(job, c.state.clock.now()).quarantine?.error ?? job.credentialError;
  const key = error
    ? { result: "Failure", details: { errorCode: error.code, errorMessage: error.message } }
    : { result: "Success", details: {} };
  const targetName = job.templateId;
  const value = {
    action: error ? "Other" : "Update",
    changeId: randomUUID(),
    startTime: now,
    endTime: now,
    modifiedProperties: [{ displayName: "objectId", oldValue: null, newValue: subject.objectId }],
    provisioningSteps: [
      { name: "EntryImport", type: "Import", status: "Success", description: `Retrieved ${subject.objectTypeName} '${subject.objectId}' from Azure Active Directory`, timestamp: now, details: {} },
      { name: "EntrySynchronizationScoping", type: "Scoping", status: "Success", description: `Determine if ${subject.objectTypeName} in scope by evaluating against each scoping filter`, timestamp: now, details: { ScopeEvaluationResult: "{}" } },
      error
        ? { name: "EntryExportUpdate", type: "Export", status: "Failure", description: error.message, timestamp: now, details: {} }
        : { name: "EntryExportUpdate", type: "Export", status: "Success", description: `${subject.objectTypeName} '${subject.objectId}' was updated in ${targetName}`, timestamp: now, details: {} },
    ],
    reportableIdentifier: subject.objectId,
    statusInfo: { status: error ? "Failure" : "Success", errorCode: error?.code ?? null, reason: error?.message ?? null, additionalDetails: null, errorCategory: null, recommendedAction: null },
    sourceIdentity: { id: subject.objectId, type: subject.objectTypeName, displayName: null, details: null },
    sourceSystem: { id: null, name: "Azure Active Directory", details: null },
    targetIdentity: { id: null, type: subject.objectTypeName, displayName: null, details: null },
    targetSystem: { id: null, name: targetName, details: null },
  };
  return ok({
    "@odata.context": `${c.req.origin}/${c.req.version}/$metadata#microsoft.graph.stringKeyStringValuePair`,
    key: JSON.stringify(key),
    value: JSON.stringify(value),
  });
}

const SCIM_BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

/** bulkUpload (API-driven inbound apps): application/scim+json, ≤ 50 operations, 40 requests / s, 202 + Location. */
export function bulkUpload(c: SyncContext, jobId: string): GraphResult {
  if (!c.req.scopes.has("SynchronizationData-User.Upload")) throw insufficientPrivileges();
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
