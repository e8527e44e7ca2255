import type { GraphGateway } from "@/lib/graph/gateway";
import { LOGS_MAX_PAGE_SIZE, listProvisioningLogs } from "@/lib/graph/provisioning-logs";
import { logsSearch, NO_FILTERS, type LogFilters } from "@/lib/logs/filters";
import { toGraphFilter } from "@/lib/logs/graph-filter";
import { TIME_RANGES } from "@/lib/logs/time-range";
import { routes } from "@/lib/routes";
import { groupFailures, toFailureFact, type FailureFact, type FailureGroup } from "./failure-groups";
import { failuresByHour, type HourBucket } from "./hourly";

/**
 * The tenant's failed provisioning of the last 24 hours, read once for the Overview: the same filters as the
 * /logs link it offers (so both count the same entries), newest first, pages of 1,000, at most
 * FAILURES_MAX_ENTRIES entries (a tenant in trouble can fail far more; the Overview then says it counted the newest).
 */

export const RECENT_FAILURE_FILTERS = { status: "failure", range: "24h" } as const satisfies Partial<LogFilters>;
export const RECENT_FAILURE_HOURS = TIME_RANGES[RECENT_FAILURE_FILTERS.range].hours ?? 24;
export const FAILURES_MAX_ENTRIES = 10_000;

/** /logs with the same filters. The logs' search (`q`) matches names and ids, not error codes: a group links here too. */
export const recentFailuresHref = () => routes.logs(logsSearch(RECENT_FAILURE_FILTERS));

export interface RecentFailures {
  /** The window: after `since`, up to `readAt` (ISO). */
  since: string;
  readAt: string;
  /** Failed entries counted (at most FAILURES_MAX_ENTRIES). */
  total: number;
  /** Whether there were more than were read: the counts are of the newest `total`. */
  truncated: boolean;
  groups: FailureGroup[];
  hours: HourBucket[];
}

export async function readRecentFailures(
  graph: GraphGateway,
  options: { now?: Date; signal?: AbortSignal; maxEntries?: number; pageSize?: number } = {},
): Promise<RecentFailures> {
  const now = options.now ?? new Date();
  const max = options.maxEntries ?? FAILURES_MAX_ENTRIES;
  const filter = toGraphFilter({ ...NO_FILTERS, ...RECENT_FAILURE_FILTERS }, { kind: "tenant" }, now);
  const facts: FailureFact[] = [];
  let truncated = false;
  let nextLink: string | undefined;
  do {
    const page = await listProvisioningLogs(graph, { filter, top: Math.min(options.pageSize ?? LOGS_MAX_PAGE_SIZE, max), nextLink, signal: options.signal });
    for (const entry of page.value) {
      if (facts.length === max) {
        truncated = true;
        break;
      }
      facts.push(toFailureFact(entry));
    }
    nextLink = page.nextLink;
    // A full bound and a next page: "at least" (that page may turn out empty, but reading it could cost 1,000 more).
    if (facts.length === max && nextLink) truncated = true;
  } while (nextLink && !truncated);
  return {
    since: new Date(now.getTime() - RECENT_FAILURE_HOURS * 3_600_000).toISOString(),
    readAt: now.toISOString(),
    total: facts.length,
    truncated,
    groups: groupFailures(facts),
    hours: failuresByHour(facts.map((fact) => fact.at), now, RECENT_FAILURE_HOURS),
  };
}
