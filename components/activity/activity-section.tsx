"use client";

import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { SkeletonLines } from "@/components/ui/skeleton";

/** Loaded when the section opens: nothing of it is in the page's first load. */
const ActivityBody = dynamic(() => import("./activity-body"), { ssr: false, loading: () => <SkeletonLines lines={4} label="Loading the activity…" /> });

/**
 * Who changed this app's (or job's) provisioning, and when: the "Account Provisioning" audits. Closed at first:
 * opening it is what asks for the logs' permissions (AuditLog.Read.All), so the page never does unasked.
 */
export function ActivitySection({ servicePrincipalId, jobId }: { servicePrincipalId: string; jobId?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white p-6" data-testid="activity">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          Activity
        </h2>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen((now) => !now)}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50"
          data-testid="activity-toggle"
        >
          {open ? "Hide activity" : "Show activity"}
        </button>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        Who started, paused, restarted or changed the provisioning of {jobId ? "this job" : "this application"}, from the audit log (needs AuditLog.Read.All).
      </p>
      <div id={`${id}-body`} hidden={!open} className="mt-4">
        {open ? <ActivityBody servicePrincipalId={servicePrincipalId} jobId={jobId} /> : null}
      </div>
    </section>
  );
}
