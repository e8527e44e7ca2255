"use client";

import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { useState } from "react";
import { useJobWriteAccess } from "@/components/auth/use-job-write-access";
import { useSecondsUntil } from "@/components/ui/use-seconds-until";
import { LifecycleFailureBox } from "../lifecycle/lifecycle-failure";
import { lifecycleOptions } from "../lifecycle/lifecycle-options";
import { dismissFailure, jobKey } from "../lifecycle/lifecycle-store";
import { buttonStyles, Spinner } from "../lifecycle/modal-dialog";
import { useJobLifecycle } from "../lifecycle/use-job-lifecycle";

/**
 * After a saved scope change: a restart applies it (the portal's "Restart provisioning": empty reset scope),
 * through the same restart action, lock and announcements as the job's own controls. A job never started
 * needs none: its first start reads the new scope.
 */
export function RestartOffer({ servicePrincipalId, job }: { servicePrincipalId: string; job: SynchronizationJob }) {
  const jobId = job.id ?? "";
  const { state, run } = useJobLifecycle(servicePrincipalId, jobId);
  const readOnly = useJobWriteAccess() === "missing";
  const secondsLeft = useSecondsUntil(state.failure?.retryAt ?? null);
  const [restarted, setRestarted] = useState(false);

  if (!lifecycleOptions(job).restart) {
    return <p data-testid="configure-restart-not-needed">The job has not run yet: it uses the new scope when you start it.</p>;
  }
  const pending = state.pending === "restart";
  return (
    <div className="space-y-2" data-testid="configure-restart-offer">
      <p>The new scope takes effect after a restart: the next cycle then re-evaluates every user and group.</p>
      {restarted ? (
        <p className="font-medium" data-testid="configure-restarted">
          Restart requested: the job reprocesses everything with the new scope.
        </p>
      ) : (
        <button
          type="button"
          disabled={readOnly || state.pending !== null || secondsLeft > 0}
          onClick={() => void run({ kind: "restart", resetScope: [] })?.then(setRestarted)}
          data-testid="configure-restart"
          className={`${buttonStyles.base} ${buttonStyles.primary}`}
        >
          {pending ? (
            <>
              <Spinner /> Restarting…
            </>
          ) : (
            "Restart the job now"
          )}
        </button>
      )}
      {state.failure ? (
        <LifecycleFailureBox failure={state.failure} jobId={jobId} secondsLeft={secondsLeft} onDismiss={() => dismissFailure(jobKey(servicePrincipalId, jobId))} />
      ) : null}
    </div>
  );
}
