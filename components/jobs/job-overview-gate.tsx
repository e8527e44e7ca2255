"use client";

import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useGraph } from "@/components/graph/use-graph";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { NotFoundPanel } from "@/components/ui/not-found-panel";
import { SkeletonLines } from "@/components/ui/skeleton";
import type { JobOverview } from "@/lib/graph/jobs";
import { jobOverviewRead } from "@/lib/query/page-reads";
import { toErrorInfo } from "@/lib/graph/graph-error";

export interface LoadedJobOverview {
  overview: JobOverview;
  job: SynchronizationJob;
  appName: string;
  updatedAt: number;
  refetch: () => void;
}

/**
 * A job's page body once its one `$batch` (app, job, schema, configuration; cached per job, shared by its
 * pages) has answered: loading, the failure or "not found" until then. A failed refetch keeps what is shown.
 */
export function JobOverviewGate({
  servicePrincipalId,
  jobId,
  what,
  children,
}: {
  servicePrincipalId: string;
  jobId: string;
  /** What is loading, in words: "the job", "the job's configuration". */
  what: string;
  children: (loaded: LoadedJobOverview) => ReactNode;
}) {
  const graph = useGraph();
  const query = useQuery(jobOverviewRead(graph, servicePrincipalId, jobId));
  const refetch = () => void query.refetch();

  if (query.isPending) return <SkeletonLines lines={8} label={`Loading ${what}…`} />;
  if (!query.data) return <GraphErrorPanel error={toErrorInfo(query.error)} action={`load ${what}`} onRetry={refetch} />;
  const { servicePrincipal, job } = query.data;
  if (!job.ok) {
    if (job.error.kind === "not-found") return <NotFoundPanel title="Job not found" detail={`The service principal has no provisioning job with the id ${jobId}.`} />;
    return <GraphErrorPanel error={job.error} action="load this job" onRetry={refetch} />;
  }
  const appName = (servicePrincipal.ok && servicePrincipal.value.displayName) || servicePrincipalId;
  return children({ overview: query.data, job: job.value, appName, updatedAt: query.dataUpdatedAt, refetch });
}
