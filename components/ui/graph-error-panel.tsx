import { describeGraphError } from "@/lib/graph/error-message";
import type { GraphErrorInfo } from "@/lib/graph/graph-error";
import { CopyButton } from "@/components/jobs/copy-button";

/** A failed Graph call: what happened, what to do, Graph's code and request-id, and retry where it helps. */
export function GraphErrorPanel({ error, action, onRetry }: { error: GraphErrorInfo; action: string; onRetry?: () => void }) {
  const problem = describeGraphError(error, action);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900" data-error-kind={error.kind}>
      <h2 className="font-semibold">{problem.title}</h2>
      <p className="mt-1">{problem.advice}</p>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1">
          <dt>Code:</dt>
          <dd className="font-mono">
            {error.code}
            {error.status ? ` (HTTP ${error.status})` : ""}
          </dd>
        </div>
        {error.requestId ? (
          <div className="flex items-center gap-1">
            <dt>Request id:</dt>
            <dd className="flex items-center gap-1 font-mono">
              {error.requestId} <CopyButton text={error.requestId} label="Copy request id" />
            </dd>
          </div>
        ) : null}
      </dl>
      {onRetry && problem.retryable ? (
        <button type="button" onClick={onRetry} className="mt-3 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800">
          Try again
        </button>
      ) : null}
    </div>
  );
}
