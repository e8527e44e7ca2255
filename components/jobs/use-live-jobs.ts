"use client";

import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { useQuery } from "@tanstack/react-query";
import { useGraph } from "@/components/graph/use-graph";
import { getJob, listJobs } from "@/lib/graph/jobs";
import { queryKeys } from "@/lib/query/keys";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { pollInterval } from "@/lib/jobs/poll-interval";

/** What the page already loaded, to show at once and poll from. */
export interface Seed<T> {
  data: T;
  updatedAt: number;
}

const interval = <T>(jobs: (data: T | undefined) => SynchronizationJob[] | undefined) =>
  (query: { state: { data: T | undefined; error: unknown } }) =>
    pollInterval(jobs(query.state.data), query.state.error ? toErrorInfo(query.state.error) : null);

/**
 * The SP's jobs, kept live: one Graph request per poll, only while the tab is visible (TanStack pauses
 * interval refetches in hidden tabs), faster while a cycle runs, never sooner than Retry-After.
 */
export function useLiveJobs(spId: string, seed: Seed<SynchronizationJob[]> | undefined) {
  const graph = useGraph();
  return useQuery({
    queryKey: queryKeys.jobs(spId),
    queryFn: () => listJobs(graph, spId),
    initialData: seed?.data,
    initialDataUpdatedAt: seed?.updatedAt,
    enabled: Boolean(seed),
    refetchInterval: interval<SynchronizationJob[]>((jobs) => jobs),
  });
}

/** One job, kept live the same way. */
export function useLiveJob(spId: string, jobId: string, seed: Seed<SynchronizationJob> | undefined) {
  const graph = useGraph();
  return useQuery({
    queryKey: queryKeys.job(spId, jobId),
    queryFn: () => getJob(graph, spId, jobId),
    initialData: seed?.data,
    initialDataUpdatedAt: seed?.updatedAt,
    enabled: Boolean(seed),
    refetchInterval: interval<SynchronizationJob>((job) => (job ? [job] : undefined)),
  });
}
