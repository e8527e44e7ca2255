import type { ProvisioningObjectSummary } from "@microsoft/microsoft-graph-types-beta";
import type { Parsed } from "@/lib/jobs/vocabulary";
import { toLogEntryView, type LogEntryView } from "./entry-view";
import { parseProvisioningResult, type ProvisioningResultCode } from "./vocabulary";

/**
 * Provision on demand's answer (SYNC-API §3.1): a stringKeyStringValuePair whose `key` and `value` are JSON
 * strings. `key` is `{"result":"Success"|"Skipped"|"Failure","details":{errorCode,errorMessage}}`; `value` is the
 * provisioning record in on-demand field names (`action`, `statusInfo`, `type` on identities, `name` on systems,
 * `startTime`/`endTime`), `"{}"` for a group (the docs' Group example), or a list of records (Entra PowerShell
 * output, whose key is then a .NET type name). This is the one place that maps those names onto a provisioning
 * log entry, so on-demand records are shown by the logs' own views.
 */

export interface OnDemandResultView {
  /** The key's `result`; null when the key is not the `{"result":…}` JSON. */
  result: Parsed<ProvisioningResultCode> | null;
  /** The key's `details`: why it was skipped or failed. */
  reason: { code: string | null; message: string | null } | null;
  /** What the service did, one record per object (none for a group: its members' records are in the logs). */
  records: LogEntryView[];
}

const object = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);

function parseJson(value: unknown): unknown {
  if (typeof value !== "string") return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function durationMs(start: unknown, end: unknown): number | undefined {
  const from = typeof start === "string" ? Date.parse(start) : NaN;
  const to = typeof end === "string" ? Date.parse(end) : NaN;
  return Number.isFinite(from) && Number.isFinite(to) && to >= from ? to - from : undefined;
}

const identity = (value: unknown) => {
  const o = object(value);
  return { id: text(o.id), displayName: text(o.displayName), identityType: text(o.type) };
};
const system = (value: unknown) => ({ displayName: text(object(value).name) });

/** One on-demand record as the provisioning log entry it stands for. */
export function onDemandRecordAsLogEntry(record: Record<string, unknown>, index = 0): ProvisioningObjectSummary & { id: string } {
  const status = object(record.statusInfo);
  const changeId = text(record.changeId);
  return {
    id: changeId ?? `on-demand-${index}`,
    activityDateTime: text(record.endTime) ?? text(record.startTime) ?? undefined,
    changeId,
    durationInMilliseconds: durationMs(record.startTime, record.endTime),
    provisioningAction: text(record.action) as ProvisioningObjectSummary["provisioningAction"],
    provisioningStatusInfo: {
      status: text(status.status) as NonNullable<ProvisioningObjectSummary["provisioningStatusInfo"]>["status"],
      errorInformation: {
        errorCode: text(status.errorCode),
        reason: text(status.reason),
        additionalDetails: text(status.additionalDetails),
        errorCategory: text(status.errorCategory),
        recommendedAction: text(status.recommendedAction),
      },
    },
    sourceIdentity: identity(record.sourceIdentity),
    sourceSystem: system(record.sourceSystem),
    targetIdentity: identity(record.targetIdentity),
    targetSystem: system(record.targetSystem),
    modifiedProperties: Array.isArray(record.modifiedProperties) ? record.modifiedProperties : [],
    provisioningSteps: Array.isArray(record.provisioningSteps) ? record.provisioningSteps : [],
  } as ProvisioningObjectSummary & { id: string };
}

/** A record is an object that says what happened; `{}` (a group's answer) is none. */
const isRecord = (value: unknown): value is Record<string, unknown> => Object.keys(object(value)).some((key) => key === "provisioningSteps" || key === "statusInfo" || key === "action");

export function toOnDemandResult(answer: { key?: unknown; value?: unknown }, now: Date = new Date()): OnDemandResultView {
  const key = object(parseJson(answer.key));
  const details = object(key.details);
  const value = parseJson(answer.value);
  const records = (Array.isArray(value) ? value : [value]).filter(isRecord);
  const code = text(details.errorCode);
  const message = text(details.errorMessage);
  return {
    result: key.result === undefined ? null : parseProvisioningResult(key.result),
    reason: code || message ? { code, message } : null,
    records: records.map((record, index) => toLogEntryView(onDemandRecordAsLogEntry(record, index), now)),
  };
}
