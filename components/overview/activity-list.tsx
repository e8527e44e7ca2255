import Link from "next/link";
import type { RecentActivityRow } from "@/lib/overview/recent-activity";
import { RelativeTime } from "@/components/ui/relative-time";

/** The latest provisioning audits: when, who, what, to which app (a link), and a failure's reason. */
export function ActivityList({ rows }: { rows: readonly RecentActivityRow[] }) {
  if (rows.length === 0) {
    return (
      <p className="text-sm text-slate-700" data-testid="overview-activity">
        No provisioning configuration activity in the audit log (it keeps 30 days).
      </p>
    );
  }
  return (
    <ol className="divide-y divide-slate-100 text-sm" data-testid="overview-activity">
      {rows.map((row) => (
        <li key={row.id} className="py-2" data-testid="overview-activity-item" data-activity={row.activity} data-result={row.result} data-app={row.app?.id}>
          <RelativeTime moment={row.when} className="mr-2 text-slate-600" />
          <span className="break-words">{row.who}</span>: {row.activity}
          {row.app ? (
            <>
              {" · "}
              <Link href={row.app.href} prefetch={false} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {row.app.name}
              </Link>
            </>
          ) : null}
          {row.result !== "success" ? (
            <span className="block text-xs text-red-800">
              {row.result}
              {row.reason ? <span className="font-mono"> · {row.reason}</span> : null}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
