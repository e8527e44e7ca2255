import { formatCount } from "@/lib/format/count";
import { requestsText } from "@/lib/people/summary";

/** What this trace cost: its Graph requests and round trips after the token; the shared fleet scan is not counted. */
export function PersonRequests({ requests, roundTrips, calls }: { requests: number; roundTrips: number; calls: number }) {
  return (
    <p className="border-t border-slate-200 pt-3 text-xs text-slate-600" data-testid="person-requests" data-requests={requests} data-round-trips={roundTrips}>
      {requestsText(requests, roundTrips)} ({formatCount(calls)} $batch call{calls === 1 ? "" : "s"}) after the token: the person, their groups, their
      app assignments and their groups&apos;, and their provisioning events. The tenant-wide scan of apps with provisioning jobs is not counted: it is
      shared with the Jobs view and cached for 5 minutes.
    </p>
  );
}
