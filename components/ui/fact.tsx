import type { ReactNode } from "react";
import type { Moment } from "@/lib/jobs/moment";
import { RelativeTime } from "./relative-time";

/** One dt/dd pair inside a `<dl>` (div groups are valid in HTML's dl). */
export function Fact({ term, children, className }: { term: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs font-medium text-slate-600">{term}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** A `Fact` whose value is a moment: "3 hours ago" (absolute time on hover), or a sentinel's words. */
export function TimeFact({ term, moment }: { term: ReactNode; moment: Moment }) {
  return (
    <Fact term={term}>
      <RelativeTime moment={moment} />
    </Fact>
  );
}
