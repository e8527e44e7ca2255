import { Fragment } from "react";
import type { FleetTotals } from "@/lib/fleet/scan";
import { summaryParts } from "@/lib/fleet/rows";
import { formatCount } from "@/lib/format/count";

/** "N active · N quarantined · N paused · N not run · N not configured"; each part carries `data-status`. */
export function FleetSummary({ totals, scannedAt }: { totals: FleetTotals; scannedAt?: string }) {
  return (
    <p data-testid="fleet-summary" data-scanned-at={scannedAt} className="text-lg font-medium tabular-nums text-slate-900">
      {summaryParts(totals).map((part, i) => (
        <Fragment key={part.code}>
          {i > 0 ? " · " : null}
          <span data-status={part.code} data-count={part.count}>
            {part.text}
          </span>
        </Fragment>
      ))}
      {totals.unknown ? (
        <>
          {" · "}
          <span data-status="unknown" data-count={totals.unknown} title="Jobs whose status this console does not recognise">
            {formatCount(totals.unknown)} other
          </span>
        </>
      ) : null}
    </p>
  );
}
