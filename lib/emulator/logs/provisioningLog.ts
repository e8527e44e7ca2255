import { TENANT_ID } from "../auth/personas";
import type { FilterSchema } from "./filter";
import { pageOf, type Page, type PageRequest } from "./page";
import { Interner, Timeline } from "./timeline";
import {
  LOG_RETENTION_MS,
  PROVISIONING_ACTIONS,
  PROVISIONING_RESULTS,
  PROVISIONING_SERVICE_INITIATOR,
  isoTime,
  logId,
  type Details,
  type LogVersion as GraphVersion,
  type InitiatorInput,
  type ProvisioningErrorInfo,
  type ProvisioningEvent,
  type ProvisioningObjectSummary,
} from "./types";

/**
 * The tenant's provisioning logs (`/auditLogs/provisioning`). Entries are kept in a compact form — scalar
 * fields for filtering, shared (interned) copies of repeated parts (service principal, systems, initiator,
 * error), and the bulky per-entry parts (steps, modified properties, identity details) as one JSON string —
 * and rendered to Graph JSON per version on read. Newest first; indexed by jobId and servicePrincipal id.
 *
 * Bounds: 30 days of engine time (Entra's retention for premium tenants), at most `MAX_PROVISIONING_ENTRIES`
 * entries and `MAX_PROVISIONING_CHARS` stored characters in all; the oldest entries go first. A typical entry
 * (4 steps, 4 modified properties) holds ~950 characters and ~1.4 KB of heap, so the log stays under ~150 MB
 * of heap at the entry cap; the character cap keeps unusually large entries from growing it past ~250 MB.
 */
export const MAX_PROVISIONING_ENTRIES = 100_000;
export const MAX_PROVISIONING_CHARS = 150_000_000;

type System = { id: string; displayName: string; details: Details };

export interface StoredProvisioningEntry {
  readonly at: number;
  readonly seq: number;
  readonly id: string;
  readonly tenantId: string;
  readonly jobId: string;
  readonly cycleId: string;
  readonly changeId: string;
  readonly action: number;
  readonly status: number;
  readonly durationMs: number;
  readonly sp: { id: string; displayName: string };
  readonly sourceSystem: System;
  readonly targetSystem: System;
  readonly initiatedBy: InitiatorInput;
  readonly sourceId: string;
  readonly sourceName: string;
  readonly sourceType: string;
  readonly targetId: string;
  readonly targetName: string;
  readonly targetType: string;
  readonly error: ProvisioningErrorInfo | null;
  /**
   * JSON `[steps, modifiedProperties, sourceIdentity.details, targetIdentity.details]`, steps as
   * `[name, stepTypeIndex, resultIndex, description, details|0]` and properties as `[displayName, oldValue, newValue]`.
   */
  readonly bulk: string;
  readonly chars: number;
}

/** beta's deprecated `action` (String): the docs examples show `"Create"` for provisioningAction `create`. */
const BETA_ACTION = PROVISIONING_ACTIONS.map((name) => name.charAt(0).toUpperCase() + name.slice(1));

const STRING_OPS = ["eq", "contains"] as const;
const EQ_ONLY = ["eq"] as const;

function schemaFor(version: GraphVersion): FilterSchema<StoredProvisioningEntry> {
  const s = (get: (e: StoredProvisioningEntry) => string) => ({ type: "string" as const, operators: STRING_OPS, get });
  const status = { type: "string" as const, operators: STRING_OPS, ignoreCase: true, get: (e: StoredProvisioningEntry) => PROVISIONING_RESULTS[e.status] };
  const fields: FilterSchema<StoredProvisioningEntry>["fields"] = {
    id: s((e) => e.id),
    activitydatetime: { type: "datetime", operators: ["eq", "gt", "lt"], get: (e) => e.at },
    tenantid: s((e) => e.tenantId),
    jobid: s((e) => e.jobId),
    changeid: s((e) => e.changeId),
    cycleid: s((e) => e.cycleId),
    provisioningaction: s((e) => PROVISIONING_ACTIONS[e.action]),
    durationinmilliseconds: { type: "int", operators: ["eq", "gt", "lt"], get: (e) => e.durationMs },
    "provisioningstatusinfo/status": status,
    "sourcesystem/displayname": s((e) => e.sourceSystem.displayName),
    "targetsystem/displayname": s((e) => e.targetSystem.displayName),
    "sourceidentity/identitytype": s((e) => e.sourceType),
    "targetidentity/identitytype": s((e) => e.targetType),
    "sourceidentity/id": s((e) => e.sourceId),
    "targetidentity/id": s((e) => e.targetId),
    "sourceidentity/displayname": s((e) => e.sourceName),
    "targetidentity/displayname": s((e) => e.targetName),
    "initiatedby/displayname": s((e) => e.initiatedBy.displayName),
    "serviceprincipal/id": { type: "string", operators: EQ_ONLY, get: (e) => e.sp.id },
    "serviceprincipal/displayname": { type: "string", operators: EQ_ONLY, get: (e) => e.sp.displayName },
  };
  if (version === "beta") {
    // The beta page also lists the deprecated `action` and `statusInfo/status`, and `servicePrincipal/name`
    // where v1.0 lists `servicePrincipal/displayName` (the type has displayName only): both accepted on beta.
    fields.action = s((e) => BETA_ACTION[e.action]);
    fields["statusinfo/status"] = status;
    fields["serviceprincipal/name"] = { type: "string", operators: EQ_ONLY, get: (e) => e.sp.displayName };
  }
  return { resource: "provisioningObjectSummary", fields };
}

export const PROVISIONING_FILTER_SCHEMA: Record<GraphVersion, FilterSchema<StoredProvisioningEntry>> = {
  "v1.0": schemaFor("v1.0"),
  beta: schemaFor("beta"),
};

/**
 * A flat copy of a string. Strings built by concatenation or slicing are V8 cons/sliced strings that keep their
 * parts (a `hashGuid` id keeps the 40-char digest it was sliced from): stored as is they cost several times their length.
 */
const flat = (value: string): string => (value.length < 2 ? value : (JSON.parse(JSON.stringify(value)) as string));

/** JSON text as one flat string (JSON.stringify returns a rope of parts; the text is well-formed, so UTF-8 round-trips it). */
const flatJson = (value: unknown): string => Buffer.from(JSON.stringify(value), "utf8").toString("utf8");

const hasDetails = (details: Details | undefined): details is Details => details !== undefined && Object.keys(details).length > 0;
const emptyDetails = (details: Details | undefined): Details => (hasDetails(details) ? { ...details } : {});
const STEP_TYPES = ["import", "scoping", "matching", "processing", "referenceResolution", "export"] as const;
type StoredStep = [name: string, type: number, result: number, description: string, details: Details | 0];
type StoredProperty = [displayName: string, oldValue: string | null, newValue: string | null];

export class ProvisioningLog {
  private readonly all = new Timeline<StoredProvisioningEntry>();
  private readonly byJob = new Map<string, Timeline<StoredProvisioningEntry>>();
  private readonly bySp = new Map<string, Timeline<StoredProvisioningEntry>>();
  private readonly strings = new Interner<string>(50_000);
  private readonly objects = new Interner<object>(20_000);
  private seq = 0;
  private chars = 0;
  /** The latest engine time seen (reads pass the clock; adds their activityDateTime). */
  private now = -Infinity;

  constructor(
    private readonly limits: { maxEntries: number; maxChars: number; retentionMs: number } = {
      maxEntries: MAX_PROVISIONING_ENTRIES,
      maxChars: MAX_PROVISIONING_CHARS,
      retentionMs: LOG_RETENTION_MS,
    },
  ) {}

  get size(): number {
    return this.all.size;
  }

  /** Entries and stored characters held now (for tests of the bound). */
  stats(): { entries: number; chars: number; jobs: number; servicePrincipals: number } {
    return { entries: this.all.size, chars: this.chars, jobs: this.byJob.size, servicePrincipals: this.bySp.size };
  }

  private intern(value: string): string {
    return value.length > 200 ? flat(value) : this.strings.get(value, () => flat(value));
  }

  private shared<T extends object>(key: string, make: () => T): T {
    return this.objects.get(key, make) as T;
  }

  /**
   * Stores one event. Returns false (and stores nothing) when an entry with the same id and time is already
   * there (the engine may compute the same history twice) or when it is older than the retention window.
   */
  add(event: ProvisioningEvent, now?: number): boolean {
    if (now !== undefined) this.now = Math.max(this.now, now);
    const at = Math.floor(event.activityDateTime);
    this.now = Math.max(this.now, at);
    this.prune();
    if (at < this.now - this.limits.retentionMs) return false;
    const id = event.id ?? logId("provisioning", event.jobId, event.changeId);
    if (this.all.sameInstant(at, (entry) => entry.id === id)) return false;
    const action = PROVISIONING_ACTIONS.indexOf(event.action);
    const status = PROVISIONING_RESULTS.indexOf(event.status);
    if (action < 0) throw new Error(`provisioningAction '${event.action}' is not one of ${PROVISIONING_ACTIONS.join(", ")}`);
    if (status < 0) throw new Error(`provisioningResult '${event.status}' is not one of ${PROVISIONING_RESULTS.join(", ")}`);
    const steps = event.steps.map((step) => {
      const type = STEP_TYPES.indexOf(step.type);
      const result = PROVISIONING_RESULTS.indexOf(step.status);
      if (type < 0 || result < 0) throw new Error(`provisioning step '${step.name}': bad type '${step.type}' or status '${step.status}'`);
      return [step.name, type, result, step.description, hasDetails(step.details) ? step.details : 0];
    });
    const modified = (event.modifiedProperties ?? []).map((p) => [p.displayName, p.oldValue, p.newValue]);
    const bulk = flatJson([steps, modified, hasDetails(event.sourceIdentity.details) ? event.sourceIdentity.details : 0, hasDetails(event.targetIdentity.details) ? event.targetIdentity.details : 0]);
    const system = (input: ProvisioningEvent["sourceSystem"]): System =>
      this.shared(`${input.id}\u0000${input.displayName}\u0000${hasDetails(input.details) ? JSON.stringify(input.details) : ""}`, () => ({
        id: input.id,
        displayName: input.displayName,
        details: emptyDetails(input.details),
      }));
    const e = event.error;
    const error = e
      ? this.shared<ProvisioningErrorInfo>([e.errorCode, e.reason, e.additionalDetails, e.errorCategory, e.recommendedAction].join("\u0000"), () => ({
          errorCode: e.errorCode,
          reason: e.reason,
          additionalDetails: e.additionalDetails ?? null,
          errorCategory: e.errorCategory,
          recommendedAction: e.recommendedAction ?? null,
        }))
      : null;
    const initiator = event.initiatedBy ?? PROVISIONING_SERVICE_INITIATOR;
    const sp = event.servicePrincipal;
    const entry: StoredProvisioningEntry = {
      at,
      seq: this.seq++,
      id: flat(id),
      tenantId: this.intern(event.tenantId ?? TENANT_ID),
      jobId: this.intern(event.jobId),
      cycleId: this.intern(event.cycleId),
      changeId: flat(event.changeId),
      action,
      status,
      durationMs: Math.max(0, Math.min(2_147_483_647, Math.round(event.durationMs))),
      sp: this.shared(`${sp.id}\u0000${sp.displayName}`, () => ({ id: sp.id, displayName: sp.displayName })),
      sourceSystem: system(event.sourceSystem),
      targetSystem: system(event.targetSystem),
      initiatedBy: this.shared(`${initiator.id}\u0000${initiator.displayName}\u0000${initiator.initiatorType}`, () => ({
        id: initiator.id,
        displayName: initiator.displayName,
        initiatorType: initiator.initiatorType,
      })),
      sourceId: flat(event.sourceIdentity.id),
      sourceName: flat(event.sourceIdentity.displayName),
      sourceType: this.intern(event.sourceIdentity.identityType),
      targetId: flat(event.targetIdentity.id),
      targetName: flat(event.targetIdentity.displayName),
      targetType: this.intern(event.targetIdentity.identityType),
      error,
      bulk,
      chars: bulk.length + id.length + event.changeId.length + event.sourceIdentity.id.length + event.sourceIdentity.displayName.length + event.targetIdentity.id.length + event.targetIdentity.displayName.length,
    };
    this.all.insert(entry);
    this.indexOf(this.byJob, entry.jobId).insert(entry);
    this.indexOf(this.bySp, entry.sp.id).insert(entry);
    this.chars += entry.chars;
    this.prune();
    return true;
  }

  private indexOf(map: Map<string, Timeline<StoredProvisioningEntry>>, key: string): Timeline<StoredProvisioningEntry> {
    let timeline = map.get(key);
    if (!timeline) {
      timeline = new Timeline();
      map.set(key, timeline);
    }
    return timeline;
  }

  private evictOldest(): void {
    const entry = this.all.shift();
    if (!entry) return;
    this.chars -= entry.chars;
    for (const [map, key] of [
      [this.byJob, entry.jobId],
      [this.bySp, entry.sp.id],
    ] as const) {
      const timeline = map.get(key);
      timeline?.shift(); // the globally oldest entry is the oldest of its job and of its service principal
      if (timeline?.size === 0) map.delete(key);
    }
  }

  /** Drops entries older than the retention window and beyond the bounds. */
  prune(now?: number): void {
    if (now !== undefined) this.now = Math.max(this.now, now);
    const cutoff = this.now - this.limits.retentionMs;
    while (this.all.size > 0 && (this.all.oldest()!.at < cutoff || this.all.size > this.limits.maxEntries || this.chars > this.limits.maxChars)) this.evictOldest();
  }

  /** A page; uses the jobId or servicePrincipal/id index when the filter requires one (`… eq '…'` in the root and-chain). */
  page(request: PageRequest<StoredProvisioningEntry>, now: number): Page<StoredProvisioningEntry> {
    this.prune(now);
    const required = request.filter?.required;
    const job = required?.get("jobid");
    const sp = required?.get("serviceprincipal/id");
    const timeline = job !== undefined ? this.byJob.get(job) : sp !== undefined ? this.bySp.get(sp) : this.all;
    return pageOf(timeline, request);
  }

  get(id: string, now: number): StoredProvisioningEntry | undefined {
    this.prune(now);
    return this.all.findNewest((entry) => entry.id === id);
  }

  clear(): void {
    this.all.clear();
    this.byJob.clear();
    this.bySp.clear();
    this.chars = 0;
  }
}

/** Graph JSON of one entry: v1.0 properties; beta adds the deprecated `action` and `statusInfo`. */
export function renderProvisioningEntry(entry: StoredProvisioningEntry, version: GraphVersion): ProvisioningObjectSummary & Record<string, unknown> {
  const [steps, properties, sourceDetails, targetDetails] = JSON.parse(entry.bulk) as [StoredStep[], StoredProperty[], Details | 0, Details | 0];
  const provisioningSteps = steps.map(([name, type, result, description, details]) => ({
    name,
    provisioningStepType: STEP_TYPES[type],
    status: PROVISIONING_RESULTS[result],
    description,
    details: details || {},
  }));
  const modifiedProperties = properties.map(([displayName, oldValue, newValue]) => ({ displayName, oldValue, newValue }));
  const status = PROVISIONING_RESULTS[entry.status];
  const error = entry.error ? { ...entry.error } : null;
  const beta = version === "beta";
  return {
    id: entry.id,
    activityDateTime: isoTime(entry.at),
    tenantId: entry.tenantId,
    jobId: entry.jobId,
    cycleId: entry.cycleId,
    changeId: entry.changeId,
    ...(beta ? { action: BETA_ACTION[entry.action] } : {}),
    provisioningAction: PROVISIONING_ACTIONS[entry.action],
    durationInMilliseconds: entry.durationMs,
    // beta's statusInfo: a statusBase on success, a statusDetails (with @odata.type) when there is an error (docs examples).
    ...(beta ? { statusInfo: error ? { "@odata.type": "#microsoft.graph.statusDetails", status, ...error } : { status } } : {}),
    provisioningStatusInfo: { status, errorInformation: error },
    provisioningSteps,
    modifiedProperties,
    servicePrincipal: { ...entry.sp },
    sourceSystem: { ...entry.sourceSystem, details: { ...entry.sourceSystem.details } },
    targetSystem: { ...entry.targetSystem, details: { ...entry.targetSystem.details } },
    initiatedBy: { ...entry.initiatedBy },
    sourceIdentity: { id: entry.sourceId, displayName: entry.sourceName, identityType: entry.sourceType, details: sourceDetails || {} },
    targetIdentity: { id: entry.targetId, displayName: entry.targetName, identityType: entry.targetType, details: targetDetails || {} },
  };
}
