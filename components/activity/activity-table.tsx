import type { ActivityRow } from "@/lib/activity/activity-view";
import { RelativeTime } from "@/components/ui/relative-time";

/** Activity rows: when, what, who, result (and the job, on an app's page). */
export function ActivityTable({ rows, showJob }: { rows: readonly ActivityRow[]; showJob: boolean }) {
  if (rows.length === 0) return <p className="text-sm text-slate-700" data-testid="activity-empty">No provisioning activity in the audit log (it keeps 30 days).</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="activity-table">
      <thead className="border-b border-slate-200 text-slate-700">
        <tr>
          <th scope="col" className="py-2 pr-4 font-medium">When</th>
          <th scope="col" className="py-2 pr-4 font-medium">Activity</th>
          <th scope="col" className="py-2 pr-4 font-medium">By</th>
          <th scope="col" className="py-2 pr-4 font-medium">Result</th>
          {showJob ? <th scope="col" className="py-2 font-medium">Job</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-b border-slate-100 align-top" data-testid="activity-row" data-activity={row.activity} data-result={row.result}>
            <td className="py-2 pr-4 whitespace-nowrap"><RelativeTime moment={row.when} /></td>
            <td className="py-2 pr-4">{row.activity}</td>
            <td className="py-2 pr-4 break-all">{row.who}</td>
            <td className="py-2 pr-4">
              {row.result}
              {row.reason ? <span className="block font-mono text-xs text-slate-700">{row.reason}</span> : null}
            </td>
            {showJob ? <td className="py-2 font-mono text-xs break-all">{row.jobId ?? "—"}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
