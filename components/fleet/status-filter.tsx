import type { SynchronizationStatusCode } from "@microsoft/microsoft-graph-types-beta";
import type { FleetTotals } from "@/lib/fleet/scan";
import { SUMMARY_ORDER, toggleStatus } from "@/lib/fleet/rows";
import { formatCount } from "@/lib/format/count";
import { STATUS_CODES } from "@/lib/jobs/vocabulary";

const BUTTON = "rounded-full border px-3 py-1 text-sm font-medium tabular-nums";
const ON = "border-brand-700 bg-brand-700 text-white";
const OFF = "border-slate-400 bg-white text-slate-800 hover:bg-slate-50";

/** Toggle buttons, one per status, plus "All"; the choice itself lives in the URL (`?status=`). */
export function StatusFilter({
  selected,
  totals,
  onChange,
}: {
  selected: readonly SynchronizationStatusCode[];
  totals: FleetTotals | undefined;
  onChange: (next: SynchronizationStatusCode[]) => void;
}) {
  return (
    <div role="group" aria-label="Filter jobs by status" className="flex flex-wrap gap-2">
      <button type="button" aria-pressed={selected.length === 0} onClick={() => onChange([])} className={`${BUTTON} ${selected.length === 0 ? ON : OFF}`}>
        All
      </button>
      {SUMMARY_ORDER.map((code) => {
        const on = selected.includes(code);
        return (
          <button
            key={code}
            type="button"
            aria-pressed={on}
            data-filter={code}
            title={STATUS_CODES[code].meaning}
            onClick={() => onChange(toggleStatus(selected, code))}
            className={`${BUTTON} ${on ? ON : OFF}`}
          >
            {STATUS_CODES[code].label}
            {totals ? <span className={on ? "text-white" : "text-slate-700"}> {formatCount(totals[code])}</span> : null}
          </button>
        );
      })}
    </div>
  );
}
