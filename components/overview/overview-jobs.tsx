"use client";

import { useDeferredValue, useMemo } from "react";
import { FleetFailures } from "@/components/fleet/fleet-failures";
import { FleetScanProgress } from "@/components/fleet/fleet-scan-progress";
import { useFleetScan } from "@/components/fleet/use-fleet-scan";
import { BusyButton } from "@/components/ui/busy-button";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonLines } from "@/components/ui/skeleton";
import { fleetSummaryText } from "@/lib/fleet/rows";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { toMoment } from "@/lib/jobs/moment";
import { attentionItems } from "@/lib/overview/attention";
import { AttentionList } from "./attention-list";
import { OverviewSummary } from "./overview-summary";

/**
 * The Overview's jobs: the Jobs view's scan (same query, same cache), its summary line as soon as the result
 * arrives, then "Needs attention" in a deferred render so that it never holds the summary back.
 */
export function OverviewJobs() {
  const { query, progress } = useFleetScan();
  const scan = query.data;
  const attentionScan = useDeferredValue(scan);
  const items = useMemo(() => (attentionScan ? attentionItems(attentionScan.entries) : null), [attentionScan]);
  const rescan = () => void query.refetch();

  return (
    <>
      <section aria-labelledby="overview-jobs-heading" className="space-y-3">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <h2 id="overview-jobs-heading" className="text-lg font-semibold">
            Provisioning jobs
          </h2>
          {scan && !query.isFetching ? (
            <span className="text-sm text-slate-700">
              Scanned <RelativeTime moment={toMoment(scan.scannedAt, new Date())} />
            </span>
          ) : null}
          <BusyButton
            onClick={rescan}
            busy={query.isFetching}
            busyLabel="Scanning…"
            aria-busy={query.isFetching}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70"
          >
            Rescan
          </BusyButton>
        </div>
        {query.isFetching ? <FleetScanProgress progress={progress} /> : null}
        <p role="status" aria-live="polite" className="sr-only">
          {query.isFetching ? "Scanning the tenant for provisioning jobs…" : scan ? `Scan complete: ${fleetSummaryText(scan.totals)}.` : ""}
        </p>
        {query.isError ? <GraphErrorPanel error={toErrorInfo(query.error)} action="scan the tenant's provisioning jobs" onRetry={rescan} /> : null}
        {scan ? (
          <>
            <OverviewSummary totals={scan.totals} scannedAt={scan.scannedAt} />
            <FleetFailures failures={scan.failures} onRescan={rescan} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="overview-attention-heading" className="space-y-3">
        <h2 id="overview-attention-heading" className="text-lg font-semibold">
          Needs attention
        </h2>
        {items && attentionScan === scan ? (
          <div data-testid="overview-attention" data-count={items.length}>
            <AttentionList items={items} />
          </div>
        ) : query.isError ? (
          <p className="text-slate-700">Shown once the tenant&apos;s jobs have been scanned.</p>
        ) : (
          <SkeletonLines lines={3} label="Looking for jobs that need attention…" />
        )}
      </section>
    </>
  );
}
