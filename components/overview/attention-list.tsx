import Link from "next/link";
import { fleetHref } from "@/lib/fleet/rows";
import { formatCount } from "@/lib/format/count";
import { ATTENTION_LIMIT, type AttentionItem } from "@/lib/overview/attention";
import { RelativeTime } from "@/components/ui/relative-time";

const TONE: Record<AttentionItem["reason"], string> = {
  "staged-deletes": "border-l-red-600",
  quarantine: "border-l-red-600",
  failing: "border-l-red-400",
  escrows: "border-l-amber-500",
};

/** "Needs attention": at most ATTENTION_LIMIT jobs, each linking to its page, then "and N more". */
export function AttentionList({ items }: { items: readonly AttentionItem[] }) {
  const shown = items.slice(0, ATTENTION_LIMIT);
  const more = items.slice(ATTENTION_LIMIT);
  if (shown.length === 0) {
    return (
      <p className="text-slate-700" data-testid="overview-attention-empty">
        Nothing needs attention: no job is quarantined, failed its last run or has escrowed entries.
      </p>
    );
  }
  return (
    <>
      <ul className="space-y-2">
        {shown.map((item) => (
          <li key={item.key} data-testid="overview-attention-item" data-job={item.jobId} data-reason={item.reason} className={`rounded-md border border-l-4 border-slate-200 bg-white px-3 py-2 ${TONE[item.reason]}`}>
            <Link href={item.jobHref} prefetch={false} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {item.appName}
            </Link>
            <span className="ml-2 font-mono text-xs break-all text-slate-600">{item.jobId}</span>
            <span className="block text-sm text-slate-800">
              {item.title}
              {item.detail ? <span className="font-mono text-xs"> · {item.detail}</span> : null}
              {item.since ? (
                <>
                  {" · "}
                  {item.reason === "staged-deletes" || item.reason === "quarantine" ? "since " : ""}
                  <RelativeTime moment={item.since} />
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {more.length ? (
        <p className="mt-2 text-sm">
          {/* Most urgent first: the hidden ones include quarantined jobs only if the first of them is one. */}
          <Link href={fleetHref(more[0].reason === "staged-deletes" || more[0].reason === "quarantine" ? ["Quarantine"] : [])} prefetch={false} className="font-medium text-brand-700 underline underline-offset-2" data-testid="overview-attention-more">
            and {formatCount(more.length)} more
          </Link>
        </p>
      ) : null}
    </>
  );
}
