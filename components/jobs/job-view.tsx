"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useGraph } from "@/components/graph/use-graph";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { NotFoundPanel } from "@/components/ui/not-found-panel";
import { SkeletonLines } from "@/components/ui/skeleton";
import { jobOverview } from "@/lib/graph/jobs";
import { queryKeys } from "@/lib/graph/query-keys";
import { toErrorInfo } from "@/lib/graph/to-error-info";
import { toJobCard } from "@/lib/jobs/job-card";
import { routes } from "@/lib/routes";
import { JobStatusCard } from "./job-status-card";
import { SchemaSummary } from "./schema-summary";

/** One job in full: its status card and a summary of its schema (one Graph round trip). */
export function JobView({ servicePrincipalId, jobId }: { servicePrincipalId: string; jobId: string }) {
  const graph = useGraph();
  const overview = useQuery({
    queryKey: [...queryKeys.job(servicePrincipalId, jobId), "overview"],
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
        <Link href={routes.servicePrincipals()} className="text-brand-700 underline">
          Service principals
        </Link>
        <span aria-hidden="true"> / </span>
        <Link href={routes.servicePrincipal(servicePrincipalId)} className="text-brand-700 underline">
          {appName}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold break-all">
        <span className="block text-sm font-normal text-slate-600">Provisioning job of {appName}</span>
        {jobId}
      </h1>
      <JobStatusCard card={toJobCard(job.value)} headingLevel={2} />
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
