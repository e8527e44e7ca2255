"use client";

import { useRef, useState } from "react";
import type { FleetRow } from "@/lib/fleet/rows";
import { formatCount } from "@/lib/format/count";
import { FleetTable } from "./fleet-table";

/** Rows per step. Laying out a tenant's whole table at once (700 rows at 5,000 SPs) froze the page for 0.4 s. */
const FLEET_PAGE_ROWS = 100;

const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100";

/** The jobs table, the first rows first; "Show more" and "Show all" add the rest. */
export function PagedFleetTable({ rows, caption }: { rows: FleetRow[]; caption: string }) {
  const [limit, setLimit] = useState(FLEET_PAGE_ROWS);
  const status = useRef<HTMLParagraphElement>(null);
  const visible = rows.length > limit ? rows.slice(0, limit) : rows;
  const left = rows.length - visible.length;

  function showAll() {
    setLimit(rows.length);
    // The buttons go away with the last rows: keep keyboard focus next to the table, not on the page's start.
    requestAnimationFrame(() => status.current?.focus());
  }

  return (
    <>
      <FleetTable rows={visible} caption={caption} />
      {rows.length > FLEET_PAGE_ROWS ? (
        <div className="flex flex-wrap items-center gap-3">
          <p ref={status} tabIndex={-1} className="text-sm text-slate-700" data-testid="fleet-shown">
            {left ? `Showing ${formatCount(visible.length)} of ${formatCount(rows.length)} jobs.` : `Showing all ${formatCount(rows.length)} jobs.`}
          </p>
          {left ? (
            <>
              <button type="button" onClick={() => setLimit(limit + FLEET_PAGE_ROWS)} className={BUTTON}>
                Show {formatCount(Math.min(FLEET_PAGE_ROWS, left))} more
              </button>
              <button type="button" onClick={showAll} className={BUTTON}>
                Show all {formatCount(rows.length)}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
