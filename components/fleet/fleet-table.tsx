import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { FleetRow } from "@/lib/fleet/rows";

/** One row per job: the app (to its SP page), the job (to its deep link), status, schedule, last run. */
export function FleetTable({ rows, caption }: { rows: FleetRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="fleet-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">Application</th>
            <th scope="col" className="px-4 py-2 font-semibold">Job (template)</th>
            <th scope="col" className="px-4 py-2 font-semibold">Status</th>
            <th scope="col" className="px-4 py-2 font-semibold">Schedule</th>
            <th scope="col" className="px-4 py-2 font-semibold">Last run ended</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.key} data-sp-id={row.servicePrincipalId} data-job-id={row.jobId}>
              <th scope="row" className="px-4 py-2 font-medium">
                <Link href={row.servicePrincipalHref} prefetch={false} className="text-brand-700 underline-offset-2 hover:underline">
                  {row.appName}
                </Link>
              </th>
              <td className="px-4 py-2">
                <Link href={row.jobHref} prefetch={false} className="font-mono text-brand-700 underline underline-offset-2" data-testid="fleet-job-link">
                  {row.templateId}
                  <span className="sr-only"> job of {row.appName}</span>
                </Link>
              </td>
              <td className="px-4 py-2">
                <StatusBadge term={row.status} kind="status" />
              </td>
              <td className="px-4 py-2">
                <StatusBadge term={row.schedule} kind="schedule" />
              </td>
              <td className="px-4 py-2 text-slate-700">
                <RelativeTime moment={row.lastRunEnded} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
