import { odataString } from "@/lib/graph/odata";
import type { LogFilters, LogsScope } from "./filters";
import { TIME_RANGES, utcMinuteTime } from "./time-range";

/**
 * Filters → Graph's `$filter`, using only the forms the List provisioningObjectSummary page documents
 * (attribute / operator table). Every value is a quoted literal (odataString). Graph compares values
 * case-sensitively, except the status: "the filters are all case sensitive except for status".
 * `activityDateTime` supports eq, gt and lt (not ge/le), so ranges are open intervals adjusted to include
 * their bounds. The job and app come first: Graph's (and the emulator's) index follows them.
 */

const eq = (property: string, value: string) => `${property} eq ${odataString(value)}`;
const MINUTE_MS = 60_000;

/** The clauses that keep a page to its scope (the job page's job): also used to look up one entry. */
export function scopeFilter(scope: LogsScope): string | undefined {
  if (scope.kind === "tenant") return undefined;
  return `${eq("jobId", scope.jobId)} and ${eq("servicePrincipal/id", scope.servicePrincipalId)}`;
}

/** A person or an identifier: part of the name on either side, or exactly an object's or a change's id. */
export function searchClause(text: string): string {
  const literal = odataString(text);
  return [
    `contains(sourceIdentity/displayName,${literal})`,
    `contains(targetIdentity/displayName,${literal})`,
    `sourceIdentity/id eq ${literal}`,
    `targetIdentity/id eq ${literal}`,
    `changeId eq ${literal}`,
  ].join(" or ");
}

const dateTime = (ms: number) => new Date(ms).toISOString();

function timeClauses(filters: LogFilters, now: Date): string[] {
  const hours = TIME_RANGES[filters.range].hours;
  if (hours !== null) return [`activityDateTime gt ${dateTime(now.getTime() - hours * 3_600_000)}`];
  if (filters.range !== "custom") return [];
  const clauses: string[] = [];
  // Both minutes are included: after the millisecond before `from`, before the minute after `to`.
  if (filters.from) clauses.push(`activityDateTime gt ${dateTime(utcMinuteTime(filters.from) - 1)}`);
  if (filters.to) clauses.push(`activityDateTime lt ${dateTime(utcMinuteTime(filters.to) + MINUTE_MS)}`);
  return clauses;
}

/** The `$filter` for these filters in this scope at `now` (relative ranges end now); undefined when nothing filters. */
export function toGraphFilter(filters: LogFilters, scope: LogsScope, now: Date = new Date()): string | undefined {
  const clauses = [
    scopeFilter(scope),
    scope.kind === "tenant" && filters.jobId ? eq("jobId", filters.jobId) : undefined,
    scope.kind === "tenant" && filters.servicePrincipalId ? eq("servicePrincipal/id", filters.servicePrincipalId) : undefined,
    filters.cycleId ? eq("cycleId", filters.cycleId) : undefined,
    filters.status ? eq("provisioningStatusInfo/status", filters.status) : undefined,
    filters.action ? eq("provisioningAction", filters.action) : undefined,
    ...timeClauses(filters, now),
    filters.search ? `(${searchClause(filters.search)})` : undefined,
  ].filter((clause): clause is string => !!clause);
  return clauses.length ? clauses.join(" and ") : undefined;
}
