"use client";

import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { StatusBadge } from "@/components/ui/status-badge";
import { toJobCard } from "@/lib/jobs/job-card";
import { JobOverviewGate, type LoadedJobOverview } from "../job-overview-gate";
import { useLiveJob } from "../use-live-jobs";
import { ConfigureForm } from "./configure-form";
import { JobBreadcrumb } from "../job-breadcrumb";

/** The Configure page: the job page's one `$batch` (shared cache), then the form for its job. */
export function ConfigureView({ servicePrincipalId, jobId }: { servicePrincipalId: string; jobId: string }) {
  return (
    <JobOverviewGate servicePrincipalId={servicePrincipalId} jobId={jobId} what="this job's configuration">
      {(loaded) => <Configure servicePrincipalId={servicePrincipalId} jobId={jobId} {...loaded} />}
    </JobOverviewGate>
  );
}

function Configure({ servicePrincipalId, jobId, overview, job, appName, updatedAt, refetch }: { servicePrincipalId: string; jobId: string } & LoadedJobOverview) {
  const live = useLiveJob(servicePrincipalId, jobId, { data: job, updatedAt });
  const current = live.data ?? job;
  const { configuration } = overview;

  return (
    <div className="space-y-6">
      <JobBreadcrumb servicePrincipalId={servicePrincipalId} appName={appName} jobId={jobId} />
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">
          <span className="block text-sm font-normal text-slate-600">{appName}</span>
          Configure provisioning
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          Job <code className="break-all font-mono text-xs">{jobId}</code>
          <StatusBadge term={toJobCard(current).status.code} kind="status" />
        </p>
      </div>
      {configuration.ok ? (
        <ConfigureForm servicePrincipalId={servicePrincipalId} job={current} configuration={configuration.value} />
      ) : (
        <GraphErrorPanel error={configuration.error} action="load the saved configuration" onRetry={refetch} />
      )}
    </div>
  );
}
