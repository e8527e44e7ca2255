"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useGraph } from "@/components/graph/use-graph";
import { useProvisionOnDemand } from "@/components/on-demand/use-provision-on-demand";
import { toErrorInfo, type GraphErrorInfo } from "@/lib/graph/graph-error";
import { readJobSchema } from "@/lib/graph/person-trace";
import { toOnDemandResult, type OnDemandResultView } from "@/lib/logs/on-demand-result";
import { onDemandRules } from "@/lib/on-demand/rules";
import { withOnDemandResult, type PersonRow } from "@/lib/people/rows";
import { queryKeys } from "@/lib/query/keys";

/** A job's schema changes rarely; a second Provision now within minutes needs no second read. */
const SCHEMA_STALE_MS = 5 * 60_000;

export type RulesState = { status: "idle" } | { status: "reading" } | { status: "no-rule" } | { status: "failed"; error: GraphErrorInfo };

/**
 * "Provision now" for one person in one job: read the job's schema for its first rule that supports on demand,
 * then run provision on demand (components/on-demand: one run at a time, 429 → Graph's countdown). The row shows
 * the run's record at once; the person's trace is marked stale (not refetched) so a later visit reads it again.
 */
export function usePersonProvision(row: PersonRow, userId: string) {
  const graph = useGraph();
  const queryClient = useQueryClient();
  const { run, secondsLeft, start } = useProvisionOnDemand(row.servicePrincipalId, row.jobId);
  const [rules, setRules] = useState<RulesState>({ status: "idle" });
  const reading = useRef(false);

  useEffect(() => {
    if (run.status === "done" || (run.status === "failed" && run.error.ambiguous)) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.personTrace(userId), refetchType: "none" });
    }
  }, [run, queryClient, userId]);

  async function provision() {
    if (reading.current || run.status === "running" || secondsLeft > 0) return;
    reading.current = true;
    setRules({ status: "reading" });
    try {
      const schema = await queryClient.fetchQuery({
        queryKey: [...queryKeys.job(row.servicePrincipalId, row.jobId), "/schema"],
        queryFn: () => readJobSchema(graph, row.servicePrincipalId, row.jobId),
        staleTime: SCHEMA_STALE_MS,
      });
      const [rule] = onDemandRules(schema);
      if (!rule) return setRules({ status: "no-rule" });
      setRules({ status: "idle" });
      start(rule.id, { type: "user", id: userId });
    } catch (error) {
      setRules({ status: "failed", error: toErrorInfo(error) });
    } finally {
      reading.current = false;
    }
  }

  const result: OnDemandResultView | null = useMemo(() => (run.status === "done" ? toOnDemandResult(run.answer) : null), [run]);
  const shown = useMemo(() => (result ? withOnDemandResult(row, result) : row), [row, result]);
  const busy = rules.status === "reading" || run.status === "running";
  return { shown, run, result, rules, secondsLeft, busy, provision };
}
