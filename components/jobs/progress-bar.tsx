import { useId } from "react";
import type { ProgressView } from "@/lib/jobs/job-card";
import { ProgressTrack } from "@/components/ui/progress-track";
import { RelativeTime } from "@/components/ui/relative-time";

/** Units processed out of the total, e.g. "1,025 of 3,024 pages", as text and as a progressbar. */
export function ProgressBar({ progress, label = "Progress" }: { progress: ProgressView; label?: string }) {
  const id = useId();
  const known = progress.totalUnits > 0;
  return (
    <div className="space-y-1" data-testid="progress">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 text-sm">
        <span id={id} className="font-medium text-slate-900">
          {label}
        </span>
        <span className="tabular-nums text-slate-700">
          {progress.label}
          {progress.percent === null ? "" : ` (${progress.percent}%)`}
        </span>
      </div>
      <ProgressTrack
        labelledBy={id}
        max={known ? progress.totalUnits : undefined}
        value={known ? Math.min(progress.completedUnits, progress.totalUnits) : undefined}
        valueText={progress.label}
        percent={progress.percent ?? 0}
      />
      {progress.observed.kind === "date" ? (
        <p className="text-xs text-slate-600">
          Observed <RelativeTime moment={progress.observed} />
        </p>
      ) : null}
    </div>
  );
}
