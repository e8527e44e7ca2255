"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef } from "react";
import type { ProvisioningLogEntry } from "@/lib/graph/provisioning-logs";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { logsAccessError } from "@/lib/logs/access-error";
import { toLogEntryView } from "@/lib/logs/entry-view";
import type { LogsScope } from "@/lib/logs/filters";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { SkeletonLines } from "@/components/ui/skeleton";
import { LogEntryDetail } from "./log-entry-detail";
import { LogsAccessProblem } from "@/components/auth/logs-access-problem";
import { useLogEntry } from "./use-log-entry";

/**
 * The entry `?entry=` names: from the loaded rows, else fetched (a deep link). `focus`: move keyboard focus
 * to its heading once shown (when a row was chosen, not when the page opened with it).
 */
export function LogDetailPanel({
  scope,
  entryId,
  loaded,
  closeHref,
  focus,
}: {
  scope: LogsScope;
  entryId: string;
  loaded: ProvisioningLogEntry | undefined;
  closeHref: string;
  focus: boolean;
}) {
  const query = useLogEntry(scope, entryId, loaded);
  const entry = loaded ?? query.data ?? null;
  const view = useMemo(() => (entry ? toLogEntryView(entry) : null), [entry]);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownId = view?.id;
  useEffect(() => {
    if (focus && shownId) heading.current?.focus();
  }, [focus, shownId]);

  if (view) return <LogEntryDetail entry={view} closeHref={closeHref} headingRef={heading} />;
  if (query.isPending) return <SkeletonLines lines={6} label="Loading the log entry…" />;
  if (query.isError) {
    const access = logsAccessError(query.error);
    return access ? <LogsAccessProblem error={access} /> : <GraphErrorPanel error={toErrorInfo(query.error)} action="load the log entry" onRetry={() => void query.refetch()} />;
  }
  return (
    <div className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-950" data-testid="logs-detail-missing">
      <p>
        No log entry <code className="break-all font-mono text-xs">{entryId}</code> is in {scope.kind === "job" ? "this job's" : "the tenant's"} provisioning logs. Entries are
        kept for 30 days.
      </p>
      <Link href={closeHref} scroll={false} prefetch={false} className="mt-2 inline-block font-medium text-brand-700 underline">
        Close
      </Link>
    </div>
  );
}
