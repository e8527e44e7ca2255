"use client";

import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useGraph } from "@/components/graph/use-graph";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { NotFoundPanel } from "@/components/ui/not-found-panel";
import { SkeletonLines } from "@/components/ui/skeleton";
import { jobOverview } from "@/lib/graph/jobs";
import { queryKeys } from "@/lib/query/keys";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { routes } from "@/lib/routes";
import { LiveJobCard } from "./live-job-card";
import { useLiveJob, type Seed } from "./use-live-jobs";
import { SchemaSummary } from "./schema-summary";

/** One job in full: its status card and a summary of its schema (one Graph round trip). */
export function JobView({ servicePrincipalId, jobId }: { servicePrincipalId: string; jobId: string }) {
  const graph = useGraph();
  const overview = useQuery({
    queryKey: queryKeys.jobOverview(servicePrincipalId, jobId),
    staleTime: Infinity,
    queryFn: () => jobOverview(graph, servicePrincipalId, jobId),
  });

  if (overview.isPending) return <SkeletonLines lines={8} label="Loading the job…" />;
  if (overview.isError) return <GraphErrorPanel error={toErrorInfo(overview.error)} action="load this job" onRetry={() => overview.refetch()} />;
  const { servicePrincipal, job, schema } = overview.data;
  if (!job.ok) {
    if (job.error.kind === "not-found") {
      return <NotFoundPanel title="Job not found" detail={`The service principal has no provisioning job with the id ${jobId}.`} />;
    }
    return <GraphErrorPanel error={job.error} action="load this job" onRetry={() => overview.refetch()} />;
  }
  const appName = servicePrincipal.ok ? servicePrincipal.value.displayName : servicePrincipalId;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={routes.servicePrincipals()} prefetch={false} className="text-brand-700 underline">
          Service principals
        </Link>
        <span aria-hidden="true"> / </span>
        <Link href={routes.servicePrincipal(servicePrincipalId)} prefetch={false} className="text-brand-700 underline">
          {appName}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold break-all">
        <span className="block text-sm font-normal text-slate-600">Provisioning job of {appName}</span>
        {jobId}
      </h1>
      <LiveJob servicePrincipalId={servicePrincipalId} seed={{ data: job.value, updatedAt: overview.dataUpdatedAt }} />
      <section aria-labelledby="schema-heading" className="rounded-xl border border-slate-200 bg-white p-6">
        <h2 id="schema-heading" className="mb-3 text-lg font-semibold">
          Schema
        </h2>
        {schema.ok ? (
          <SchemaSummary schema={schema.value} />
        ) : (
          <GraphErrorPanel error={schema.error} action="load the schema" onRetry={() => overview.refetch()} />
        )}
      </section>
    </div>
  );
}

/** The job card, kept live; once the job is gone (deleted elsewhere), says so. */
function LiveJob({ servicePrincipalId, seed }: { servicePrincipalId: string; seed: Seed<SynchronizationJob> }) {
  const live = useLiveJob(servicePrincipalId, seed.data.id!, seed);
  if (live.isError && toErrorInfo(live.error).kind === "not-found") {
    return <NotFoundPanel title="Job deleted" detail={`The job ${seed.data.id} no longer exists.`} />;
  }
  return <LiveJobCard servicePrincipalId={servicePrincipalId} job={live.data ?? seed.data} headingLevel={2} />;
}
