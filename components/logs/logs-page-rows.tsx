import Link from "next/link";
import { memo, useMemo } from "react";
import type { ProvisioningLogEntry } from "@/lib/graph/provisioning-logs";
import { toLogRow } from "@/lib/logs/entry-view";
import { withApp, withEntry } from "@/lib/logs/filters";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";

interface LogsPageRowsProps {
  entries: ProvisioningLogEntry[];
  /** The view's path and query string: each row links to it with `?entry=`. */
  pathname: string;
  search: string;
  /** The open entry when it is on this page (so only that page re-renders when it changes). */
  openEntryId: string | null;
  showApp: boolean;
}

/** One Graph page of entries: its own tbody, rendered once (memo), so "Load more" lays out only the new rows. */
export const LogsPageRows = memo(function LogsPageRows({ entries, pathname, search, openEntryId, showApp }: LogsPageRowsProps) {
  const rows = useMemo(() => {
    const now = new Date();
    return entries.map((entry) => toLogRow(entry, now));
  }, [entries]);
  return (
    <tbody className="divide-y divide-slate-200">
      {rows.map((row) => {
        const open = row.id === openEntryId;
        return (
          <tr
            key={row.id}
            data-testid="logs-row"
            data-entry-id={row.id}
            data-status={row.status.code}
            data-action={row.action.code}
            className={open ? "bg-brand-50" : "hover:bg-slate-50"}
          >
            <td className="px-3 py-2 align-top text-slate-700">
              <RelativeTime moment={row.when} />
            </td>
            <th scope="row" className="px-3 py-2 text-left align-top font-normal">
              <Link
                href={`${pathname}${withEntry(search, row.id)}`}
                scroll={false}
                prefetch={false}
                aria-current={open ? "true" : undefined}
                className="break-words font-medium text-brand-700 underline-offset-2 hover:underline"
              >
                {row.title}
              </Link>
              {row.source.type ? <span className="block truncate text-xs text-slate-600">{row.source.type}</span> : null}
            </th>
            <td className="px-3 py-2 align-top">
              <StatusBadge term={row.action} />
            </td>
            <td className="px-3 py-2 align-top">
              <StatusBadge term={row.status} />
            </td>
            {showApp ? (
              <td className="break-words px-3 py-2 align-top text-slate-800">
                {row.app.id ? (
                  <Link href={`${pathname}${withApp(search, row.app.id)}`} scroll={false} prefetch={false} className="underline-offset-2 hover:underline">
                    {row.app.displayName ?? row.app.id}
                    <span className="sr-only">: only this app&apos;s entries</span>
                  </Link>
                ) : (
                  (row.app.displayName ?? "—")
                )}
              </td>
            ) : null}
            <td className="break-all px-3 py-2 align-top font-mono text-xs text-red-800">{row.errorCode ?? <span className="font-sans text-slate-500">—</span>}</td>
          </tr>
        );
      })}
    </tbody>
  );
});
