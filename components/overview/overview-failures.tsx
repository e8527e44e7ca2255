"use client";

import { useQuery } from "@tanstack/react-query";
import { useGraph } from "@/components/graph/use-graph";
import { LogsAccessProblem } from "@/components/auth/logs-access-problem";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { SkeletonLines } from "@/components/ui/skeleton";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { logsAccessError } from "@/lib/logs/access-error";
import { readRecentFailures } from "@/lib/overview/recent-failures";
import { queryKeys } from "@/lib/query/keys";
import { FailuresBody } from "./failures-body";

/** Up to 10 pages of 1,000: not re-read on every visit. */
const FAILURES_STALE_MS = 2 * 60_000;

/** The Overview's failures of the last 24 hours, read with the logs' permissions (a refusal is said here; the rest of the Overview works). */
export default function OverviewFailures() {
  const graph = useGraph("logs");
  const query = useQuery({
    queryKey: queryKeys.overviewFailures(),
    queryFn: ({ signal }) => readRecentFailures(graph, { signal }),
    staleTime: FAILURES_STALE_MS,
  });
  if (query.isPending) return <SkeletonLines lines={4} label="Reading the failures of the last 24 hours…" />;
  if (!query.data) {
    const access = logsAccessError(query.error);
    if (access) return <LogsAccessProblem error={access} what="the provisioning logs" />;
    return <GraphErrorPanel error={toErrorInfo(query.error)} action="read the failures of the last 24 hours" onRetry={() => void query.refetch()} />;
  }
  return <FailuresBody failures={query.data} />;
}
