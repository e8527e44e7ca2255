import type { ActionError, ActionResult } from "@/lib/actions/action-result";
import type { JobTargetInput, RestartJobInput } from "@/lib/actions/job-lifecycle-schema";
import { toErrorInfo } from "@/lib/graph/to-error-info";
import type { LifecycleOperation } from "./lifecycle-operation";

/**
 * One lifecycle change, free of React so it can be tested against the emulator:
 * token → server action → (401 InvalidAuthenticationToken: a fresh token, one retry) → result.
 * Graph rejects a bad token before doing anything, so that one retry cannot apply a change twice; any other
 * failure is returned as it is (a 5xx or network failure marked ambiguous is never retried).
 */

type Action<Input> = (token: string, input: Input) => Promise<ActionResult<null>>;

export interface LifecycleDeps {
  getToken: () => Promise<string>;
  /** A token straight from the identity provider (MSAL's cache skipped); used once after a 401. */
  refreshToken: () => Promise<string>;
  actions: {
    startJob: Action<JobTargetInput>;
    pauseJob: Action<JobTargetInput>;
    restartJob: Action<RestartJobInput>;
    deleteJob: Action<JobTargetInput>;
  };
}

function tokenError(error: unknown): ActionError {
  const info = toErrorInfo(error);
  return {
    kind: "unauthenticated",
    status: 0,
    code: info.code === "Error" ? "TokenUnavailable" : info.code,
    message: info.message || "Could not get a Graph access token.",
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

/** The action call itself can fail (the console's server unreachable, a redeploy): Graph may have done it. */
async function callAction(deps: LifecycleDeps, token: string, target: JobTargetInput, op: LifecycleOperation): Promise<ActionResult<null>> {
  try {
    return await send(deps, token, target, op);
  } catch (error) {
    const info = toErrorInfo(error);
    return {
      ok: false,
      error: {
        kind: "network",
        status: 0,
        code: "ActionFailed",
        message: `The console's server did not answer the request${info.message ? ` (${info.message})` : ""}.`,
        ambiguous: true,
      },
    };
  }
}

export async function runLifecycleOperation(deps: LifecycleDeps, target: JobTargetInput, op: LifecycleOperation): Promise<ActionResult<null>> {
  let token: string;
  try {
    token = await deps.getToken();
  } catch (error) {
    return { ok: false, error: tokenError(error) };
  }
  const result = await callAction(deps, token, target, op);
  if (result.ok || result.error.kind !== "unauthenticated") return result;
  let fresh: string | undefined;
  try {
    fresh = await deps.refreshToken();
  } catch {
    return result;
  }
  return fresh && fresh !== token ? callAction(deps, fresh, target, op) : result;
}
