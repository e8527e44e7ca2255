import type { ActionResult } from "@/lib/errors/action-result";
import { callWithToken, type TokenSources } from "@/lib/auth/call-with-token";
import type { JobTargetInput, RestartJobInput } from "@/lib/actions/job-lifecycle-schema";
import type { LifecycleOperation } from "./lifecycle-operation";

/**
 * One lifecycle change, free of React so it can be tested against the emulator:
 * token → server action → (401 InvalidAuthenticationToken: a fresh token, one retry) → result.
 * Graph rejects a bad token before doing anything, so that one retry cannot apply a change twice; any other
 * failure is returned as it is (a 5xx or network failure marked ambiguous is never retried).
 */

type Action<Input> = (token: string, input: Input) => Promise<ActionResult<null>>;

export interface LifecycleDeps extends TokenSources {
  actions: {
    startJob: Action<JobTargetInput>;
    pauseJob: Action<JobTargetInput>;
    restartJob: Action<RestartJobInput>;
    deleteJob: Action<JobTargetInput>;
  };
}

function send(deps: LifecycleDeps, token: string, target: JobTargetInput, op: LifecycleOperation): Promise<ActionResult<null>> {
  switch (op.kind) {
    case "start":
      return deps.actions.startJob(token, target);
    case "pause":
      return deps.actions.pauseJob(token, target);
    case "restart":
      return deps.actions.restartJob(token, { ...target, resetScope: op.resetScope });
    case "delete":
      return deps.actions.deleteJob(token, target);
  }
}

export function runLifecycleOperation(deps: LifecycleDeps, target: JobTargetInput, op: LifecycleOperation): Promise<ActionResult<null>> {
  return callWithToken(deps, (token) => send(deps, token, target, op));
}
