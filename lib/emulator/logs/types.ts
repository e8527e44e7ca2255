import { hashGuid } from "../engine/random";

/**
 * What the engine (and the Graph handlers) give the log stores, and the Graph JSON the stores render.
 * Enum members are spelled as in the v1.0 and beta CSDL (`provisioningAction`, `provisioningResult`,
 * `provisioningStepType`, `provisioningStatusErrorCategory`, `initiatorType`, `operationResult`).
 */
/** A Graph version (the same union as graph/types `GraphVersion`, kept here so the stores import nothing from graph/). */
export type LogVersion = "v1.0" | "beta";

export const PROVISIONING_ACTIONS = ["other", "create", "delete", "disable", "update", "stagedDelete"] as const;
export type ProvisioningAction = (typeof PROVISIONING_ACTIONS)[number];
export const PROVISIONING_RESULTS = ["success", "failure", "skipped", "warning"] as const;
export type ProvisioningResult = (typeof PROVISIONING_RESULTS)[number];
export type ProvisioningStepType = "import" | "scoping" | "matching" | "processing" | "referenceResolution" | "export";
export type ProvisioningErrorCategory = "failure" | "nonServiceFailure" | "success";
export type InitiatorType = "user" | "application" | "system";
/** detailsInfo is an open type: string members only here (the docs' examples show strings). */
export type Details = Record<string, string>;

export interface ModifiedProperty {
  displayName: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface ProvisioningStepInput {
  name: string;
  type: ProvisioningStepType;
  status: ProvisioningResult;
  description: string;
  details?: Details;
}

export interface ProvisionedIdentityInput {
  id: string;
  displayName: string;
  identityType: string;
  details?: Details;
}

export interface ProvisioningSystemInput {
  id: string;
  displayName: string;
  details?: Details;
}

export interface ProvisioningErrorInput {
  errorCode: string;
  reason: string;
  errorCategory: ProvisioningErrorCategory;
  additionalDetails?: string | null;
  recommendedAction?: string | null;
}

export interface InitiatorInput {
  id: string;
  displayName: string;
  initiatorType: InitiatorType;
}

/** The provisioning service's initiator, as in both docs examples of List provisioningObjectSummary. */
export const PROVISIONING_SERVICE_INITIATOR: InitiatorInput = { id: "", displayName: "Azure AD Provisioning Service", initiatorType: "system" };

/** One provisioning event (one object, one change) — everything a provisioningObjectSummary shows. */
export interface ProvisioningEvent {
  /** Default: `logId("provisioning", jobId, changeId)`: the same event added twice is stored once. */
  id?: string;
  /** Engine time, epoch ms. */
  activityDateTime: number;
  jobId: string;
  cycleId: string;
  changeId: string;
  servicePrincipal: { id: string; displayName: string };
  action: ProvisioningAction;
  status: ProvisioningResult;
  sourceIdentity: ProvisionedIdentityInput;
  targetIdentity: ProvisionedIdentityInput;
  sourceSystem: ProvisioningSystemInput;
  targetSystem: ProvisioningSystemInput;
  steps: ProvisioningStepInput[];
  modifiedProperties?: ModifiedProperty[];
  /** errorInformation; null/absent on success. */
  error?: ProvisioningErrorInput | null;
  /** Default: the provisioning service (system). On-demand provisioning: the signed-in user. */
  initiatedBy?: InitiatorInput;
  durationMs: number;
  /** Default: the emulator tenant. */
  tenantId?: string;
}

/** The v1.0 JSON of a provisioningObjectSummary (beta adds `action` and `statusInfo`). */
export interface ProvisioningObjectSummary {
  id: string;
  activityDateTime: string;
  tenantId: string;
  jobId: string;
  cycleId: string;
  changeId: string;
  provisioningAction: ProvisioningAction;
  durationInMilliseconds: number;
  provisioningStatusInfo: { status: ProvisioningResult; errorInformation: ProvisioningErrorInfo | null };
  provisioningSteps: { name: string; provisioningStepType: ProvisioningStepType; status: ProvisioningResult; description: string; details: Details }[];
  modifiedProperties: ModifiedProperty[];
  servicePrincipal: { id: string; displayName: string };
  sourceSystem: { id: string; displayName: string; details: Details };
  targetSystem: { id: string; displayName: string; details: Details };
  initiatedBy: InitiatorInput;
  sourceIdentity: { id: string; displayName: string; identityType: string; details: Details };
  targetIdentity: { id: string; displayName: string; identityType: string; details: Details };
}

export interface ProvisioningErrorInfo {
  errorCode: string;
  reason: string;
  additionalDetails: string | null;
  errorCategory: ProvisioningErrorCategory;
  recommendedAction: string | null;
}

export type OperationResult = "success" | "failure" | "timeout";

export interface UserIdentityInput {
  id: string;
  displayName: string;
  userPrincipalName: string;
  ipAddress: string;
}

export interface AppIdentityInput {
  appId: string | null;
  displayName: string;
  servicePrincipalId: string | null;
  servicePrincipalName: string | null;
}

export interface TargetResourceInput {
  id: string;
  displayName: string | null;
  type: string;
  userPrincipalName?: string | null;
  groupType?: "unifiedGroups" | "azureAD" | null;
  modifiedProperties?: ModifiedProperty[];
}

/** One directoryAudit. */
export interface DirectoryAuditEvent {
  /** Default: derived from `correlationId` and the time (`Sync_…`, see `auditId`). */
  id?: string;
  /** Engine time, epoch ms. */
  activityDateTime: number;
  activityDisplayName: string;
  category: string;
  correlationId: string;
  loggedByService: string;
  operationType: string;
  result: OperationResult;
  resultReason: string;
  initiatedBy: { user: UserIdentityInput | null; app: AppIdentityInput | null };
  targetResources: TargetResourceInput[];
  additionalDetails?: { key: string; value: string }[];
  /** beta only. */
  userAgent?: string | null;
}

/** A deterministic GUID from its parts (`hashGuid` of `parts.join("|")`), for log ids, change ids and cycle ids. */
export function logId(...parts: (string | number)[]): string {
  return hashGuid(parts.join("|"));
}

const CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/**
 * A directoryAudit id in the shape Graph shows: `Directory_<correlationId>_<5 chars>_<8 digits>` in the beta
 * example; provisioning-service audits start with `Sync_` (microsoftgraph/microsoft-graph-docs#3648). Deterministic.
 */
export function auditId(prefix: "Sync" | "Directory", correlationId: string, ...salt: (string | number)[]): string {
  const hex = logId(correlationId, ...salt).replaceAll("-", "");
  const code = Array.from({ length: 5 }, (_, i) => CODE_CHARS[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % CODE_CHARS.length]).join("");
  const digits = String(parseInt(hex.slice(10, 18), 16) % 100_000_000).padStart(8, "0");
  return `${prefix}_${correlationId}_${code}_${digits}`;
}

/** Graph's DateTimeOffset text: ISO 8601 UTC, without the fraction when it is zero (`2019-05-04T03:00:54Z`). */
export function isoTime(ms: number): string {
  const text = new Date(ms).toISOString();
  return text.endsWith(".000Z") ? `${text.slice(0, -5)}Z` : text;
}

/** Entra keeps provisioning logs 30 days (premium; howto-analyze-provisioning-logs.md). */
export const LOG_RETENTION_MS = 30 * 24 * 3_600_000;
