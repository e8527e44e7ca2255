import type { ExecutionView } from "@/lib/jobs/job-card";
import { formatCount } from "@/lib/jobs/count";
import { ErrorText } from "./error-text";
import { Fact } from "./fact";
import { RelativeTime } from "./relative-time";
import { StatusBadge } from "./status-badge";

/** One run: result, times, counts and error. */
export function ExecutionFacts({ execution }: { execution: ExecutionView }) {
  return (
    <div className="space-y-3">
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-3">
        <Fact term="Result">
          <StatusBadge term={execution.state} kind="run" /> <span className="text-slate-700">{execution.state.meaning}</span>
        </Fact>
        <Fact term="Began">
          <RelativeTime moment={execution.began} />
        </Fact>
        <Fact term="Ended">
          <RelativeTime moment={execution.ended} />
        </Fact>
        {execution.error ? (
          <Fact term="Error" className="sm:col-span-3">
            <ErrorText error={execution.error} />
          </Fact>
        ) : null}
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
