import type { ProvisioningObjectSummary } from "@microsoft/microsoft-graph-types-beta";
import { toMoment, type Moment } from "@/lib/jobs/moment";
import type { Parsed } from "@/lib/jobs/vocabulary";
import { docsAdviceFor } from "./error-advice";
import { toStepViews, type ProvisioningStepView } from "./provisioning-step";
import { parseProvisioningAction, parseProvisioningResult, type ProvisioningActionCode, type ProvisioningResultCode } from "./vocabulary";

/** A provisioning log entry (provisioningObjectSummary) reshaped for display: every null and "" decided here. */

export interface IdentityView {
  displayName: string | null;
  id: string | null;
  /** `User`, `Group`, `urn:ietf:params:scim:schemas:core:2.0:User`, … */
  type: string | null;
  /** The system it lives in: "Azure Active Directory", the app's name. */
  system: string | null;
}

/** What the list shows of an entry. */
export interface LogRowView {
  id: string;
  when: Moment;
  action: Parsed<ProvisioningActionCode>;
  status: Parsed<ProvisioningResultCode>;
  /** The object in words: its source name, else its target name, else an id. */
  title: string;
  source: IdentityView;
  target: IdentityView;
  app: { id: string | null; displayName: string | null };
  errorCode: string | null;
}

export interface ModifiedPropertyView {
  name: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface EntryErrorView {
  code: string | null;
  reason: string | null;
  additionalDetails: string | null;
  /** `failure`, `nonServiceFailure`, … */
  category: string | null;
  recommendedAction: string | null;
  /** Where the recommended action comes from: Graph's entry, or Microsoft's error table for its code. */
  recommendedActionSource: "graph" | "docs" | null;
}

export type EntryIdKey = "changeId" | "cycleId" | "jobId" | "sourceId" | "targetId" | "entryId" | "servicePrincipalId" | "tenantId";

export interface EntryIdView {
  key: EntryIdKey;
  label: string;
  value: string;
}

export interface LogEntryView extends LogRowView {
  durationMs: number | null;
  initiatedBy: string | null;
  steps: ProvisioningStepView[];
  modifiedProperties: ModifiedPropertyView[];
  error: EntryErrorView | null;
  /** Every id the entry has, in the order support asks for them; only those present. */
  ids: EntryIdView[];
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);
/** Values shown as sent (spaces matter in a property's value). */
const rawText = (value: unknown): string | null => (typeof value === "string" ? value : null);
const object = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

function identity(value: unknown, system: unknown): IdentityView {
  const o = object(value);
  return { displayName: text(o.displayName), id: text(o.id), type: text(o.identityType), system: text(object(system).displayName) };
}

/** `provisioningStatusInfo.status`, else beta's deprecated `statusInfo.status`: as Graph sent it. */
export function entryStatus(entry: ProvisioningObjectSummary): unknown {
  return entry.provisioningStatusInfo?.status ?? object(entry.statusInfo).status;
}

/** `provisioningStatusInfo.errorInformation` (v1.0), else beta's `statusInfo` when it is a statusDetails; {} when none. */
export function entryErrorInformation(entry: ProvisioningObjectSummary): Record<string, unknown> {
  return object(entry.provisioningStatusInfo?.errorInformation ?? (object(entry.statusInfo).errorCode !== undefined ? entry.statusInfo : null));
}

function errorOf(entry: ProvisioningObjectSummary): EntryErrorView | null {
  const info = entryErrorInformation(entry);
  const code = text(info.errorCode);
  const reason = text(info.reason);
  if (!code && !reason) return null;
  const fromGraph = text(info.recommendedAction);
  const fromDocs = fromGraph ? null : docsAdviceFor(code);
  return {
    code,
    reason,
    additionalDetails: text(info.additionalDetails),
    category: text(info.errorCategory),
    recommendedAction: fromGraph ?? fromDocs,
    recommendedActionSource: fromGraph ? "graph" : fromDocs ? "docs" : null,
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTRA = new Set(["azure active directory", "microsoft entra id"]);

/** The Entra user an identity is, when it is one (a person's trace can be opened for it); null otherwise. */
export function entraUserId(identity: IdentityView): string | null {
  const user = identity.type?.toLowerCase() === "user" && identity.system !== null && ENTRA.has(identity.system.toLowerCase());
  return user && identity.id && GUID.test(identity.id) ? identity.id.toLowerCase() : null;
}

export function toLogRow(entry: ProvisioningObjectSummary & { id: string }, now: Date = new Date()): LogRowView {
  const source = identity(entry.sourceIdentity, entry.sourceSystem);
  const target = identity(entry.targetIdentity, entry.targetSystem);
  const sp = object(entry.servicePrincipal);
  return {
    id: entry.id,
    when: toMoment(entry.activityDateTime, now),
    action: parseProvisioningAction(entry.provisioningAction ?? entry.action),
    status: parseProvisioningResult(entryStatus(entry)),
    title: source.displayName ?? target.displayName ?? source.id ?? target.id ?? "Unnamed object",
    source,
    target,
    app: { id: text(sp.id), displayName: text(sp.displayName) },
    errorCode: errorOf(entry)?.code ?? null,
  };
}

function modifiedProperties(list: unknown): ModifiedPropertyView[] {
  if (!Array.isArray(list)) return [];
  return list
    .map(object)
    .map((p) => ({ name: text(p.displayName) ?? "Unnamed property", oldValue: rawText(p.oldValue), newValue: rawText(p.newValue) }));
}

const ID_LABELS: [EntryIdKey, string][] = [
  ["changeId", "Change ID"],
  ["cycleId", "Cycle ID"],
  ["jobId", "Job ID"],
  ["sourceId", "Source ID"],
  ["targetId", "Target ID"],
  ["entryId", "Log entry ID"],
  ["servicePrincipalId", "Service principal ID"],
  ["tenantId", "Tenant ID"],
];

export function toLogEntryView(entry: ProvisioningObjectSummary & { id: string }, now: Date = new Date()): LogEntryView {
  const row = toLogRow(entry, now);
  const values: Record<EntryIdKey, string | null> = {
    changeId: text(entry.changeId),
    cycleId: text(entry.cycleId),
    jobId: text(entry.jobId),
    sourceId: row.source.id,
    targetId: row.target.id,
    entryId: row.id,
    servicePrincipalId: row.app.id,
    tenantId: text(entry.tenantId),
  };
  const duration = entry.durationInMilliseconds;
  return {
    ...row,
    durationMs: typeof duration === "number" && Number.isFinite(duration) && duration >= 0 ? duration : null,
    initiatedBy: text(object(entry.initiatedBy).displayName),
    steps: toStepViews(entry.provisioningSteps, now),
    modifiedProperties: modifiedProperties(entry.modifiedProperties),
    error: errorOf(entry),
    ids: ID_LABELS.flatMap(([key, label]) => (values[key] ? [{ key, label, value: values[key] }] : [])),
  };
}
