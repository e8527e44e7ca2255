import { describeError } from "@/lib/errors/describe-error";
import { VERBS } from "./lifecycle-operation";
import type { LifecycleFailure } from "./lifecycle-store";
import { GraphErrorDetails } from "@/components/ui/graph-error-details";
import { RetryWait } from "@/components/ui/retry-wait";

/** A failed change: what happened and what to do, Graph's code and request-id (copyable), and a dismissal. */
export function LifecycleFailureBox({ failure, jobId, secondsLeft, onDismiss }: { failure: LifecycleFailure; jobId: string; secondsLeft: number; onDismiss: () => void }) {
  const { error, operation } = failure;
  const problem = describeError(error, { operation: "change", jobId, verb: VERBS[operation.kind] });
  return (
    <div
      className="w-full max-w-md space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-left text-sm text-red-950"
      data-testid="lifecycle-error"
      data-operation={operation.kind}
      data-error-kind={error.kind}
      data-ambiguous={error.ambiguous ? "true" : undefined}
    >
      <p className="font-semibold text-red-900">{problem.title}</p>
      <p>{problem.advice}</p>
      <RetryWait secondsLeft={secondsLeft} testId="lifecycle-retry-wait" />
      <GraphErrorDetails error={error} testIdPrefix="lifecycle-error" />
      <button type="button" onClick={onDismiss} className="text-sm font-medium text-red-900 underline underline-offset-2">
        Dismiss
      </button>
    </div>
  );
}
