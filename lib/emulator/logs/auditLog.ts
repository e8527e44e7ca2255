import type { FilterSchema } from "./filter";
import { pageOf, type Page, type PageRequest } from "./page";
import { Timeline } from "./timeline";
import { LOG_RETENTION_MS, auditId, isoTime, type DirectoryAuditEvent, type LogVersion } from "./types";

/**
 * The tenant's directory audits (`/auditLogs/directoryAudits`): newest first, 30 days of engine time, at most
 * `MAX_AUDIT_ENTRIES` (audits come from configuration writes and engine incidents, not per object, so far fewer
 * than provisioning entries). Stored as given (frozen), rendered per version on read.
 */
export const MAX_AUDIT_ENTRIES = 50_000;

export interface StoredAudit {
  readonly at: number;
  readonly seq: number;
  readonly id: string;
  readonly event: Readonly<DirectoryAuditEvent>;
}

export type AuditRecord = DirectoryAuditEvent & { id: string };

const userOf = (e: StoredAudit) => e.event.initiatedBy.user;
const appOf = (e: StoredAudit) => e.event.initiatedBy.app;

/**
 * The v1.0 and beta List directoryAudits pages list the same attributes. Matching is case sensitive: the Entra
 * audit-log page said "The name and UPN are case-sensitive" of its Initiated-by filter (MicrosoftDocs/azure-docs#47875);
 * the Graph pages say nothing.
 */
export const AUDIT_FILTER_SCHEMA: FilterSchema<StoredAudit> = {
  resource: "directoryAudit",
  fields: {
    activitydisplayname: { type: "string", operators: ["eq", "startswith"], get: (e) => e.event.activityDisplayName },
    activitydatetime: { type: "datetime", operators: ["eq", "ge", "le"], get: (e) => e.at },
    loggedbyservice: { type: "string", operators: ["eq"], get: (e) => e.event.loggedByService },
    "initiatedby/user/id": { type: "string", operators: ["eq"], get: (e) => userOf(e)?.id ?? null },
    "initiatedby/user/displayname": { type: "string", operators: ["eq"], get: (e) => userOf(e)?.displayName ?? null },
    "initiatedby/user/userprincipalname": { type: "string", operators: ["eq", "startswith"], get: (e) => userOf(e)?.userPrincipalName ?? null },
    "initiatedby/app/appid": { type: "string", operators: ["eq"], get: (e) => appOf(e)?.appId ?? null },
    "initiatedby/app/displayname": { type: "string", operators: ["eq"], get: (e) => appOf(e)?.displayName ?? null },
  },
  lambdas: {
    targetresources: {
      items: (e) => e.event.targetResources as unknown as Record<string, unknown>[],
      members: { id: { property: "id", operators: ["eq"] }, displayname: { property: "displayName", operators: ["eq", "startswith"] } },
    },
  },
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export class AuditLog {
  private readonly all = new Timeline<StoredAudit>();
  private seq = 0;
  private now = -Infinity;

  constructor(private readonly limits: { maxEntries: number; retentionMs: number } = { maxEntries: MAX_AUDIT_ENTRIES, retentionMs: LOG_RETENTION_MS }) {}

  get size(): number {
    return this.all.size;
  }

  /** Stores one audit and returns it; null when the same id at the same time is already there, or it is past retention. */
  add(event: DirectoryAuditEvent, now?: number): AuditRecord | null {
    if (now !== undefined) this.now = Math.max(this.now, now);
    const at = Math.floor(event.activityDateTime);
    this.now = Math.max(this.now, at);
    this.prune();
    if (at < this.now - this.limits.retentionMs) return null;
    const id = event.id ?? auditId("Sync", event.correlationId, at, event.activityDisplayName);
    if (this.all.sameInstant(at, (entry) => entry.id === id)) return null;
    const stored: StoredAudit = { at, seq: this.seq++, id, event: deepFreeze(structuredClone({ ...event, id, activityDateTime: at })) };
    this.all.insert(stored);
    this.prune();
    return stored.event as AuditRecord;
  }

  prune(now?: number): void {
    if (now !== undefined) this.now = Math.max(this.now, now);
    const cutoff = this.now - this.limits.retentionMs;
    while (this.all.size > 0 && (this.all.oldest()!.at < cutoff || this.all.size > this.limits.maxEntries)) this.all.shift();
  }

  page(request: PageRequest<StoredAudit>, now: number): Page<StoredAudit> {
    this.prune(now);
    return pageOf(this.all, request);
  }

  get(id: string, now: number): StoredAudit | undefined {
    this.prune(now);
    return this.all.findNewest((entry) => entry.id === id);
  }

  /** Every audit, newest first (tests, controls). */
  list(now: number): AuditRecord[] {
    this.prune(now);
    const out: AuditRecord[] = [];
    this.all.scanNewestFirst(null, (entry) => out.push(entry.event as AuditRecord) > 0);
    return out;
  }

  clear(): void {
    this.all.clear();
  }
}

/**
 * Graph JSON of one audit. v1.0: the CSDL's properties. beta adds `userAgent` (beta CSDL) and, on a user
 * initiator, `userType`/`homeTenantId`/`homeTenantName` as in the beta List directoryAudits example.
 */
export function renderAudit(entry: StoredAudit, version: LogVersion): Record<string, unknown> {
  const e = entry.event;
  const user = e.initiatedBy.user;
  const app = e.initiatedBy.app;
  return {
    id: entry.id,
    category: e.category,
    correlationId: e.correlationId,
    result: e.result,
    resultReason: e.resultReason,
    activityDisplayName: e.activityDisplayName,
    activityDateTime: isoTime(entry.at),
    loggedByService: e.loggedByService,
    operationType: e.operationType,
    ...(version === "beta" ? { userAgent: e.userAgent ?? null } : {}),
    initiatedBy: {
      app: app ? { appId: app.appId, displayName: app.displayName, servicePrincipalId: app.servicePrincipalId, servicePrincipalName: app.servicePrincipalName } : null,
      user: user
        ? {
            id: user.id,
            displayName: user.displayName,
            userPrincipalName: user.userPrincipalName,
            ipAddress: user.ipAddress,
            ...(version === "beta" ? { userType: "Member", homeTenantId: null, homeTenantName: null } : {}),
          }
        : null,
    },
    targetResources: e.targetResources.map((target) => ({
      id: target.id,
      displayName: target.displayName,
      type: target.type,
      userPrincipalName: target.userPrincipalName ?? null,
      groupType: target.groupType ?? null,
      modifiedProperties: (target.modifiedProperties ?? []).map((p) => ({ displayName: p.displayName, oldValue: p.oldValue, newValue: p.newValue })),
    })),
    additionalDetails: (e.additionalDetails ?? []).map(({ key, value }) => ({ key, value })),
  };
}
