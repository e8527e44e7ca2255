import type {
  QuarantineReason,
  SynchronizationError,
  SynchronizationJob,
  SynchronizationProgress,
  SynchronizationQuarantine,
  SynchronizationScheduleState,
  SynchronizationStatusCode,
  SynchronizationTaskExecution,
  SynchronizationTaskExecutionResult,
} from "@microsoft/microsoft-graph-types-beta";
import { describeInterval } from "@/lib/format/duration";
import { toCount } from "./count";
import { formatCount } from "@/lib/format/count";
import { toMoment, type Moment } from "./moment";
import { safeHttpUrl } from "./safe-url";
import { parseExecutionResult, parseQuarantineReason, parseScheduleState, parseStatusCode, type Parsed } from "./vocabulary";

/** A synchronization job reshaped for display: every null, "" and sentinel is decided here, once. */

export type { Moment } from "./moment";

export interface ErrorView {
  code: string | null;
  message: string | null;
  tenantActionable: boolean;
}

export type ExecutionCountId =
  | "imported"
  | "importedDeltas"
  | "importedReferenceDeltas"
  | "exported"
  | "exports"
  | "escrowed"
  | "escrowedRaw"
  | "entitled"
  | "entitledForProvisioning";

export interface ExecutionCount {
  id: ExecutionCountId;
  label: string;
  value: number;
}

export interface ExecutionView {
  state: Parsed<SynchronizationTaskExecutionResult>;
  began: Moment;
  ended: Moment;
  activityId: string | null;
  counts: ExecutionCount[];
  error: ErrorView | null;
}

export interface QuarantineView {
  reason: Parsed<QuarantineReason>;
  /** When this series of quarantines began (falls back to `currentBegan`). */
  since: Moment;
  currentBegan: Moment;
  seriesBegan: Moment;
  nextAttempt: Moment;
  seriesCount: number;
  error: ErrorView | null;
}

export interface ProgressView {
  completedUnits: number;
  totalUnits: number;
  /** 0–100, rounded down; null when the total is unknown (0). */
  percent: number | null;
  units: string;
  /** "1,025 of 3,024 pages" */
  label: string;
  observed: Moment;
}

export interface EntryCount {
  type: string;
  count: number;
}

export interface JobCard {
  id: string;
  templateId: string | null;
  schedule: {
    state: Parsed<SynchronizationScheduleState>;
    /** "Every 40 minutes", "Not scheduled" */
    interval: string;
    intervalRaw: string | null;
    /** Unset reads "No expiration". */
    expiration: Moment;
  };
  status: {
    code: Parsed<SynchronizationStatusCode>;
    lastExecution: ExecutionView | null;
    lastSuccessfulExecution: ExecutionView | null;
    lastSuccessfulExecutionWithExports: ExecutionView | null;
    steadyState: { first: Moment; last: Moment };
    quarantine: QuarantineView | null;
    consecutiveFailures: number;
    escrowsPruned: boolean;
    /** Sorted by type. */
    entryCounts: EntryCount[];
    /** The latest progress observation, or null when there is none. */
    progress: ProgressView | null;
    /** Only absolute http(s) URLs. */
    troubleshootingUrl: string | null;
  };
}

const COUNT_FIELDS: [ExecutionCountId, keyof SynchronizationTaskExecution, string][] = [
  ["imported", "countImported", "Imported"],
  ["importedDeltas", "countImportedDeltas", "Imported changes"],
  ["importedReferenceDeltas", "countImportedReferenceDeltas", "Imported reference changes"],
  ["exported", "countExported", "Exported"],
  ["exports", "countExports", "Expected exports"],
  ["escrowed", "countEscrowed", "Escrowed (errors)"],
  ["escrowedRaw", "countEscrowedRaw", "Escrowed incl. system"],
  ["entitled", "countEntitled", "Entitled"],
  ["entitledForProvisioning", "countEntitledForProvisioning", "Entitled for provisioning"],
];

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** `{code: "None", message: ""}` (sent for a run that has not happened) is no error. */
function toError(error: SynchronizationError | null | undefined): ErrorView | null {
  const code = text(error?.code);
  const message = text(error?.message);
  if (!message && (!code || code.toLowerCase() === "none")) return null;
  return { code, message, tenantActionable: error?.tenantActionable === true };
}

/** A run that never began (year-1 times, no counts, no error) — Graph's placeholder right after Start — is no run. */
function toExecution(execution: SynchronizationTaskExecution | null | undefined, now: Date): ExecutionView | null {
  if (!execution || typeof execution !== "object") return null;
  const counts = COUNT_FIELDS.map(([id, field, label]) => ({ id, label, value: toCount(execution[field]) }));
  const began = toMoment(execution.timeBegan, now);
  const error = toError(execution.error);
  if (began.kind !== "date" && !error && counts.every((count) => count.value === 0)) return null;
  return {
    state: parseExecutionResult(execution.state),
    began,
    ended: toMoment(execution.timeEnded, now),
    activityId: text(execution.activityIdentifier),
    counts,
    error,
  };
}

function toQuarantine(quarantine: SynchronizationQuarantine | null | undefined, now: Date): QuarantineView | null {
  if (!quarantine || typeof quarantine !== "object") return null;
  const currentBegan = toMoment(quarantine.currentBegan, now);
  const seriesBegan = toMoment(quarantine.seriesBegan, now);
  return {
    reason: parseQuarantineReason(quarantine.reason),
    since: seriesBegan.kind === "date" ? seriesBegan : currentBegan,
    currentBegan,
    seriesBegan,
    nextAttempt: toMoment(quarantine.nextAttempt, now),
    seriesCount: toCount(quarantine.seriesCount),
    error: toError(quarantine.error),
  };
}

function observedAt(progress: SynchronizationProgress): number {
  const time = Date.parse(progress.progressObservationDateTime ?? "");
  return Number.isNaN(time) ? -Infinity : time;
}

function toProgress(list: SynchronizationProgress[] | null | undefined, now: Date): ProgressView | null {
  const observations = Array.isArray(list) ? list.filter((item) => item && typeof item === "object") : [];
  if (observations.length === 0) return null;
  const latest = observations.reduce((best, item) => (observedAt(item) >= observedAt(best) ? item : best));
  const totalUnits = toCount(latest.totalUnits);
  const completedUnits = toCount(latest.completedUnits);
  const units = text(latest.units) ?? "units";
  return {
    completedUnits,
    totalUnits,
    percent: totalUnits > 0 ? Math.min(100, Math.floor((completedUnits / totalUnits) * 100)) : null,
    units,
    label: totalUnits > 0 ? `${formatCount(completedUnits)} of ${formatCount(totalUnits)} ${units}` : `${formatCount(completedUnits)} ${units}`,
    observed: toMoment(latest.progressObservationDateTime, now),
  };
}

/** Case-insensitive A–Z without an Intl collator (building one costs a long task at page start; see lib/format/date.ts). */
function byName(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

function toEntryCounts(list: unknown): EntryCount[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter((item) => item && typeof item === "object")
    .map((item) => ({ type: text(item.key) ?? "Unnamed type", count: toCount(item.value) }))
    .sort((a, b) => byName(a.type, b.type));
}

export function toJobCard(job: SynchronizationJob, now: Date = new Date()): JobCard {
  const schedule = job?.schedule ?? {};
  const status = job?.status ?? {};
  return {
    id: text(job?.id) ?? "",
    templateId: text(job?.templateId),
    schedule: {
      state: parseScheduleState(schedule.state),
      interval: describeInterval(text(schedule.interval)),
      intervalRaw: text(schedule.interval),
      expiration: toMoment(schedule.expiration, now, { never: "No expiration", unset: "No expiration" }),
    },
    status: {
      code: parseStatusCode(status.code),
      lastExecution: toExecution(status.lastExecution, now),
      lastSuccessfulExecution: toExecution(status.lastSuccessfulExecution, now),
      lastSuccessfulExecutionWithExports: toExecution(status.lastSuccessfulExecutionWithExports, now),
      steadyState: { first: toMoment(status.steadyStateFirstAchievedTime, now), last: toMoment(status.steadyStateLastAchievedTime, now) },
      quarantine: toQuarantine(status.quarantine, now),
      consecutiveFailures: toCount(status.countSuccessiveCompleteFailures),
      escrowsPruned: status.escrowsPruned === true,
      entryCounts: toEntryCounts(status.synchronizedEntryCountByType),
      progress: toProgress(status.progress, now),
      troubleshootingUrl: safeHttpUrl(status.troubleshootingUrl),
    },
  };
}
