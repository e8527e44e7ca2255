"use client";

import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useCallback } from "react";
import { useFreshGraphToken, useGraphToken } from "@/components/auth/use-graph-token";
import { deleteJob, pauseJob, restartJob, startJob } from "@/lib/actions/job-lifecycle";
import { retryAllowedAt } from "@/lib/graph/graph-error";
import { refreshJobsOf } from "@/lib/query/invalidate";
import { routes } from "@/lib/routes";
import { announce, recoverFocus } from "./announcer";
import { describeError } from "@/lib/errors/describe-error";
import { progressText, successText } from "./lifecycle-text";
import { runLifecycleOperation } from "./lifecycle-flow";
import { VERBS, type LifecycleOperation } from "./lifecycle-operation";
import { jobKey, tryLock, unlock, useLifecycleState, type LifecycleState } from "./lifecycle-store";
import { applyOptimistic } from "./optimistic";

const ACTIONS = { startJob, pauseJob, restartJob, deleteJob };

export interface JobLifecycle {
  state: LifecycleState;
  /**
   * Sends `op` unless a change of this job is already in flight (then returns null at once). Resolves when
   * Graph has answered, with whether the change was accepted.
   */
  run: (op: LifecycleOperation) => Promise<boolean> | null;
}

/**
 * A job's lifecycle changes: synchronous lock → optimistic update of the cached job and lists → server
 * action (one retry with a fresh token after a 401) → rollback on failure → announce → refetch from Graph.
 * After a delete on the job's own page, goes to its service principal.
 */
export function useJobLifecycle(servicePrincipalId: string, jobId: string): JobLifecycle {
  const key = jobKey(servicePrincipalId, jobId);
  const state = useLifecycleState(key);
  const queryClient = useQueryClient();
  const getToken = useGraphToken();
  const refreshToken = useFreshGraphToken();
  const router = useRouter();
  const pathname = usePathname();

  const run = useCallback(
    (op: LifecycleOperation) => {
      if (!tryLock(key, op.kind)) return null;
      announce(progressText(op, jobId));
      const onJobPage = pathname === routes.job(servicePrincipalId, jobId);
      return (async () => {
        let rollback = () => {};
        let accepted = false;
        try {
          rollback = await applyOptimistic(queryClient, servicePrincipalId, jobId, op);
          setTimeout(() => recoverFocus(jobId), 100);
          const result = await runLifecycleOperation({ getToken, refreshToken, actions: ACTIONS }, { servicePrincipalId, jobId }, op);
          accepted = result.ok;
          if (result.ok) {
            unlock(key, null);
            announce(successText(op, jobId));
            if (op.kind === "delete" && onJobPage) router.push(routes.servicePrincipal(servicePrincipalId));
          } else {
            rollback();
            unlock(key, { operation: op, error: result.error, retryAt: retryAllowedAt(result.error) });
            announce(describeError(result.error, { operation: "change", jobId, verb: VERBS[op.kind] }).title);
          }
        } catch (error) {
          // Only a bug gets here (the flow returns failures); never leave the job locked.
          rollback();
          unlock(key, {
            operation: op,
            error: { kind: "unexpected", status: 0, code: "ClientError", message: error instanceof Error ? error.message : String(error) },
            retryAt: null,
          });
        } finally {
          setTimeout(() => recoverFocus(jobId), 100);
          void refreshJobsOf(queryClient, servicePrincipalId, op.kind === "delete" ? { deletedJobId: jobId } : {});
        }
        return accepted;
      })();
    },
    [key, jobId, servicePrincipalId, pathname, queryClient, getToken, refreshToken, router],
  );

  return { state, run };
}
