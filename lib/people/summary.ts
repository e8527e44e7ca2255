import { formatCount } from "@/lib/format/count";

/** The sentences around a person's rows: what doesn't concern them, what isn't there, and what reading it cost. */

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** What of the trace could be read: a part that failed makes "nothing" a "nothing found". */
export interface ReadCompleteness {
  assignments: boolean;
  events: boolean;
}

/** Logs are kept for 30 days (Graph's retention), so "no events" is about that window. */
export const NOTHING_TEXT = "Not assigned to any app with provisioning, and no provisioning events in the last 30 days.";

export function nothingText(read: ReadCompleteness): string {
  if (read.assignments && read.events) return NOTHING_TEXT;
  const unread = [read.assignments ? null : "some of their app assignments", read.events ? null : "their provisioning events"].filter(Boolean).join(" and ");
  return `No app with provisioning found for them, but ${unread} could not be read (see above): there may be some.`;
}

export function unconcernedText(count: number, shown: number, read: ReadCompleteness = { assignments: true, events: true }): string {
  if (count === 0) return shown ? "Every app with a provisioning job concerns them." : "No app in this tenant has a provisioning job.";
  const other = shown ? "other " : "";
  const asFar = read.assignments && read.events ? "" : ", as far as could be read";
  return `${plural(count, `${other}app`)} with provisioning jobs ${count === 1 ? "doesn't" : "don't"} concern them${asFar}: not assigned, and no provisioning events.`;
}

export function withoutJobsText(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  return `Also assigned to ${plural(names.length, "app")} without a provisioning job: ${names.join(", ")}.`;
}

/** "8 Graph requests in 2 round trips" */
export function requestsText(requests: number, roundTrips: number): string {
  return `${plural(requests, "Graph request")} in ${plural(roundTrips, "round trip")}`;
}
