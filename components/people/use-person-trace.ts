"use client";

import { useQuery } from "@tanstack/react-query";
import { useGraph } from "@/components/graph/use-graph";
import { readPersonTrace } from "@/lib/graph/person-trace";
import { queryKeys } from "@/lib/query/keys";

/**
 * One person's trace with the logs' token: AuditLog.Read.All + Directory.Read.All also cover the user, their
 * groups, memberships and app role assignments, so one token (and one consent) serves the whole read.
 */
export function usePersonTrace(userId: string) {
  const graph = useGraph("logs");
  return useQuery({
    queryKey: queryKeys.personTrace(userId),
    queryFn: () => readPersonTrace(graph, userId),
  });
}
