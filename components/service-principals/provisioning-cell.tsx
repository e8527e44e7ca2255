import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { StatusBadge } from "@/components/ui/status-badge";
import type { Loaded } from "@/lib/graph/answers";
import { parseStatusCode } from "@/lib/jobs/vocabulary";

/** The list's provisioning column: each job's template and status, or why they cannot be shown. */
export function ProvisioningCell({ result, failed }: { result?: Loaded<SynchronizationJob[]>; failed: boolean }) {
  if (!result) {
    return failed ? (
      <span className="text-red-800">Could not load</span>
    ) : (
      <span className="text-slate-500">
        <span aria-hidden="true">…</span>
        <span className="sr-only">Loading provisioning</span>
      </span>
    );
  }
  if (!result.ok) {
    return (
      <span className="text-slate-700" title={`${result.error.code} (HTTP ${result.error.status})`}>
        {result.error.kind === "missing-sync-permission" ? "No permission to read jobs" : "Could not load"}
      </span>
    );
  }
  if (result.value.length === 0) return <span className="text-slate-600">No jobs</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" data-testid="provisioning-jobs">
      {result.value.map((job) => (
        <li key={job.id} className="flex items-center gap-1">
          <span className="font-mono text-xs text-slate-700">{job.templateId}</span>
          <StatusBadge term={parseStatusCode(job.status?.code)} kind="status" />
        </li>
      ))}
    </ul>
  );
}
