import { describeError } from "@/lib/errors/describe-error";
import { GraphErrorDetails } from "@/components/ui/graph-error-details";
import { buttonStyles, Spinner } from "../lifecycle/modal-dialog";
import type { TestState } from "./use-configure-form";

const PASSED = {
  typed: "Connection succeeded: the application accepted these credentials. Nothing is saved yet: Save to keep them.",
  saved: "Connection succeeded: the application accepts the saved credentials.",
} as const;

/** Test connection (typed values, or the saved ones), its progress and its result, announced politely. */
export function TestConnection({
  state,
  canTestSaved,
  disabled,
  describedBy,
  onTest,
}: {
  state: TestState;
  /** Some credentials are saved, so they can be tested as they are. */
  canTestSaved: boolean;
  disabled: boolean;
  describedBy?: string;
  onTest: (useSaved: boolean) => void;
}) {
  const running = state.status === "running";
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() => onTest(false)}
          disabled={disabled || running}
          aria-describedby={describedBy}
          data-testid="configure-test"
          className={`${buttonStyles.base} ${buttonStyles.secondary}`}
        >
          {running && !state.saved ? (
            <>
              <Spinner /> Testing…
            </>
          ) : (
            "Test connection"
          )}
        </button>
        {canTestSaved ? (
          <button
            type="button"
            onClick={() => onTest(true)}
            disabled={disabled || running}
            aria-describedby={describedBy}
            data-testid="configure-test-saved"
            className={`${buttonStyles.base} ${buttonStyles.secondary}`}
          >
            {running && state.saved ? (
              <>
                <Spinner /> Testing…
              </>
            ) : (
              "Test saved credentials"
            )}
          </button>
        ) : null}
      </div>
      <div role="status" aria-live="polite" data-testid="configure-test-result" data-outcome={state.status}>
        <TestOutcome state={state} />
      </div>
    </div>
  );
}

function TestOutcome({ state }: { state: TestState }) {
  switch (state.status) {
    case "idle":
      return null;
    case "running":
      return <p className="text-sm text-slate-700">Testing the connection to the application…</p>;
    case "passed":
      return <p className="rounded-md border border-green-200 bg-green-50 p-3 text-sm font-medium text-green-900">{PASSED[state.tested]}</p>;
    case "failed": {
      const problem = describeError(state.error, { operation: "test" });
      return (
        <div className="space-y-1 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-950" data-error-kind={state.error.kind}>
          <p className="font-semibold text-red-900">{problem.title}</p>
          <p>{problem.advice}</p>
          <GraphErrorDetails error={state.error} testIdPrefix="configure-test-error" />
        </div>
      );
    }
  }
}
