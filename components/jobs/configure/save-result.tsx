import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import Link from "next/link";
import { GraphErrorDetails } from "@/components/ui/graph-error-details";
import { describeError } from "@/lib/errors/describe-error";
import { routes } from "@/lib/routes";
import { RestartOffer } from "./restart-offer";
import type { SaveState } from "./use-configure-form";

/** What a save did: saved (and what next: a restart for a new scope, Start for a new job), or why not. */
export function SaveResult({ state, servicePrincipalId, job }: { state: SaveState; servicePrincipalId: string; job: SynchronizationJob }) {
  return (
    <div role="status" aria-live="polite" data-testid="configure-save-result" data-outcome={state.status}>
      <SaveOutcome state={state} servicePrincipalId={servicePrincipalId} job={job} />
    </div>
  );
}

function SaveOutcome({ state, servicePrincipalId, job }: { state: SaveState; servicePrincipalId: string; job: SynchronizationJob }) {
  switch (state.status) {
    case "idle":
      return null;
    case "saving":
      return <p className="text-sm text-slate-700">Saving the configuration…</p>;
    case "saved": {
      const { droppedKeys, scopeChanged } = state.result;
      return (
        <div className="space-y-2 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-950">
          <p className="font-semibold text-green-900">Configuration saved.</p>
          <p>The secrets you typed were sent to Microsoft Graph and cleared from this page.</p>
          {droppedKeys.length ? (
            <p data-testid="configure-dropped-keys">
              No longer saved: <span className="font-mono">{droppedKeys.join(", ")}</span>.
            </p>
          ) : null}
          {scopeChanged ? <RestartOffer servicePrincipalId={servicePrincipalId} job={job} /> : null}
          <p>
            <Link href={routes.job(servicePrincipalId, job.id ?? "")} prefetch={false} className="font-medium text-brand-700 underline" data-testid="configure-back-to-job">
              Back to the job
            </Link>{" "}
            to start it or watch its next cycle.
          </p>
        </div>
      );
    }
    case "failed": {
      const problem = describeError(state.error, { operation: "save" });
      return (
        <div className="space-y-1 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-950" data-error-kind={state.error.kind} data-ambiguous={state.error.ambiguous ? "true" : undefined}>
          <p className="font-semibold text-red-900">{problem.title}</p>
          <p>{problem.advice}</p>
          <GraphErrorDetails error={state.error} testIdPrefix="configure-save-error" />
        </div>
      );
    }
  }
}
