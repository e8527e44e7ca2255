import { describeError } from "@/lib/errors/describe-error";
import type { GraphErrorInfo } from "@/lib/graph/graph-error";
import { GraphErrorDetails } from "./graph-error-details";

/** A failed Graph call: what happened, what to do, Graph's code and request-id, and retry where it helps. */
export function GraphErrorPanel({ error, action, onRetry }: { error: GraphErrorInfo; action: string; onRetry?: () => void }) {
  const problem = describeError(error, { operation: "read", action });
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900" data-error-kind={error.kind}>
      <h2 className="font-semibold">{problem.title}</h2>
      <p className="mt-1">{problem.advice}</p>
      <GraphErrorDetails error={error} className="mt-2" />
      {onRetry && problem.retryable ? (
        <button type="button" onClick={onRetry} className="mt-3 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800">
          Try again
        </button>
      ) : null}
    </div>
  );
}
