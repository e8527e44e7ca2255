import { useId } from "react";
import type { ProgressView } from "@/lib/jobs/job-card";
import { RelativeTime } from "./relative-time";

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
      <div
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={known ? progress.totalUnits : undefined}
        aria-valuenow={known ? Math.min(progress.completedUnits, progress.totalUnits) : undefined}
        aria-valuetext={progress.label}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${progress.percent ?? 0}%` }} />
      </div>
      {progress.observed.kind === "date" ? (
        <p className="text-xs text-slate-600">
          Observed <RelativeTime moment={progress.observed} />
        </p>
      ) : null}
    </div>
  );
}
