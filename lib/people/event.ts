import type { ProvisioningLogEntry } from "@/lib/graph/provisioning-logs";
import { toLogEntryView, type LogEntryView } from "@/lib/logs/entry-view";
import type { OnDemandResultView } from "@/lib/logs/on-demand-result";
import { personEntryHref } from "./links";

/** The latest thing the provisioning service did for a person in one job: a log entry, or what Provision now just did. */

export interface PersonEventView {
  source: "log" | "on-demand";
  /** Action, status, time, error (with the recommended action), steps: as the logs show them. */
  entry: LogEntryView;
  /** The person's account in the app (the target's id); null when it has none, e.g. a create that failed. */
  targetId: string | null;
  /** This entry in the job's logs; null for an on-demand record (its id is a change id, not an entry's). */
  entryHref: string | null;
  /** Why provision on demand skipped or failed, in its own words. */
  reason: { code: string | null; message: string | null } | null;
}

export function logEvent(entry: ProvisioningLogEntry, where: { servicePrincipalId: string; jobId: string; userId: string }, now: Date): PersonEventView {
  const view = toLogEntryView(entry, now);
  return { source: "log", entry: view, targetId: view.target.id, entryHref: personEntryHref(where.servicePrincipalId, where.jobId, where.userId, view.id), reason: null };
}

/** Provision now's answer as the row's latest event; null when Graph sent no record of the steps. */
export function onDemandEvent(result: OnDemandResultView): PersonEventView | null {
  const [record] = result.records;
  if (!record) return null;
  return { source: "on-demand", entry: record, targetId: record.target.id, entryHref: null, reason: result.reason };
}
