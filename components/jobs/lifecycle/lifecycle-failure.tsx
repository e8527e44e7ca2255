import { CopyButton } from "../copy-button";
import { describeLifecycleError } from "./describe-lifecycle";
import type { LifecycleFailure } from "./lifecycle-store";

/** A failed change: what happened and what to do, Graph's code and request-id (copyable), and a dismissal. */
export function LifecycleFailureBox({ failure, jobId, secondsLeft, onDismiss }: { failure: LifecycleFailure; jobId: string; secondsLeft: number; onDismiss: () => void }) {
  const { error, operation } = failure;
  const problem = describeLifecycleError(error, operation, jobId);
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
      {secondsLeft > 0 ? (
        <p data-testid="lifecycle-retry-wait">
          You can try again in <span className="tabular-nums">{secondsLeft}</span> second{secondsLeft === 1 ? "" : "s"}.
        </p>
      ) : null}
      <dl className="flex flex-wrap gap-x-4 gap-y-1">
        <div className="flex gap-1">
          <dt>Code:</dt>
          <dd className="font-mono" data-testid="lifecycle-error-code">
            {error.code}
            {error.status ? ` (HTTP ${error.status})` : ""}
          </dd>
        </div>
        {error.requestId ? (
          <div className="flex flex-wrap items-center gap-1">
            <dt>Request id:</dt>
            <dd className="flex flex-wrap items-center gap-1 font-mono break-all" data-testid="lifecycle-error-request-id">
              {error.requestId} <CopyButton text={error.requestId} label="Copy request id" />
            </dd>
          </div>
        ) : null}
      </dl>
      <button type="button" onClick={onDismiss} className="text-sm font-medium text-red-900 underline underline-offset-2">
        Dismiss
      </button>
    </div>
  );
}
