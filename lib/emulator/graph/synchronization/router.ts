import { methodNotAllowed, segmentNotFound } from "../../http/errors";
import type { ServicePrincipal } from "../../seed/servicePrincipal";
import { requireBulkUpload, requireSynchronization } from "../permissions";
import type { EmulatorState, GraphRequest, GraphResult } from "../types";
import { auditSyncWrite, jobIdBefore } from "./audit";
import { bulkUpload, validateCredentialsForTemplate, validateJobCredentials } from "./actions";
import { provisionOnDemand } from "./onDemand";
import { findJob, findTemplate, type SyncContext } from "./context";
import { createJobFromTemplate, deleteJob, getJob, listJobs, pauseAction, restartAction, startAction } from "./jobs";
import { deleteJobSchema, filterOperators, functions, getSchema, jobSchema, putJobSchema } from "./schema";
import { acquireAccessToken, getSecrets, putSecrets } from "./secrets";
import { getTemplate, listTemplates } from "./templates";

/**
 * Routes `/servicePrincipals/{id}/synchronization/{rest}`. Scopes are checked before the service
 * principal is looked up, so a caller without Synchronization permissions always gets the 401 quirk.
 */
type Route = [method: string, pattern: string, handler: (c: SyncContext, params: string[]) => GraphResult | Promise<GraphResult>];

const ROUTES: Route[] = [
  ["GET", "jobs", (c) => listJobs(c)],
  ["POST", "jobs", (c) => createJobFromTemplate(c)],
  ["POST", "jobs/validatecredentials", (c) => validateCredentialsForTemplate(c)],
  ["GET", "jobs/*", (c, [id]) => getJob(c, id)],
  ["DELETE", "jobs/*", (c, [id]) => deleteJob(c, id)],
  ["POST", "jobs/*/start", (c, [id]) => startAction(c, id)],
  ["POST", "jobs/*/pause", (c, [id]) => pauseAction(c, id)],
  ["POST", "jobs/*/restart", (c, [id]) => restartAction(c, id)],
  ["POST", "jobs/*/validatecredentials", (c, [id]) => validateJobCredentials(c, id)],
  ["POST", "jobs/*/provisionondemand", (c, [id]) => provisionOnDemand(c, id)],
  ["POST", "jobs/*/bulkupload", (c, [id]) => bulkUpload(c, id)],
  ["GET", "jobs/*/schema", (c, [id]) => getSchema(c, jobSchema(c, findJob(c, id)), `jobs('${id}')`)],
  ["PUT", "jobs/*/schema", (c, [id]) => putJobSchema(c, id)],
  ["DELETE", "jobs/*/schema", (c, [id]) => deleteJobSchema(c, id)],
  ["GET", "jobs/*/schema/filteroperators", (c, [id]) => (findJob(c, id), filterOperators(c))],
  ["GET", "jobs/*/schema/functions", (c, [id]) => (findJob(c, id), functions(c))],
  ["GET", "templates", (c) => listTemplates(c)],
  ["GET", "templates/*", (c, [id]) => getTemplate(c, id)],
  ["GET", "templates/*/schema", (c, [id]) => getSchema(c, findTemplate(c, id).schema, `templates('${id}')`)],
  ["GET", "templates/*/schema/filteroperators", (c, [id]) => (findTemplate(c, id), filterOperators(c))],
  ["GET", "templates/*/schema/functions", (c, [id]) => (findTemplate(c, id), functions(c))],
  ["PUT", "secrets", (c) => putSecrets(c)],
  ["GET", "secrets", (c) => getSecrets(c)],
  ["POST", "acquireaccesstoken", (c) => acquireAccessToken(c)],
];


function match(pattern: string, segments: string[]): string[] | null {
  const parts = pattern.split("/");
  if (parts.length !== segments.length) return null;
  const params: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === "*") {
      if (segments[i] === "") return null;
      params.push(segments[i]);
    } else if (parts[i] !== segments[i].toLowerCase()) return null;
  }
  return params;
}

/** GETs of filterOperators/functions need ReadWrite per the permissions table. */
const isWrite = (method: string, pattern: string) => method !== "GET" || /filteroperators|functions$/.test(pattern);

export async function handleSynchronization(req: GraphRequest, state: EmulatorState, rest: string[], resolve: () => ServicePrincipal): Promise<GraphResult> {
  const candidates = ROUTES.map(([method, pattern, handler]) => ({ method, pattern, handler, params: match(pattern, rest) })).filter(
    // `jobs/validateCredentials` is the collection-bound action, never a job id (GET or DELETE of it is a 405).
    (route) => route.params !== null && !(route.pattern === "jobs/*" && rest[1]?.toLowerCase() === "validatecredentials"),
  );
  // Literal segments beat the `*` wildcard (jobs/validateCredentials vs jobs/{id}).
  const sameMethod = candidates.filter((route) => route.method === req.method).sort((a, b) => a.params!.length - b.params!.length);
  // bulkUpload has its own permissions (SYNC-API §2): SynchronizationData-User.Upload, not Synchronization.*.
  if (sameMethod[0]?.pattern === "jobs/*/bulkupload") requireBulkUpload(req.scopes);
  else requireSynchronization(req.scopes, isWrite(req.method, sameMethod[0]?.pattern ?? ""));
  const sp = resolve();
  if (sameMethod.length === 0) {
    if (candidates.length > 0) throw methodNotAllowed(candidates.map((route) => route.method));
    throw segmentNotFound(rest.find((segment, i) => !ROUTES.some(([, p]) => p.split("/")[i] === "*" || p.split("/")[i] === segment.toLowerCase())) ?? rest.at(-1) ?? "synchronization");
  }
  const route = sameMethod[0];
  const context: SyncContext = { req, state, sp, sync: state.tenant.synchronization(sp.id) };
  const jobId = jobIdBefore(context, route.pattern, route.params!);
  const result = await route.handler(context, route.params!);
  auditSyncWrite(context, route.method, route.pattern, jobId, result); // directory audit of a successful write
  return result;
}
