import Link from "next/link";
import { Fragment } from "react";
import type { FleetTotals } from "@/lib/fleet/scan";
import { fleetHref, summaryParts } from "@/lib/fleet/rows";
import { formatCount } from "@/lib/format/count";

const LINK = "text-brand-700 underline-offset-2 hover:underline";

/**
 * The Jobs view's summary line (the same `fleet-summary` element and `data-status`/`data-count` parts, so both
 * are read alike), each count a link to the Jobs view filtered by its status.
 */
export function OverviewSummary({ totals, scannedAt }: { totals: FleetTotals; scannedAt?: string }) {
  return (
    <div data-testid="overview-summary">
      <p data-testid="fleet-summary" data-scanned-at={scannedAt} className="text-lg font-medium tabular-nums text-slate-900">
        {summaryParts(totals).map((part, i) => (
          <Fragment key={part.code}>
            {i > 0 ? " · " : null}
            <span data-status={part.code} data-count={part.count}>
              <Link href={fleetHref([part.code])} prefetch={false} className={LINK}>
                {part.text}
              </Link>
            </span>
          </Fragment>
        ))}
        {totals.unknown ? (
          <>
            {" · "}
            {/* The Jobs view has no filter for statuses it does not know: all jobs. */}
            <span data-status="unknown" data-count={totals.unknown} title="Jobs whose status this console does not recognise">
              <Link href={fleetHref([])} prefetch={false} className={LINK}>
                {formatCount(totals.unknown)} other
              </Link>
            </span>
          </>
        ) : null}
      </p>
    </div>
  );
}
