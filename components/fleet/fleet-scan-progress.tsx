import { useId } from "react";
import type { FleetProgress } from "@/lib/fleet/scan";
import { formatCount } from "@/lib/format/count";
import { ProgressTrack } from "@/components/ui/progress-track";

/** "Scanned 1,234 of 5,021 service principals"; the total grows while Graph's pages arrive, and says so. */
function scanProgressText(progress: FleetProgress | null): string {
  if (!progress || progress.seen === 0) return "Listing service principals…";
  const text = `Scanned ${formatCount(progress.scanned)} of ${formatCount(progress.seen)} service principals`;
  return progress.listed ? text : `${text} (listing more…)`;
}

/** The scan's progress bar while the tenant is scanned; the text comes from `scanProgressText`. */
export function FleetScanProgress({ progress }: { progress: FleetProgress | null }) {
  const id = useId();
  const text = scanProgressText(progress);
  const known = progress !== null && progress.seen > 0;
  const percent = known ? Math.floor((progress.scanned / progress.seen) * 100) : 0;
  return (
    <div className="space-y-1 rounded-lg border border-slate-200 bg-white p-4" data-testid="fleet-progress">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 text-sm">
        <span id={id} className="font-medium text-slate-900">
          Scanning the tenant for provisioning jobs
        </span>
        <span className="tabular-nums text-slate-700">
          {text}
          {progress?.jobsFound ? ` · ${formatCount(progress.jobsFound)} jobs found so far` : ""}
        </span>
      </div>
      <ProgressTrack
        labelledBy={id}
        max={known ? progress.seen : undefined}
        value={known ? progress.scanned : undefined}
        valueText={text}
        percent={percent}
      />
    </div>
  );
}
