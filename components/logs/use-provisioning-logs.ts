"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useGraph } from "@/components/graph/use-graph";
import type { GraphPage } from "@/lib/graph/gateway";
import { listProvisioningLogs, type ProvisioningLogEntry } from "@/lib/graph/provisioning-logs";
import { logsSearch, type LogFilters, type LogsScope } from "@/lib/logs/filters";
import { scopeFilter, toGraphFilter } from "@/lib/logs/graph-filter";
import { queryKeys } from "@/lib/query/keys";

/** A page of entries and the `$filter` that chose them (the download sends the same one). */
export type LogsPage = GraphPage<ProvisioningLogEntry> & { filter: string | undefined };
type PageParam = { nextLink: string; filter: string | undefined } | null;

/**
 * The logs of a scope under these filters, a Graph page at a time ("Load more" follows `@odata.nextLink`).
 * The `$filter` is built when the first page is fetched, so "last 24 hours" ends at that moment for every page.
 */
export function useProvisioningLogs(scope: LogsScope, filters: LogFilters) {
  const graph = useGraph("logs");
  return useInfiniteQuery({
    queryKey: queryKeys.provisioningLogs(scopeFilter(scope) ?? "", logsSearch(filters)),
    queryFn: async ({ pageParam, signal }): Promise<LogsPage> => {
      const filter = pageParam ? pageParam.filter : toGraphFilter(filters, scope, new Date());
      const page = await listProvisioningLogs(graph, { filter, nextLink: pageParam?.nextLink, signal });
      return { ...page, filter };
    },
    initialPageParam: null as PageParam,
    getNextPageParam: (last): PageParam | undefined => (last.nextLink ? { nextLink: last.nextLink, filter: last.filter } : undefined),
  });
}
