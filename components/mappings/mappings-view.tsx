"use client";

import Link from "next/link";
import { JobBreadcrumb } from "@/components/jobs/job-breadcrumb";
import { JobOverviewGate } from "@/components/jobs/job-overview-gate";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { routes } from "@/lib/routes";
import { MappingsBody } from "./mappings-body";

/** A job's attribute mappings and scoping filters, read only, from the schema its overview loads (no extra Graph call). */
export function MappingsView({ servicePrincipalId, jobId }: { servicePrincipalId: string; jobId: string }) {
  return (
    <JobOverviewGate servicePrincipalId={servicePrincipalId} jobId={jobId} what="the job's attribute mappings">
      {({ overview: { schema }, appName, refetch }) => (
        <div className="space-y-6" data-testid="mappings-view">
          <div className="space-y-2">
            <JobBreadcrumb servicePrincipalId={servicePrincipalId} appName={appName} jobId={jobId} />
            <h1 className="text-2xl font-semibold">
              <span className="block text-sm font-normal text-slate-600">{appName}</span>
              Attribute mappings
            </h1>
            <p className="text-slate-700">
              What job <code className="break-all font-mono text-sm">{jobId}</code> writes to each target attribute, and which objects its scoping filters keep. Read only; expressions are
              shown as the schema holds them, not evaluated. The job&apos;s scope setting is on{" "}
              <Link href={routes.jobConfigure(servicePrincipalId, jobId)} prefetch={false} className="text-brand-700 underline">
                Configure
              </Link>
              .
            </p>
          </div>
          {schema.ok ? (
            <MappingsBody servicePrincipalId={servicePrincipalId} jobId={jobId} schema={schema.value} />
          ) : (
            <GraphErrorPanel error={schema.error} action="load the job's schema" onRetry={refetch} />
          )}
        </div>
      )}
    </JobOverviewGate>
  );
}
