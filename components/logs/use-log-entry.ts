"use client";

import { useQuery } from "@tanstack/react-query";
import { useGraph } from "@/components/graph/use-graph";
import { getProvisioningLogEntry, type ProvisioningLogEntry } from "@/lib/graph/provisioning-logs";
import type { LogsScope } from "@/lib/logs/filters";
import { scopeFilter } from "@/lib/logs/graph-filter";
import { queryKeys } from "@/lib/query/keys";

/** The entry a deep link opens: from the rows already loaded when it is there, else one Graph request (within the page's scope). */
export function useLogEntry(scope: LogsScope, entryId: string | null, loaded: ProvisioningLogEntry | undefined) {
  const graph = useGraph("logs");
  const within = scopeFilter(scope);
  return useQuery({
    queryKey: queryKeys.provisioningLogEntry(within ?? "", entryId ?? ""),
    queryFn: ({ signal }) => getProvisioningLogEntry(graph, entryId!, { within, signal }),
    enabled: entryId !== null && !loaded,
    staleTime: Infinity,
  });
}
