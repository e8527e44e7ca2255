"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue } from "react";
import { useGraph } from "@/components/graph/use-graph";
import { LiveJobCard } from "@/components/jobs/live-job-card";
import { useLiveJobs } from "@/components/jobs/use-live-jobs";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { NotFoundPanel } from "@/components/ui/not-found-panel";
import { preloaded } from "@/components/ui/preloaded";
import { SkeletonLines } from "@/components/ui/skeleton";
import { jobCredentialsStatus } from "@/lib/configure/job-credentials";
import type { ServicePrincipalOverview } from "@/lib/graph/service-principals";
import { servicePrincipalOverviewRead } from "@/lib/query/page-reads";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { routes } from "@/lib/routes";
import { ServicePrincipalHeader } from "./service-principal-header";
import { TemplateList } from "./template-list";
import { ActivitySection } from "@/components/activity/activity-section";

/** The create-job form (its server action, flows and error texts) is interactive-only: not first-load JS. */
const CreateJobForm = preloaded(
  () => import("@/components/jobs/create-job/create-job-form").then((module) => module.CreateJobForm),
  () => <SkeletonLines lines={4} label="Loading the create-job form…" />,
);

/** One service principal: who it is, its provisioning templates and its jobs (one Graph round trip, then live jobs). */
export function ServicePrincipalView({ id }: { id: string }) {
  const graph = useGraph();
  const overview = useQuery(servicePrincipalOverviewRead(graph, id));

  // The page's biggest render (cards, templates, form) runs deferred: time-sliced, not one long task.
  const data = useDeferredValue(overview.data);
  if (overview.isPending || (!overview.isError && !data)) return <SkeletonLines lines={8} label="Loading the service principal…" />;
  if (overview.isError) {
    return <GraphErrorPanel error={toErrorInfo(overview.error)} action="load this service principal" onRetry={() => overview.refetch()} />;
  }
  if (!data) return null; // unreachable: pending and error are handled above
  const { servicePrincipal } = data;
  if (!servicePrincipal.ok) {
    if (servicePrincipal.error.kind === "not-found") {
      return <NotFoundPanel title="Service principal not found" detail={`No service principal has the id ${id} in this tenant.`} />;
    }
    return <GraphErrorPanel error={servicePrincipal.error} action="load this service principal" onRetry={() => overview.refetch()} />;
  }
  return <ServicePrincipalSections id={id} overview={data} loadedAt={overview.dataUpdatedAt} onRetry={() => overview.refetch()} />;
}

function ServicePrincipalSections({
  id,
  overview: { servicePrincipal, templates, jobs, secrets },
  loadedAt,
  onRetry,
}: {
  id: string;
  overview: ServicePrincipalOverview;
  loadedAt: number;
  onRetry: () => void;
}) {
  const live = useLiveJobs(id, jobs.ok ? { data: jobs.value, updatedAt: loadedAt } : undefined);
  const currentJobs = live.data ?? [];

  return (
    <div className="space-y-8">
      {servicePrincipal.ok ? <ServicePrincipalHeader servicePrincipal={servicePrincipal.value} /> : null}
      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading" className="mb-3 text-lg font-semibold">
          Synchronization templates
        </h2>
        {templates.ok ? <TemplateList templates={templates.value} /> : <GraphErrorPanel error={templates.error} action="load the templates" onRetry={onRetry} />}
      </section>
      <section aria-labelledby="jobs-heading">
        <h2 id="jobs-heading" className="mb-3 text-lg font-semibold">
          Provisioning jobs
        </h2>
        {!jobs.ok ? (
          <GraphErrorPanel error={jobs.error} action="load the jobs" onRetry={onRetry} />
        ) : currentJobs.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700" data-testid="no-jobs">
            No provisioning jobs yet.
          </p>
        ) : (
          <ul className="space-y-4">
            {currentJobs.map((job) => (
              <li key={job.id}>
                <LiveJobCard
                  servicePrincipalId={id}
                  job={job}
                  href={routes.job(id, job.id!)}
                  credentials={templates.ok && secrets.ok ? jobCredentialsStatus(templates.value, job.templateId, secrets.value) : undefined}
                  headingLevel={3}
                />
              </li>
            ))}
          </ul>
        )}
        {live.isError ? (
          <p className="mt-2 text-sm text-amber-900" role="status">
            Live updates paused: {toErrorInfo(live.error).message || toErrorInfo(live.error).code}. They resume automatically.
          </p>
        ) : null}
      </section>
      {templates.ok && templates.value.length > 0 ? (
        <div className="rounded-xl border border-slate-200 bg-white p-6">
          <CreateJobForm servicePrincipalId={id} templates={templates.value} jobs={currentJobs} />
        </div>
      ) : null}
      <ActivitySection servicePrincipalId={id} />
      <p>
        <Link href={routes.servicePrincipals()} prefetch={false} className="text-brand-700 underline">
          ← All service principals
        </Link>
      </p>
    </div>
  );
}
