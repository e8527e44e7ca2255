"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useFreshGraphToken, useGraphToken } from "@/components/auth/use-graph-token";
import { useSecondsUntil } from "@/components/ui/use-seconds-until";
import { provisionOnDemand } from "@/lib/actions/provision-on-demand";
import { callWithToken } from "@/lib/auth/call-with-token";
import type { ActionError, ActionResult } from "@/lib/errors/action-result";
import type { OnDemandAnswer, OnDemandSubject } from "@/lib/graph/on-demand";
import { retryAllowedAt, toErrorInfo } from "@/lib/graph/graph-error";
import { queryKeys } from "@/lib/query/keys";

export type RunState =
  | { status: "idle" }
  | { status: "running"; subject: OnDemandSubject }
  | { status: "done"; subject: OnDemandSubject; answer: OnDemandAnswer; sentAt: number }
  | { status: "failed"; subject: OnDemandSubject; error: ActionError };

/**
 * One provision-on-demand request at a time (a synchronous lock keeps two clicks to one), never retried: after a
 * 429 the screen counts Graph's Retry-After down and the admin provisions again. A run that may have changed the
 * target refreshes the job's cached logs.
 */
export function useProvisionOnDemand(servicePrincipalId: string, jobId: string) {
  const [run, setRun] = useState<RunState>({ status: "idle" });
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const secondsLeft = useSecondsUntil(waitUntil);
  const lock = useRef(false);
  const getToken = useGraphToken();
  const refreshToken = useFreshGraphToken();
  const queryClient = useQueryClient();

  function start(ruleId: string, subject: OnDemandSubject) {
    if (lock.current || secondsLeft > 0) return;
    lock.current = true;
    const sentAt = Date.now();
    setRun({ status: "running", subject });
    void callWithToken({ getToken, refreshToken }, (token) => provisionOnDemand(token, { servicePrincipalId, jobId, ruleId, subject }))
      .catch((error: unknown): ActionResult<OnDemandAnswer> => ({ ok: false, error: { ...toErrorInfo(error), kind: "unexpected" } }))
      .then((result) => {
        lock.current = false;
        if (result.ok) setRun({ status: "done", subject, answer: result.data, sentAt });
        else {
          setRun({ status: "failed", subject, error: result.error });
          setWaitUntil(retryAllowedAt(result.error));
        }
        if (result.ok || result.error.ambiguous) void queryClient.invalidateQueries({ queryKey: queryKeys.provisioningLogsAll() });
      });
  }

  return { run, secondsLeft, start, reset: () => setRun({ status: "idle" }) };
}
