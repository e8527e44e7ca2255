"use client";

import type { SynchronizationJob, SynchronizationTemplate } from "@microsoft/microsoft-graph-types-beta";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useReducer, useRef, type RefObject } from "react";
import { useFreshGraphToken, useGraphToken } from "@/components/auth/use-graph-token";
import { useJobWriteAccess } from "@/components/auth/use-job-write-access";
import { useGraph } from "@/components/graph/use-graph";
import { useSecondsUntil } from "@/components/ui/use-seconds-until";
import { createJob } from "@/lib/actions/create-job";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { listJobs } from "@/lib/graph/jobs";
import { refreshJobsOf } from "@/lib/query/invalidate";
import { checkForNewJob, submitCreateJob, type CreateJobOutcome } from "./create-job-flow";
import { createJobReducer, initialCreateJobState, type CreateJobState } from "./create-job-state";
import { jobsFromTemplate, mergeJobs } from "./find-new-job";
import { preselectedTemplate } from "./template-choices";

/** The reducer's state plus what the form derives from it, the page's jobs and the admin's access. */
export interface CreateJobView extends CreateJobState {
  /** The templates that have an id. */
  usable: SynchronizationTemplate[];
  /** Known jobs per template id. */
  jobCounts: Record<string, number>;
  /** Known jobs from the selected template. */
  duplicates: SynchronizationJob[];
  readOnly: boolean;
  /** Seconds until Retry-After allows trying again. */
  secondsLeft: number;
  pending: boolean;
  checking: boolean;
  /** The job list could not be read after an ambiguous failure: check again before trying again. */
  mustCheckFirst: boolean;
  /** The submit button's state. */
  disabled: boolean;
}

export interface CreateJob {
  state: CreateJobView;
  actions: {
    select: (templateId: string) => void;
    confirm: (confirmed: boolean) => void;
    submit: () => void;
    checkAgain: () => void;
    createAnother: () => void;
  };
  /** Where focus goes: the result's heading, the duplicate confirmation, the first template choice. */
  refs: {
    resultHeadingRef: RefObject<HTMLHeadingElement | null>;
    confirmBoxRef: RefObject<HTMLInputElement | null>;
    choicesRef: RefObject<HTMLDivElement | null>;
  };
}

/**
 * The "Create job" form's logic: the reducer in `create-job-state`, the requests (`create-job-flow`), a
 * synchronous lock (two quick submits send one POST), the Retry-After countdown and focus.
 */
export function useCreateJob(servicePrincipalId: string, templates: SynchronizationTemplate[], jobs: SynchronizationJob[]): CreateJob {
  const usable = useMemo(() => templates.filter((template) => typeof template.id === "string" && template.id), [templates]);
  const [state, dispatch] = useReducer(createJobReducer, usable, (list) => initialCreateJobState(preselectedTemplate(list)));
  const lock = useRef(false);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const confirmBoxRef = useRef<HTMLInputElement>(null);
  const choicesRef = useRef<HTMLDivElement>(null);

  const graph = useGraph();
  const getToken = useGraphToken();
  const refreshToken = useFreshGraphToken();
  const writeAccess = useJobWriteAccess();
  const queryClient = useQueryClient();
  const secondsLeft = useSecondsUntil(state.retryAt);

  const knownJobs = useMemo(() => mergeJobs(jobs, state.discovered), [jobs, state.discovered]);
  const jobCounts = useMemo(() => {
    const counts: Record<string, number> = {};
    for (const template of usable) counts[template.id!] = jobsFromTemplate(knownJobs, template.id!).length;
    return counts;
  }, [usable, knownJobs]);
  const { selected, created, failure } = state;
  const duplicates = selected ? jobsFromTemplate(knownJobs, selected) : [];
  const readOnly = writeAccess === "missing";
  const pending = state.busy === "creating";
  const mustCheckFirst = failure?.check?.kind === "unknown";
  const disabled = pending || readOnly || secondsLeft > 0 || mustCheckFirst;

  // Move focus to the result (success or failure) so keyboard and screen reader users land on it.
  useEffect(() => {
    if (created || failure) resultHeadingRef.current?.focus();
  }, [created, failure]);

  const listOwnJobs = () => listJobs(graph, servicePrincipalId);
  const refreshOverview = () => void refreshJobsOf(queryClient, servicePrincipalId);

  function settle(outcome: CreateJobOutcome, templateId: string, before: readonly SynchronizationJob[]) {
    if (outcome.kind === "created") dispatch({ type: "created", outcome, templateId });
    else dispatch({ type: "failed", outcome, templateId, before, now: Date.now() });
    if (outcome.kind === "created" || outcome.error.ambiguous) refreshOverview();
  }

  function submit() {
    // The lock is synchronous: a second submit before React re-renders the disabled button stops here.
    if (lock.current || disabled) return;
    if (!selected) {
      dispatch({ type: "refuse", problem: "Choose a template." });
      choicesRef.current?.querySelector<HTMLInputElement>("input[type=radio]")?.focus();
      return;
    }
    if (duplicates.length > 0 && !state.confirmed) {
      dispatch({ type: "refuse", problem: `Confirm that you want another job from ${selected}.` });
      confirmBoxRef.current?.focus();
      return;
    }
    lock.current = true;
    const templateId = selected;
    const before = knownJobs;
    dispatch({ type: "submit", templateId });
    void (async () => {
      try {
        settle(await submitCreateJob({ getToken, refreshToken, createJob, listJobs: listOwnJobs }, { servicePrincipalId, templateId }, before), templateId, before);
      } catch (error) {
        // Only a bug gets here (the flow returns failures); never leave the form locked.
        settle({ kind: "failed", error: toErrorInfo(error) }, templateId, before);
      } finally {
        lock.current = false;
      }
    })();
  }

  function checkAgain() {
    if (!failure || lock.current) return;
    lock.current = true;
    const current = failure;
    dispatch({ type: "check" });
    void (async () => {
      try {
        // Compared with the list from before the failed submit, not today's (which may already show the job).
        const { check, jobsNow } = await checkForNewJob(listOwnJobs, current.before, current.templateId);
        dispatch({ type: "checked", check, jobsNow });
        if (check.kind === "exists") refreshOverview();
      } finally {
        lock.current = false;
      }
    })();
  }

  return {
    state: { ...state, usable, jobCounts, duplicates, readOnly, secondsLeft, pending, checking: state.busy === "checking", mustCheckFirst, disabled },
    actions: {
      select: (templateId) => dispatch({ type: "select", templateId }),
      confirm: (confirmed) => dispatch({ type: "confirm", confirmed }),
      submit,
      checkAgain,
      createAnother: () => dispatch({ type: "createAnother" }),
    },
    refs: { resultHeadingRef, confirmBoxRef, choicesRef },
  };
}
