import type { Parsed, Tone } from "@/lib/jobs/vocabulary";

/** Text on tinted backgrounds, all ≥ 4.5:1 (800-on-50 / 700-on-100). */
const TONE_CLASSES: Record<Tone, string> = {
  success: "bg-green-50 text-green-800 ring-green-700/30",
  info: "bg-blue-50 text-blue-800 ring-blue-700/30",
  warning: "bg-amber-50 text-amber-800 ring-amber-700/30",
  danger: "bg-red-50 text-red-800 ring-red-700/30",
  neutral: "bg-slate-100 text-slate-700 ring-slate-600/30",
};

/** A status pill: the label is always text (colour is never the only signal); `data-status` is the canonical code. */
export function StatusBadge({ term, kind, className = "" }: { term: Parsed<string>; kind?: "status" | "schedule" | "run" | "reason"; className?: string }) {
  return (
    <span
      data-status={term.code}
      data-kind={kind}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASSES[term.tone]} ${className}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {term.label}
    </span>
  );
}
