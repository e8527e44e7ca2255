"use client";

import type { SynchronizationStatusCode } from "@microsoft/microsoft-graph-types-beta";
import { useSearchParams } from "next/navigation";
import { useDeferredValue, useMemo } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { BusyButton } from "@/components/ui/busy-button";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { replaceUrl } from "@/components/ui/url-history";
import { filterRows, fleetHref, fleetSummaryText, parseStatusFilter, toFleetRows } from "@/lib/fleet/rows";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { formatCount } from "@/lib/format/count";
import { toMoment } from "@/lib/jobs/moment";
import { STATUS_CODES } from "@/lib/jobs/vocabulary";
import { FleetFailures } from "./fleet-failures";
import { FleetScanProgress } from "./fleet-scan-progress";
import { FleetSummary } from "./fleet-summary";
import { PagedFleetTable } from "./paged-fleet-table";
import { StatusFilter } from "./status-filter";
import { useFleetScan } from "./use-fleet-scan";

function labels(codes: readonly SynchronizationStatusCode[]): string {
  return codes.map((code) => STATUS_CODES[code].label.toLowerCase()).join(" or ");
}

/** The Jobs view (/jobs, "Jobs" in the nav), built on the fleet scan: progress, summary, status filter (in the URL), jobs table. */
export function FleetView() {
  const statusParam = useSearchParams().get("status");
  const selected = useMemo(() => parseStatusFilter(statusParam), [statusParam]);
  const { query, progress } = useFleetScan();

  const scan = query.data;
  // The summary commits first; the jobs table (hundreds of rows) follows in a deferred, time-sliced render.
  const tableScan = useDeferredValue(scan);
  const tableReady = tableScan === scan;
  const rows = useMemo(() => (tableScan ? toFleetRows(tableScan.entries) : []), [tableScan]);
  const shown = useMemo(() => filterRows(rows, selected), [rows, selected]);

  function setFilter(next: SynchronizationStatusCode[]) {
    replaceUrl(fleetHref(next));
  }
  const rescan = () => void query.refetch();

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <BusyButton
          onClick={rescan}
          busy={query.isFetching}
          busyLabel="Scanning…"
          aria-busy={query.isFetching}
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:cursor-wait disabled:opacity-70"
        >
          Rescan
        </BusyButton>
        {scan && !query.isFetching ? (
          <p className="text-sm text-slate-700">
            Scanned <RelativeTime moment={toMoment(scan.scannedAt, new Date())} /> · {formatCount(scan.servicePrincipalCount)} service principals ·{" "}
            {formatCount(scan.jobCount)} jobs on {formatCount(scan.entries.length)} of them
          </p>
        ) : null}
      </div>

      {query.isFetching ? <FleetScanProgress progress={progress} /> : null}

      {/* Announces the outcome of a scan once, and the rows a filter leaves. */}
      <p role="status" aria-live="polite" className="sr-only">
        {query.isFetching || !tableReady
          ? "Scanning the tenant for provisioning jobs…"
          : scan
            ? `Scan complete: ${fleetSummaryText(scan.totals)}. Showing ${formatCount(shown.length)} of ${formatCount(rows.length)} jobs.`
            : ""}
      </p>

      {query.isError ? <GraphErrorPanel error={toErrorInfo(query.error)} action="scan the tenant's provisioning jobs" onRetry={rescan} /> : null}

      {scan ? (
        <>
          <FleetSummary totals={scan.totals} scannedAt={scan.scannedAt} />
          <FleetFailures failures={scan.failures} onRescan={rescan} />
          <StatusFilter selected={selected} totals={scan.totals} onChange={setFilter} />
          {!tableReady ? null : rows.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700" data-testid="fleet-empty">
              No service principal in this tenant has a provisioning job. Create one from an application&apos;s page under Service principals.
            </p>
          ) : shown.length === 0 ? (
            <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700" data-testid="fleet-empty">
              <p>No job is {labels(selected)}.</p>
              <button type="button" onClick={() => setFilter([])} className="mt-2 font-medium text-brand-700 underline underline-offset-2">
                Show all jobs
              </button>
            </div>
          ) : (
            <>
              <p className="text-sm text-slate-700" data-testid="fleet-count">
                {selected.length ? `${formatCount(shown.length)} of ${formatCount(rows.length)} jobs: ${labels(selected)}` : `${formatCount(rows.length)} jobs`}
              </p>
              <PagedFleetTable
                key={`${statusParam}:${scan.scannedAt}`}
                rows={shown}
                caption={selected.length ? `Provisioning jobs that are ${labels(selected)}` : "All provisioning jobs"}
              />
            </>
          )}
        </>
      ) : null}
    </div>
  );
}
