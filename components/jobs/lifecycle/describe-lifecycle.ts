import type { ActionError } from "@/lib/actions/action-result";
import { resetScopeValue } from "@/lib/actions/restart-scope";
import { VERBS, type LifecycleOperation } from "./lifecycle-operation";

export interface LifecycleProblem {
  title: string;
  /** What happened and what to do, in an admin's words. */
  advice: string;
}

/** The progress line announced when the change is sent. */
export function progressText(op: LifecycleOperation, jobId: string): string {
  return `${VERBS[op.kind].doing} job ${jobId}…`;
}

/** The result of a change that Graph accepted. */
export function successText(op: LifecycleOperation, jobId: string): string {
  switch (op.kind) {
    case "start":
      return `Job ${jobId} started. Its status refreshes as the cycle runs.`;
    case "pause":
      return `Job ${jobId} paused. Its progress is kept; start it to continue.`;
    case "restart": {
      const scope = resetScopeValue(op.resetScope);
      return `Job ${jobId} restarted (${scope ? `reset scope: ${scope}` : "Restart provisioning"}). Its status refreshes as the cycle runs.`;
    }
    case "delete":
      return `Job ${jobId} deleted. The accounts it provisioned were left as they are.`;
  }
}

const seconds = (n: number) => `${n} second${n === 1 ? "" : "s"}`;

/** A failed change in words: what happened and what to do (Graph's code and request-id are shown apart). */
export function describeLifecycleError(error: ActionError, op: LifecycleOperation, jobId: string): LifecycleProblem {
  const verb = VERBS[op.kind];
  const title = `Could not ${verb.infinitive} job ${jobId}`;
  if (error.ambiguous) {
    return {
      title: `The state of job ${jobId} is uncertain`,
      advice: `${
        error.kind === "server" ? "Microsoft Graph answered with a server error" : "The connection failed"
      } after the request was sent, so the job may or may not have been ${verb.done}. Its status will refresh in a moment; check it before trying again.`,
    };
  }
  switch (error.kind) {
    case "invalid-input":
      return { title: `${title}: the console refused the request`, advice: `${error.message} Nothing was sent to Microsoft Graph.` };
    case "unauthenticated":
      return { title: `${title}: your session expired`, advice: "Microsoft Graph did not accept your sign-in, even after renewing it. Sign in again, then retry. Nothing was changed." };
    case "missing-sync-permission":
    case "forbidden":
      return {
        title: `${title}: your account lacks Synchronization.ReadWrite.All`,
        advice:
          "Changing provisioning jobs needs the delegated permission Synchronization.ReadWrite.All and a role such as Application Administrator or Cloud Application Administrator. Ask an administrator for it, then sign in again. Nothing was changed.",
      };
    case "not-found":
      return { title: `${title}: it no longer exists`, advice: "The job (or its application) may have been deleted elsewhere. The list will refresh." };
    case "throttled":
      return {
        title: `${title}: Microsoft Graph is throttling requests`,
        advice: `${error.retryAfterSeconds !== undefined ? `Graph asked to wait ${seconds(error.retryAfterSeconds)}.` : "Graph asked to slow down."} Nothing was changed; try again after the wait.`,
      };
    case "bad-request":
    case "conflict":
      return { title: `${title}: Microsoft Graph refused the request`, advice: error.message || "Graph did not say why. Check the job's status, then try again." };
    default:
      return { title, advice: error.message || "Something unexpected happened. Check the job's status, then try again." };
  }
}
