"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useGraph } from "@/components/graph/use-graph";
import { LogsAccessProblem } from "@/components/auth/logs-access-problem";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { SkeletonLines } from "@/components/ui/skeleton";
import { rowsOfJob, toActivityRow } from "@/lib/activity/activity-view";
import { provisioningAudits } from "@/lib/graph/directory-audits";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { logsAccessError } from "@/lib/logs/access-error";
import { queryKeys } from "@/lib/query/keys";
import { ActivityTable } from "./activity-table";

/** The opened Activity list: the app's audits, page by page, narrowed to the job when there is one. */
export default function ActivityBody({ servicePrincipalId, jobId }: { servicePrincipalId: string; jobId?: string }) {
  const graph = useGraph("logs");
  const query = useInfiniteQuery({
    queryKey: queryKeys.activity(servicePrincipalId),
    queryFn: ({ pageParam }) => provisioningAudits(graph, pageParam ? { nextLink: pageParam } : { servicePrincipalId }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextLink,
  });
  if (query.isPending) return <SkeletonLines lines={4} label="Loading the activity…" />;
  if (!query.data) {
    const access = logsAccessError(query.error);
    if (access) return <LogsAccessProblem error={access} what="the configuration activity" />;
    return <GraphErrorPanel error={toErrorInfo(query.error)} action="load the activity" onRetry={() => void query.refetch()} />;
  }
  const now = new Date();
  const all = query.data.pages.flatMap((page) => page.value.map((audit) => toActivityRow(audit, now)));
  const rows = jobId ? rowsOfJob(all, jobId) : all;
  return (
    <div className="space-y-3">
      <ActivityTable rows={rows} showJob={!jobId} />
      {query.hasNextPage ? (
        <button
          type="button"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50 disabled:opacity-60"
          data-testid="activity-load-more"
        >
          {query.isFetchingNextPage ? "Loading…" : "Load older activity"}
        </button>
      ) : null}
    </div>
  );
}
