import { formatCount } from "@/lib/format/count";
import { dayHourLabel, hourLabel, type HourBucket } from "@/lib/overview/hourly";

/** The chart's numbers as a table, behind a disclosure; rows carry `data-hour` (ISO) and `data-count`. */
export function HourTable({ hours }: { hours: readonly HourBucket[] }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">Show as table</summary>
      <table className="mt-2 w-full max-w-md text-left tabular-nums" data-testid="overview-failures-table">
        <caption className="sr-only">Failures per UTC hour, last 24 hours</caption>
        <thead className="border-b border-slate-200 text-slate-700">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">Hour (UTC)</th>
            <th scope="col" className="py-1 font-medium">Failures</th>
          </tr>
        </thead>
        <tbody>
          {hours.map((bucket) => (
            <tr key={bucket.hour} data-hour={bucket.hour} data-count={bucket.count} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-4 font-normal">
                {dayHourLabel(bucket.hour)}
                {bucket.partial ? <span className="text-slate-600"> ({hourLabel(bucket.from)}–{hourLabel(bucket.to)})</span> : null}
              </th>
              <td className="py-1">{formatCount(bucket.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
