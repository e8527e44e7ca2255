import Link from "next/link";
import { formatCount } from "@/lib/format/count";
import { FAILURES_MAX_ENTRIES, recentFailuresHref, type RecentFailures } from "@/lib/overview/recent-failures";
import { FailureGroups } from "./failure-groups";
import { FailuresChart } from "./failures-chart";
import { HourTable } from "./hour-table";

const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;

/** The failures of the last 24 hours, read: the total, the bound when it was hit, the groups, the chart and its table. */
export function FailuresBody({ failures }: { failures: RecentFailures }) {
  const logsHref = recentFailuresHref();
  return (
    <div className="space-y-4" data-testid="overview-failures" data-total={failures.total} data-truncated={failures.truncated}>
      <p className="text-slate-800">
        {failures.total === 0 ? "Nothing failed to provision in the last 24 hours. " : `${plural(failures.total, "failed provisioning event", "failed provisioning events")}, ${plural(failures.groups.length, "error code", "error codes")}. `}
        <Link href={logsHref} prefetch={false} className="font-medium text-brand-700 underline underline-offset-2">
          {failures.total === 0 ? "Open the failures in the logs" : "See them in the logs"}
        </Link>
      </p>
      {failures.truncated ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="overview-failures-bound">
          The last 24 hours hold more failures than the {formatCount(FAILURES_MAX_ENTRIES)} the Overview reads: these counts are of the newest {formatCount(failures.total)}. The logs show
          them all.
        </p>
      ) : null}
      {failures.groups.length ? <FailureGroups groups={failures.groups} logsHref={logsHref} /> : null}
      <FailuresChart hours={failures.hours} />
      <HourTable hours={failures.hours} />
    </div>
  );
}
