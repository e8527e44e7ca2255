import { resetScopeValue } from "@/lib/jobs/restart-scope";
import { VERBS, type LifecycleOperation } from "./lifecycle-operation";

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
