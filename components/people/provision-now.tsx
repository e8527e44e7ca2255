import { useId } from "react";
import { buttonStyles, Spinner } from "@/components/jobs/lifecycle/modal-dialog";
import { GraphErrorDetails } from "@/components/ui/graph-error-details";
import { RetryWait } from "@/components/ui/retry-wait";
import type { RunState } from "@/components/on-demand/use-provision-on-demand";
import { describeError } from "@/lib/errors/describe-error";
import type { OnDemandResultView } from "@/lib/logs/on-demand-result";
import type { RulesState } from "./use-person-provision";

export const READ_ONLY_REASON =
  "Read-only: provisioning on demand changes the app, which needs Synchronization.ReadWrite.All and a role such as Application Administrator. Ask an administrator to provision.";
/** provision-on-demand.md: disabled users "don't appear when you search"; on demand doesn't provision, disable or delete them. */
export const DISABLED_REASON = "Provision on demand doesn't provision, disable or delete users disabled in Microsoft Entra ID: the next cycle disables the account in the app.";

const VERDICT: Record<string, string> = {
  success: "Provisioned on demand: done. The row now shows what the provisioning service did.",
  skipped: "Provisioned on demand: nothing was done. The row now shows why.",
  failure: "Provisioned on demand: it failed. The row now shows the error and what to do.",
};

export interface ProvisionNowState {
  run: RunState;
  result: OnDemandResultView | null;
  rules: RulesState;
  secondsLeft: number;
  busy: boolean;
}

function Outcome({ run, result, rules }: ProvisionNowState) {
  if (rules.status === "no-rule") return <p>No rule of this job&apos;s schema supports provision on demand.</p>;
  if (rules.status === "failed") {
    const problem = describeError(rules.error, { operation: "read", action: "read the job's rules" });
    return (
      <div role="alert" className="space-y-1 rounded-md border border-red-200 bg-red-50 p-3 text-red-950">
        <p className="font-semibold">{problem.title}</p>
        <p>{problem.advice}</p>
        <GraphErrorDetails error={rules.error} testIdPrefix="person-provision-error" />
      </div>
    );
  }
  switch (run.status) {
    case "idle":
      return null;
    case "running":
      return <p>The provisioning service is working on it…</p>;
    case "done":
      return <p data-testid="person-provision-result" data-result={result?.result?.code ?? "unknown"}>{VERDICT[result?.result?.code ?? ""] ?? "Provisioned on demand: Graph's answer carries no result."}</p>;
    case "failed": {
      const problem = describeError(run.error, { operation: "on-demand" });
      return (
        <div role="alert" className="space-y-1 rounded-md border border-red-200 bg-red-50 p-3 text-red-950" data-testid="person-provision-error" data-error-kind={run.error.kind}>
          <p className="font-semibold">{problem.title}</p>
          <p>{problem.advice}</p>
          <GraphErrorDetails error={run.error} testIdPrefix="person-provision-error" />
        </div>
      );
    }
  }
}

/** The row's Provision now: why it can't be used when it can't, its progress, Graph's countdown after a 429, and the outcome (announced). */
export function ProvisionNow({ state, appName, readOnly, accountEnabled, onProvision }: { state: ProvisionNowState; appName: string; readOnly: boolean; accountEnabled: boolean | null; onProvision: () => void }) {
  const id = useId();
  const why = readOnly ? READ_ONLY_REASON : accountEnabled === false ? DISABLED_REASON : null;
  const reading = state.rules.status === "reading";
  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={why !== null || state.busy || state.secondsLeft > 0}
          aria-describedby={why ? `${id}-why` : undefined}
          onClick={onProvision}
          className={`${buttonStyles.base} ${buttonStyles.secondary}`}
          data-testid="person-provision"
        >
          {state.busy ? (
            <>
              <Spinner /> {reading ? "Reading the job's rules…" : "Provisioning…"}
            </>
          ) : (
            "Provision now"
          )}
          <span className="sr-only"> in {appName}</span>
        </button>
        <RetryWait secondsLeft={state.secondsLeft} className="text-slate-800" testId="person-provision-wait" />
      </div>
      {why ? (
        <p id={`${id}-why`} className="text-slate-700">
          {why}
        </p>
      ) : null}
      <div aria-live="polite">
        <Outcome {...state} />
      </div>
    </div>
  );
}
