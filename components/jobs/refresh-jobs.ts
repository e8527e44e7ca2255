import type { QueryClient } from "@tanstack/react-query";

/** After any change to an SP's jobs: refetch its job list and every one of its jobs (one Graph request each). */
export function refreshJobs(queryClient: QueryClient, spId: string): Promise<void> {
  const prefix = `/servicePrincipals/${spId}/synchronization/jobs`;
  return queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] === "graph" && typeof query.queryKey[1] === "string" && query.queryKey[1].startsWith(prefix),
  });
}
