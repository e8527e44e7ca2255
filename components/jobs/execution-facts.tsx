import type { ExecutionView } from "@/lib/jobs/job-card";
import { formatCount } from "@/lib/format/count";
import { ErrorFact } from "./error-fact";
import { Fact, TimeFact } from "@/components/ui/fact";
import { StatusBadge } from "@/components/ui/status-badge";

/** One run: result, times, counts and error. */
export function ExecutionFacts({ execution }: { execution: ExecutionView }) {
  return (
    <div className="space-y-3">
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-3">
        <Fact term="Result">
          <StatusBadge term={execution.state} kind="run" /> <span className="text-slate-700">{execution.state.meaning}</span>
        </Fact>
        <TimeFact term="Began" moment={execution.began} />
        <TimeFact term="Ended" moment={execution.ended} />
        <ErrorFact error={execution.error} className="sm:col-span-3" />
      </dl>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-3 lg:grid-cols-5">
        {execution.counts.map((count) => (
          <Fact key={count.id} term={count.label}>
            <span className="tabular-nums" data-count={count.id}>
              {formatCount(count.value)}
            </span>
          </Fact>
        ))}
      </dl>
    </div>
  );
}
