"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useGraph } from "@/components/graph/use-graph";
import { LogsAccessProblem } from "@/components/auth/logs-access-problem";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { StatusBadge } from "@/components/ui/status-badge";
import { useSecondsUntil } from "@/components/ui/use-seconds-until";
import { toErrorInfo } from "@/lib/graph/graph-error";
import type { OnDemandSubject } from "@/lib/graph/on-demand";
import { listProvisioningLogs } from "@/lib/graph/provisioning-logs";
import { toLogRow, type LogRowView } from "@/lib/logs/entry-view";
import { logsAccessError } from "@/lib/logs/access-error";
import { withEntry } from "@/lib/logs/filters";
import { groupRunFilter } from "@/lib/on-demand/group-log-filter";
import { queryKeys } from "@/lib/query/keys";
import { routes } from "@/lib/routes";

const POLL_MS = 2_000;
/** Entries reach Graph's logs with a delay; after this the screen stops asking and points at the logs. */
const POLL_FOR_MS = 60_000;

/**
 * A group's on-demand answer says nothing per member (`value: "{}"`): each member's and the group's outcome is
 * read from the provisioning logs of this run, asked again every 2 seconds until every one is there.
 */
export function GroupRunResults({ servicePrincipalId, jobId, subject, sentAt }: { servicePrincipalId: string; jobId: string; subject: Extract<OnDemandSubject, { type: "group" }>; sentAt: number }) {
  const graph = useGraph("logs");
  const objectIds = [subject.id, ...subject.memberIds];
  const filter = groupRunFilter(jobId, objectIds, sentAt);
  const polling = useSecondsUntil(sentAt + POLL_FOR_MS) > 0;
  const query = useQuery({
    queryKey: queryKeys.onDemandRun(filter),
    retry: false,
    queryFn: async ({ signal }) => (await listProvisioningLogs(graph, { filter, top: 50, signal })).value.map((entry) => toLogRow(entry)),
    refetchInterval: (current) => {
      const found = new Set((current.state.data ?? []).map((row) => row.source.id?.toLowerCase()));
      const complete = objectIds.every((id) => found.has(id.toLowerCase()));
      return complete || !polling || current.state.error ? false : POLL_MS;
    },
  });

  if (query.isError) {
    const access = logsAccessError(query.error);
    return access ? <LogsAccessProblem error={access} /> : <GraphErrorPanel error={toErrorInfo(query.error)} action="read this run's provisioning logs" onRetry={() => void query.refetch()} />;
  }
  // Newest first (Graph's order): the first entry per object is this run's.
  const latest = new Map<string, LogRowView>();
  for (const row of query.data ?? []) if (row.source.id && !latest.has(row.source.id.toLowerCase())) latest.set(row.source.id.toLowerCase(), row);
  const waiting = objectIds.filter((id) => !latest.has(id.toLowerCase()));

  return (
    <section aria-labelledby="on-demand-group-heading" className="space-y-2" data-testid="on-demand-group-results">
      <h2 id="on-demand-group-heading" className="text-lg font-semibold">
        The group and its members
      </h2>
      <p className="text-sm text-slate-700">Read from this run&apos;s provisioning logs; open an entry for its steps and what changed.</p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">What provision on demand did to the group and each chosen member</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-semibold">Object</th>
            <th scope="col" className="px-3 py-1.5 font-semibold">Action</th>
            <th scope="col" className="px-3 py-1.5 font-semibold">Status</th>
            <th scope="col" className="px-3 py-1.5 font-semibold">Error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {[...latest.values()].map((row) => (
            <tr key={row.id} data-testid="on-demand-member-result" data-id={row.source.id ?? ""} data-status={row.status.code} data-action={row.action.code}>
              <th scope="row" className="px-3 py-1.5 font-medium">
                <Link href={routes.jobLogs(servicePrincipalId, jobId, withEntry("", row.id))} prefetch={false} className="text-brand-700 underline">
                  {row.title}
                </Link>
              </th>
              <td className="px-3 py-1.5"><StatusBadge term={row.action} /></td>
              <td className="px-3 py-1.5"><StatusBadge term={row.status} /></td>
              <td className="break-all px-3 py-1.5 font-mono text-xs">{row.errorCode ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {waiting.length > 0 ? (
        <p className="text-sm text-slate-700" role="status" data-testid="on-demand-group-waiting">
          {polling
            ? `Waiting for ${waiting.length} more in the provisioning logs…`
            : `${waiting.length} not in the provisioning logs yet: entries can take a few minutes to appear. `}
          <Link href={routes.jobLogs(servicePrincipalId, jobId)} prefetch={false} className="text-brand-700 underline">
            Open the job&apos;s logs
          </Link>
        </p>
      ) : null}
    </section>
  );
}
