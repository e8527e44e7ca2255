import type { Query, QueryClient } from "@tanstack/react-query";
import { queryKeys } from "./keys";

const showsJobsOf = (spId: string) => (query: Query) => {
  const [root, batch, kind, ids] = query.queryKey;
  return root === "graph" && batch === "$batch" && kind === "jobs" && Array.isArray(ids) && ids.includes(spId);
};

/**
 * After any change to a service principal's jobs: every cached read that shows them — the SP's page, its
 * job list, each of its jobs, the list's provisioning column, the Jobs view — is refetched if on screen,
 * else marked stale. `deletedJobId`: that job's own reads are only marked stale (refetching them on the
 * job's page would flash "not found" while the page moves to the service principal).
 */
export async function refreshJobsOf(client: QueryClient, spId: string, options: { deletedJobId?: string } = {}): Promise<void> {
  const deleted = options.deletedJobId === undefined ? undefined : queryKeys.job(spId, options.deletedJobId);
  const isDeletedJob = (query: Query) => deleted !== undefined && deleted.every((part, i) => query.queryKey[i] === part);
  await Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.servicePrincipal(spId), predicate: (query) => !isDeletedJob(query) }),
    deleted ? client.invalidateQueries({ queryKey: deleted, refetchType: "none" }) : undefined,
    client.invalidateQueries({ predicate: showsJobsOf(spId) }),
    client.invalidateQueries({ queryKey: queryKeys.fleet() }),
  ]);
}
