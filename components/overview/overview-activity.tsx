"use client";

import { useQuery } from "@tanstack/react-query";
import { useGraph } from "@/components/graph/use-graph";
import { LogsAccessProblem } from "@/components/auth/logs-access-problem";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { SkeletonLines } from "@/components/ui/skeleton";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { logsAccessError } from "@/lib/logs/access-error";
import { recentProvisioningAudits } from "@/lib/graph/directory-audits";
import { RECENT_ACTIVITY_COUNT, toRecentActivityRow } from "@/lib/overview/recent-activity";
import { queryKeys } from "@/lib/query/keys";
import { ActivityList } from "./activity-list";

/** The Overview's recent configuration activity, read with the logs' permissions (a refusal is said here). */
export default function OverviewActivity() {
  const graph = useGraph("logs");
  const query = useQuery({ queryKey: queryKeys.overviewActivity(), queryFn: ({ signal }) => recentProvisioningAudits(graph, { top: RECENT_ACTIVITY_COUNT, signal }) });
  if (query.isPending) return <SkeletonLines lines={3} label="Loading the recent activity…" />;
  if (!query.data) {
    const access = logsAccessError(query.error);
    if (access) return <LogsAccessProblem error={access} what="the configuration activity" />;
    return <GraphErrorPanel error={toErrorInfo(query.error)} action="load the recent activity" onRetry={() => void query.refetch()} />;
  }
  const now = new Date();
  return <ActivityList rows={query.data.map((audit) => toRecentActivityRow(audit, now))} />;
}
