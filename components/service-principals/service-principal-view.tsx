"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useGraph } from "@/components/graph/use-graph";
import { CreateJobForm } from "@/components/jobs/create-job/create-job-form";
import { JobStatusCard } from "@/components/jobs/job-status-card";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { NotFoundPanel } from "@/components/ui/not-found-panel";
import { SkeletonLines } from "@/components/ui/skeleton";
import { queryKeys } from "@/lib/graph/query-keys";
import { servicePrincipalOverview } from "@/lib/graph/service-principals";
import { toErrorInfo } from "@/lib/graph/to-error-info";
import { toJobCard } from "@/lib/jobs/job-card";
import { routes } from "@/lib/routes";
import { ServicePrincipalHeader } from "./service-principal-header";
import { TemplateList } from "./template-list";

/** One service principal: who it is, its provisioning templates and its jobs (one Graph round trip). */
export function ServicePrincipalView({ id }: { id: string }) {
  const graph = useGraph();
  const overview = useQuery({ queryKey: queryKeys.servicePrincipalOverview(id), queryFn: () => servicePrincipalOverview(graph, id) });

  if (overview.isPending) return <SkeletonLines lines={8} label="Loading the service principal…" />;
  if (overview.isError) {
    return <GraphErrorPanel error={toErrorInfo(overview.error)} action="load this service principal" onRetry={() => overview.refetch()} />;
  }
  const { servicePrincipal, templates, jobs } = overview.data;
  if (!servicePrincipal.ok) {
    if (servicePrincipal.error.kind === "not-found") {
      return <NotFoundPanel title="Service principal not found" detail={`No service principal has the id ${id} in this tenant.`} />;
    }
    return <GraphErrorPanel error={servicePrincipal.error} action="load this service principal" onRetry={() => overview.refetch()} />;
  }

  return (
    <div className="space-y-8">
      <ServicePrincipalHeader servicePrincipal={servicePrincipal.value} />
      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading" className="mb-3 text-lg font-semibold">
          Synchronization templates
        </h2>
        {templates.ok ? (
          <TemplateList templates={templates.value} />
        ) : (
          <GraphErrorPanel error={templates.error} action="load the templates" onRetry={() => overview.refetch()} />
        )}
      </section>
      {templates.ok && templates.value.length > 0 ? (
        <div className="rounded-xl border border-slate-200 bg-white p-6">
          <CreateJobForm servicePrincipalId={id} templates={templates.value} jobs={jobs.ok ? jobs.value : []} />
        </div>
      ) : null}
      <section aria-labelledby="jobs-heading">
        <h2 id="jobs-heading" className="mb-3 text-lg font-semibold">
          Provisioning jobs
        </h2>
        {!jobs.ok ? (
          <GraphErrorPanel error={jobs.error} action="load the jobs" onRetry={() => overview.refetch()} />
        ) : jobs.value.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700" data-testid="no-jobs">
            No provisioning jobs yet.
          </p>
        ) : (
          <ul className="space-y-4">
            {jobs.value.map((job) => (
              <li key={job.id}>
                <JobStatusCard card={toJobCard(job)} href={routes.job(id, job.id!)} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link href={routes.servicePrincipals()} className="text-brand-700 underline">
          ← All service principals
        </Link>
      </p>
    </div>
  );
}
