"use client";

import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import Link from "next/link";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { NotFoundPanel } from "@/components/ui/not-found-panel";
import { credentialsStatus, type CredentialsStatus } from "@/lib/configure/saved-secrets";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { routes } from "@/lib/routes";
import { ActivitySection } from "@/components/activity/activity-section";
import { JobOverviewGate } from "./job-overview-gate";
import { JobBreadcrumb } from "./job-breadcrumb";
import { LiveJobCard } from "./live-job-card";
import { useLiveJob, type Seed } from "./use-live-jobs";
import { SchemaSummary } from "./schema-summary";

/** One job in full: its status card (with its Configure link), links to provision on demand and to the mappings, and a summary of its schema (one Graph round trip). */
export function JobView({ servicePrincipalId, jobId }: { servicePrincipalId: string; jobId: string }) {
  return (
    <JobOverviewGate servicePrincipalId={servicePrincipalId} jobId={jobId} what="the job">
      {({ overview: { schema, configuration }, job, appName, updatedAt, refetch }) => (
        <div className="space-y-6">
          <JobBreadcrumb servicePrincipalId={servicePrincipalId} appName={appName} />
          <h1 className="text-2xl font-semibold break-all">
            <span className="block text-sm font-normal text-slate-600">Provisioning job of {appName}</span>
            {jobId}
          </h1>
          <LiveJob
            servicePrincipalId={servicePrincipalId}
            seed={{ data: job, updatedAt }}
            credentials={configuration.ok ? credentialsStatus(configuration.value.fields.fields, configuration.value.saved) : undefined}
          />
          <nav aria-label="Fix one person, read the rules" className="flex flex-wrap gap-3 text-sm">
            <Link href={routes.jobProvision(servicePrincipalId, jobId)} prefetch={false} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-brand-700 hover:bg-slate-50" data-testid="job-provision-link">
              Provision on demand
            </Link>
            <Link href={routes.jobMappings(servicePrincipalId, jobId)} prefetch={false} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-brand-700 hover:bg-slate-50" data-testid="job-mappings-link">
              Attribute mappings and scope
            </Link>
          </nav>
          <section aria-labelledby="schema-heading" className="rounded-xl border border-slate-200 bg-white p-6">
            <h2 id="schema-heading" className="mb-3 text-lg font-semibold">
              Schema
            </h2>
            {schema.ok ? (
              <SchemaSummary schema={schema.value} />
            ) : (
              <GraphErrorPanel error={schema.error} action="load the schema" onRetry={refetch} />
            )}
          </section>
          <ActivitySection servicePrincipalId={servicePrincipalId} jobId={jobId} />
        </div>
      )}
    </JobOverviewGate>
  );
}

/** The job card, kept live; once the job is gone (deleted elsewhere), says so. */
function LiveJob({ servicePrincipalId, seed, credentials }: { servicePrincipalId: string; seed: Seed<SynchronizationJob>; credentials?: CredentialsStatus }) {
  const live = useLiveJob(servicePrincipalId, seed.data.id!, seed);
  if (live.isError && toErrorInfo(live.error).kind === "not-found") {
    return <NotFoundPanel title="Job deleted" detail={`The job ${seed.data.id} no longer exists.`} />;
  }
  return <LiveJobCard servicePrincipalId={servicePrincipalId} job={live.data ?? seed.data} credentials={credentials} headingLevel={2} />;
}
