import Link from "next/link";
import { formatCount } from "@/lib/format/count";
import type { FailureGroup } from "@/lib/overview/failure-groups";

const APPS_SHOWN = 3;

function apps(names: readonly string[]): string {
  const shown = names.slice(0, APPS_SHOWN).join(", ");
  return names.length > APPS_SHOWN ? `${shown} and ${formatCount(names.length - APPS_SHOWN)} more` : shown;
}

/** The failures grouped by error code: count, apps, what to do (Graph's words, else Microsoft's), and the logs. */
export function FailureGroups({ groups, logsHref }: { groups: readonly FailureGroup[]; logsHref: string }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Failures of the last 24 hours by error code</caption>
      <thead className="border-b border-slate-200 text-slate-700">
        <tr>
          <th scope="col" className="py-2 pr-4 font-medium">Error code</th>
          <th scope="col" className="py-2 pr-4 text-right font-medium">Failures</th>
          <th scope="col" className="py-2 font-medium">What to do</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.code ?? ""} data-testid="overview-failure-group" data-code={group.code ?? ""} data-count={group.count} className="border-b border-slate-100 align-top">
            <th scope="row" className="py-2 pr-4 font-normal">
              <span className="font-mono break-all">{group.code ?? "No error code"}</span>
              {group.apps.length ? <span className="block text-xs text-slate-600">{apps(group.apps)}</span> : null}
            </th>
            <td className="py-2 pr-4 text-right tabular-nums">
              <Link href={logsHref} prefetch={false} className="font-medium text-brand-700 underline underline-offset-2" aria-label={`${formatCount(group.count)} failed: see the failures of the last 24 hours in the logs`}>
                {formatCount(group.count)}
              </Link>
            </td>
            <td className="py-2">
              {group.recommendedAction ?? "Neither Graph nor Microsoft's error table gives advice for this code: open the entries in the logs."}
              {group.recommendedActionSource === "docs" ? <span className="block text-xs text-slate-600">From Microsoft&apos;s table of provisioning error codes</span> : null}
              {group.exampleReason ? <span className="mt-1 block text-xs break-words text-slate-700">For example: {group.exampleReason}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
