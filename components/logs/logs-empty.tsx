import Link from "next/link";

/** No entry to show: says why (a cycle with nothing to change writes none) and offers every entry when filters hide them. */
export function EmptyLogs({ filtered, cycleId, clearHref }: { filtered: boolean; cycleId: string | null; clearHref: string }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700" data-testid="logs-empty">
      {cycleId ? (
        <p>
          No entry of cycle <code className="break-all font-mono text-xs">{cycleId}</code> matches: a cycle that found nothing to change writes no entries.
        </p>
      ) : (
        <p>{filtered ? "No entry matches these filters." : "No provisioning log entries in the last 30 days."}</p>
      )}
      {filtered ? (
        <Link href={clearHref} scroll={false} prefetch={false} className="mt-2 inline-block font-medium text-brand-700 underline underline-offset-2">
          Show every entry
        </Link>
      ) : null}
    </div>
  );
}
