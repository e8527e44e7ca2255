import { randomUUID } from "node:crypto";
import { PERSONAS } from "../auth/personas";
import type { EmulatorState, GraphRequest } from "../graph/types";
import type { Tenant } from "../store/tenant";
import type { AuditRecord } from "./auditLog";
import { PROVISIONING_SERVICE_INITIATOR, auditId, logId, type AppIdentityInput, type DirectoryAuditEvent, type ModifiedProperty, type OperationResult } from "./types";

/**
 * Directory audits of provisioning configuration changes. Category, service and activity names are Entra's,
 * from its audit activity reference ("Account provisioning": category ProvisioningManagement) and the
 * schema change note naming `loggedByService` "Account Provisioning" — sources in lib/emulator/README.md.
 */
export const PROVISIONING_AUDIT_CATEGORY = "ProvisioningManagement";
export const PROVISIONING_AUDIT_SERVICE = "Account Provisioning";

/** The activities a synchronization write records. */
export type SyncAuditActivity =
  | "Add provisioning configuration"
  | "Delete provisioning configuration"
  | "Enable/start provisioning configuration"
  | "Disable/pause provisioning configuration"
  | "Enable/restart provisioning configuration"
  | "Update provisioning setting or credentials"
  | "Update attribute mappings or scope";

/** Every ProvisioningManagement activity of the reference; the engine records the ones it detects (e.g. Quarantine). */
export type ProvisioningAuditActivity =
  | SyncAuditActivity
  | "Export"
  | "Import"
  | "Other"
  | "Process escrow"
  | "Quarantine"
  | "Synchronization rule action"
  | "User Provisioning";

export interface SyncAuditInput {
  activity: SyncAuditActivity;
  servicePrincipal: { id: string; displayName: string };
  job?: { id: string };
  modified?: ModifiedProperty[];
  result?: OperationResult;
  resultReason?: string;
}

/** `operationType` values of the audit schema are Add, Update, Delete (whats-new archive, audit schema changes). */
const operationOf = (activity: string) => (activity.startsWith("Add ") ? "Add" : activity.startsWith("Delete ") ? "Delete" : "Update");

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function targets(sp: { id: string; displayName: string }, modified: ModifiedProperty[] | undefined) {
  return [{ id: sp.id, displayName: sp.displayName, type: "ServicePrincipal", userPrincipalName: null, groupType: null, modifiedProperties: modified ?? [] }];
}

/**
 * Records the audit of a synchronization write made by the caller of `req` (user from the token: oid, name, upn;
 * IP from the socket). correlationId: the request's client-request-id when it is a GUID, else a new GUID.
 */
export function recordSyncAudit(state: EmulatorState, req: GraphRequest, input: SyncAuditInput): AuditRecord | null {
  const now = state.clock.now();
  const header = req.headers["client-request-id"];
  const correlationId = typeof header === "string" && GUID.test(header) ? header.toLowerCase() : randomUUID();
  const caller = req.caller;
  return state.tenant.audits.add(
    provisioningAudit({
      id: auditId("Sync", correlationId, now, input.activity, input.servicePrincipal.id),
      at: now,
      activity: input.activity,
      correlationId,
      initiatedBy: { user: caller ? { id: caller.oid, displayName: caller.name, userPrincipalName: caller.upn, ipAddress: caller.ipAddress } : null, app: null },
      servicePrincipal: input.servicePrincipal,
      modified: input.modified,
      additionalDetails: input.job ? [{ key: "JobId", value: input.job.id }] : [],
      result: input.result,
      resultReason: input.resultReason,
    }),
    now,
  );
}

export interface EngineAuditInput {
  activity: ProvisioningAuditActivity;
  servicePrincipal: { id: string; displayName: string };
  job?: { id: string };
  /** Engine time of the incident (the engine computes history on read, so it may be in the past). Default: now. */
  at?: number;
  result?: OperationResult;
  resultReason?: string;
  modified?: ModifiedProperty[];
  additionalDetails?: { key: string; value: string }[];
  /** Makes the id (and correlationId) deterministic: the same incident recorded twice is stored once. */
  key?: string;
  /** Default: the provisioning service, named as in the provisioning logs' initiator. */
  app?: AppIdentityInput;
}

/** An "Account Provisioning" audit of `activity` on a service principal, by whoever `initiatedBy` names. */
function provisioningAudit(input: {
  id: string;
  at: number;
  activity: SyncAuditActivity | ProvisioningAuditActivity;
  correlationId: string;
  initiatedBy: DirectoryAuditEvent["initiatedBy"];
  servicePrincipal: { id: string; displayName: string };
  modified?: ModifiedProperty[];
  additionalDetails: { key: string; value: string }[];
  result?: OperationResult;
  resultReason?: string;
}): DirectoryAuditEvent & { id: string } {
  return {
    id: input.id,
    activityDateTime: input.at,
    activityDisplayName: input.activity,
    category: PROVISIONING_AUDIT_CATEGORY,
    correlationId: input.correlationId,
    loggedByService: PROVISIONING_AUDIT_SERVICE,
    operationType: operationOf(input.activity),
    result: input.result ?? "success",
    resultReason: input.resultReason ?? "",
    initiatedBy: input.initiatedBy,
    targetResources: targets(input.servicePrincipal, input.modified ?? []),
    additionalDetails: input.additionalDetails,
    userAgent: null,
  };
}

/** Records an audit the provisioning service itself causes (quarantine, escrow processing…); for the engine. */
export function recordEngineAudit(tenant: Tenant, now: number, input: EngineAuditInput): AuditRecord | null {
  const at = input.at ?? now;
  const correlationId = input.key ? logId("engine-audit", input.key) : randomUUID();
  return tenant.audits.add(
    provisioningAudit({
      id: auditId("Sync", correlationId, at, input.activity),
      at,
      activity: input.activity,
      correlationId,
      initiatedBy: {
        user: null,
        app: input.app ?? { appId: null, displayName: PROVISIONING_SERVICE_INITIATOR.displayName, servicePrincipalId: null, servicePrincipalName: null },
      },
      servicePrincipal: input.servicePrincipal,
      modified: input.modified,
      additionalDetails: [...(input.job ? [{ key: "JobId", value: input.job.id }] : []), ...(input.additionalDetails ?? [])],
      result: input.result,
      resultReason: input.resultReason,
    }),
    now,
  );
}

const SEED_ACTIVITY: Record<string, SyncAuditActivity> = {
  create: "Add provisioning configuration",
  start: "Enable/start provisioning configuration",
  pause: "Disable/pause provisioning configuration",
};

/** The seed jobs' history (create/start/pause at their seeded times) as audits by the admin persona. */
export function seedSyncAudits(tenant: Tenant, sp: { id: string; displayName: string }, jobId: string, timeline: readonly (readonly [operation: string, at: number])[]): void {
  const admin = PERSONAS.admin;
  for (const [operation, at] of timeline) {
    const activity = SEED_ACTIVITY[operation];
    if (!activity) continue;
    const correlationId = logId("seed-audit", jobId, operation, at);
    tenant.audits.add(
      provisioningAudit({
        id: auditId("Sync", correlationId, at),
        at,
        activity,
        correlationId,
        initiatedBy: { user: { id: admin.oid, displayName: admin.name, userPrincipalName: admin.upn, ipAddress: "" }, app: null },
        servicePrincipal: sp,
        additionalDetails: [{ key: "JobId", value: jobId }],
      }),
    );
  }
}
