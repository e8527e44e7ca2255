import { recordSyncAudit, type SyncAuditActivity } from "../../logs/record";
import type { ModifiedProperty } from "../../logs/types";
import type { GraphResult } from "../types";
import type { SyncContext } from "./context";

/**
 * Which synchronization writes leave a directory audit, under Entra's "Account provisioning" activity names
 * (README: Provisioning logs and audit events). Reads, validateCredentials (a test, no change),
 * provisionOnDemand (it shows in the provisioning logs), bulkUpload and acquireAccessToken record none.
 */
const AUDITED: Record<string, SyncAuditActivity> = {
  "POST jobs": "Add provisioning configuration",
  "DELETE jobs/*": "Delete provisioning configuration",
  "POST jobs/*/start": "Enable/start provisioning configuration",
  "POST jobs/*/pause": "Disable/pause provisioning configuration",
  "POST jobs/*/restart": "Enable/restart provisioning configuration",
  "PUT secrets": "Update provisioning setting or credentials",
  "PUT jobs/*/schema": "Update attribute mappings or scope",
  "DELETE jobs/*/schema": "Update attribute mappings or scope",
};

const json = (value: unknown) => JSON.stringify(value);

/** The job a `jobs/{id}…` route names, by its stored id (before the handler runs: DELETE removes it). */
export function jobIdBefore(c: SyncContext, pattern: string, params: string[]): string | undefined {
  if (!pattern.startsWith("jobs/*")) return undefined;
  const wanted = params[0]?.toLowerCase();
  for (const id of c.sync.jobs.keys()) if (id.toLowerCase() === wanted) return id;
  return undefined;
}

/** Records the audit of a successful write (2xx); nothing for reads or failures. */
export function auditSyncWrite(c: SyncContext, method: string, pattern: string, jobId: string | undefined, result: GraphResult): void {
  const activity = AUDITED[`${method} ${pattern}`];
  if (!activity || result.status < 200 || result.status > 299) return;
  const body = (c.req.body ?? {}) as Record<string, unknown>;
  let job = jobId;
  const modified: ModifiedProperty[] = [];
  if (pattern === "jobs") {
    job = (result.body as { id?: string } | undefined)?.id;
    modified.push({ displayName: "TemplateId", oldValue: null, newValue: json(body.templateId) });
  }
  if (pattern === "jobs/*/restart") {
    const scope = (body.criteria as { resetScope?: unknown } | null | undefined)?.resetScope;
    if (typeof scope === "string") modified.push({ displayName: "ResetScope", oldValue: null, newValue: json(scope) });
  }
  if (pattern === "secrets") {
    // The names of the saved keys only — never their values.
    const pairs = Array.isArray(body.value) ? body.value : Array.isArray(body.credentials) ? body.credentials : [];
    modified.push({ displayName: "Keys", oldValue: null, newValue: json(pairs.map((pair) => (pair as { key?: unknown }).key)) });
  }
  recordSyncAudit(c.state, c.req, {
    activity,
    servicePrincipal: { id: c.sp.id, displayName: c.sp.displayName },
    job: job ? { id: job } : undefined,
    modified,
  });
}
