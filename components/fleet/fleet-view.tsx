"use client";

import { useQuery } from "@tanstack/react-query";
import type { SynchronizationStatusCode } from "@microsoft/microsoft-graph-types-beta";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useDeferredValue, useMemo, useState } from "react";
import { useFreshGraphToken, useGraphToken } from "@/components/auth/use-graph-token";
import { RelativeTime } from "@/components/jobs/relative-time";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import type { FleetProgress as Progress } from "@/lib/graph/fleet";
import { scanFleetThroughConsole } from "@/lib/graph/fleet-through-console";
import { filterRows, fleetSummaryText, parseStatusFilter, statusFilterParam, toFleetRows } from "@/lib/graph/fleet-view";
import { queryKeys } from "@/lib/graph/query-keys";
import { toErrorInfo } from "@/lib/graph/to-error-info";
import { formatCount } from "@/lib/jobs/count";
import { toMoment } from "@/lib/jobs/moment";
import { STATUS_CODES } from "@/lib/jobs/vocabulary";
import { FleetFailures } from "./fleet-failures";
import { FleetProgress } from "./fleet-progress";
import { FleetSummary } from "./fleet-summary";
import { PagedFleetTable } from "./paged-fleet-table";
import { StatusFilter } from "./status-filter";

/** A scan costs SP pages + SPs/20 requests: keep it for 5 minutes, and never rescan on focus or by polling. */
const FLEET_STALE_MS = 5 * 60_000;
const FLEET_GC_MS = 30 * 60_000;

function labels(codes: readonly SynchronizationStatusCode[]): string {
  return codes.map((code) => STATUS_CODES[code].label.toLowerCase()).join(" or ");
}

/** Every provisioning job of the tenant: scan progress, summary, status filter (in the URL) and the jobs table. */
export function FleetView() {
  const getToken = useGraphToken();
  const refreshToken = useFreshGraphToken();
  const router = useRouter();
  const pathname = usePathname();
  const statusParam = useSearchParams().get("status");
  const selected = useMemo(() => parseStatusFilter(statusParam), [statusParam]);
  const [progress, setProgress] = useState<Progress | null>(null);

  const query = useQuery({
    queryKey: queryKeys.fleet(),
    queryFn: ({ signal }) => {
      setProgress(null);
      // The console's server sends progress at most every 100 ms.
      return scanFleetThroughConsole({ getToken, refreshToken, signal, onProgress: setProgress });
    },
    staleTime: FLEET_STALE_MS,
    gcTime: FLEET_GC_MS,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });

  const scan = query.data;
  // The summary commits first; the jobs table (hundreds of rows) follows in a deferred, time-sliced render.
  const tableScan = useDeferredValue(scan);
  const tableReady = tableScan === scan;
  const rows = useMemo(() => (tableScan ? toFleetRows(tableScan.entries) : []), [tableScan]);
  const shown = useMemo(() => filterRows(rows, selected), [rows, selected]);

  function setFilter(next: SynchronizationStatusCode[]) {
    const param = statusFilterParam(next);
    router.replace(param ? `${pathname}?status=${param}` : pathname, { scroll: false });
  }
  const rescan = () => void query.refetch();

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <button
          type="button"
          onClick={rescan}
          disabled={query.isFetching}
          aria-busy={query.isFetching}
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:cursor-wait disabled:opacity-70"
        >
          {query.isFetching ? "Scanning…" : "Rescan"}
        </button>
        {scan && !query.isFetching ? (
          <p className="text-sm text-slate-700">
            Scanned <RelativeTime moment={toMoment(scan.scannedAt, new Date())} /> · {formatCount(scan.servicePrincipalCount)} service principals ·{" "}
            {formatCount(scan.jobCount)} jobs on {formatCount(scan.entries.length)} of them
          </p>
        ) : null}
      </div>

      {query.isFetching ? <FleetProgress progress={progress} /> : null}

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
