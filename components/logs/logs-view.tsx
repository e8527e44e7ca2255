"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { formatCount } from "@/lib/format/count";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { logsAccessError } from "@/lib/logs/access-error";
import { hasFilters, logsSearch, parseEntryParam, parseLogFilters, type LogsScope } from "@/lib/logs/filters";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { SkeletonLines } from "@/components/ui/skeleton";
import { LogDetailPanel } from "./log-detail-panel";
import { EmptyLogs } from "./logs-empty";
import { LogsUrlProblems } from "./logs-url-problems";
import { useFocusOnClose } from "./use-focus-on-close";
import { LogsAccessProblem } from "@/components/auth/logs-access-problem";
import { LogsDownload } from "./logs-download";
import { LogsFilters } from "./logs-filters";
import { LogsTable } from "./logs-table";
import { useProvisioningLogs } from "./use-provisioning-logs";

const LOAD_MORE = "rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70";

/**
 * A provisioning logs screen: filters (in the URL), the entries newest first with "Load more", the open entry
 * (`?entry=`), downloads. `heading` gets the app's name once the first entries say it.
 */
export function LogsView({ scope, heading }: { scope: LogsScope; heading?: (context: { appName: string | null }) => ReactNode }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const { filters, problems } = useMemo(() => parseLogFilters(params, scope), [params, scope]);
  const { entryId, problem: entryProblem } = useMemo(() => parseEntryParam(params), [params]);
  const search = logsSearch(filters);
  const query = useProvisioningLogs(scope, filters);
  const pages = useMemo(() => query.data?.pages ?? [], [query.data]);
  const rowCount = pages.reduce((sum, page) => sum + page.value.length, 0);
  const loadedEntry = useMemo(() => (entryId ? pages.flatMap((page) => page.value).find((entry) => entry.id === entryId) : undefined), [entryId, pages]);
  // Focus goes to an entry's detail when a row opened it, not when the page opened with it (a deep link).
  const [shownEntry, setShownEntry] = useState(entryId);
  const [focusDetail, setFocusDetail] = useState(false);
  if (shownEntry !== entryId) {
    setShownEntry(entryId);
    setFocusDetail(true);
  }
  useFocusOnClose(entryId);
  const count = useRef<HTMLParagraphElement>(null);
  async function loadMore() {
    const result = await query.fetchNextPage();
    // The button goes away with the last page: keep keyboard focus beside the list, not on the page's start.
    if (!result.hasNextPage) count.current?.focus();
  }

  const access = query.isError ? logsAccessError(query.error) : null;
  const appName = pages[0]?.value[0]?.servicePrincipal?.displayName ?? null;
  const urlProblems = entryProblem ? [...problems, entryProblem] : problems;

  if (access) {
    return (
      <div className="space-y-6">
        {heading?.({ appName: null })}
        <LogsAccessProblem error={access} />
      </div>
    );
  }

  return (
    <div className="space-y-6">
      {heading?.({ appName })}
      <LogsFilters key={search} scope={scope} filters={filters} />
      <LogsUrlProblems problems={urlProblems} />

      {entryId ? (
        <LogDetailPanel key={entryId} scope={scope} entryId={entryId} loaded={loadedEntry} closeHref={`${pathname}${search}`} focus={focusDetail} />
      ) : null}

      <section aria-labelledby="logs-entries-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="logs-entries-heading" className="text-lg font-semibold">
            Entries
          </h2>
          <p ref={count} tabIndex={-1} aria-live="polite" className="text-sm text-slate-700" data-testid="logs-count" data-rows={rowCount}>
            {query.isSuccess
              ? rowCount === 0
                ? ""
                : `Showing the newest ${formatCount(rowCount)} ${rowCount === 1 ? "entry" : "entries"}${query.hasNextPage ? "; more are available" : ""}.`
              : ""}
          </p>
        </div>
        {/* Keyed by the filters: changing them stops a running download (its rows would no longer be the view's). */}
        <LogsDownload key={search} filter={pages[0]?.filter} disabled={!query.isSuccess || rowCount === 0} />
        {query.isPending ? <SkeletonLines lines={8} label="Loading provisioning logs…" /> : null}
        {query.isError && rowCount === 0 ? <GraphErrorPanel error={toErrorInfo(query.error)} action="load the provisioning logs" onRetry={() => void query.refetch()} /> : null}
        {query.isSuccess && rowCount === 0 && !query.hasNextPage ? <EmptyLogs filtered={hasFilters(filters)} cycleId={filters.cycleId} clearHref={pathname} /> : null}
        {rowCount > 0 ? <LogsTable pages={pages} pathname={pathname} search={search} openEntryId={entryId} showApp={scope.kind === "tenant"} /> : null}
        {query.isError && rowCount > 0 ? <GraphErrorPanel error={toErrorInfo(query.error)} action="load more provisioning logs" onRetry={() => void query.fetchNextPage()} /> : null}
        {query.hasNextPage && !query.isError ? (
          <button type="button" onClick={() => void loadMore()} disabled={query.isFetchingNextPage} aria-busy={query.isFetchingNextPage} className={LOAD_MORE} data-testid="logs-load-more">
            {query.isFetchingNextPage ? "Loading more…" : "Load more"}
          </button>
        ) : null}
      </section>
    </div>
  );
}
