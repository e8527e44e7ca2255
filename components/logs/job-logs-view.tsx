"use client";

import { useMemo } from "react";
import type { LogsScope } from "@/lib/logs/filters";
import { LogsView } from "./logs-view";
import { JobBreadcrumb } from "@/components/jobs/job-breadcrumb";

/** One job's provisioning logs, under a breadcrumb back to its app and job (the app's name comes from the entries). */
export function JobLogsView({ servicePrincipalId, jobId }: { servicePrincipalId: string; jobId: string }) {
  const scope = useMemo<LogsScope>(() => ({ kind: "job", servicePrincipalId, jobId }), [servicePrincipalId, jobId]);
  return (
    <LogsView
      scope={scope}
      heading={({ appName }) => (
        <div className="space-y-2">
          <JobBreadcrumb servicePrincipalId={servicePrincipalId} appName={appName ?? "Application"} jobId={jobId} />
          <h1 className="text-2xl font-semibold">
            {appName ? <span className="block text-sm font-normal text-slate-600">{appName}</span> : null}
            Provisioning logs
          </h1>
          <p className="text-slate-700">
            What job <code className="break-all font-mono text-sm">{jobId}</code> did to each object, newest first. Logs are kept for 30 days.
          </p>
        </div>
      )}
    />
  );
}
