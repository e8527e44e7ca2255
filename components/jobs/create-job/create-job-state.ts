import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { describeError } from "@/lib/errors/describe-error";
import { retryAllowedAt } from "@/lib/graph/graph-error";
import type { AmbiguityCheck, CreateJobOutcome } from "./create-job-flow";
import { mergeJobs } from "./find-new-job";

/**
 * The "Create job" form's state and its transitions, free of React (the form's `useCreateJob` runs the
 * requests and dispatches). Every announcement the live region reads is written here.
 */

type CreatedOutcome = Extract<CreateJobOutcome, { kind: "created" }>;
type FailedOutcome = Extract<CreateJobOutcome, { kind: "failed" }>;

/** `before`: the job list the failed submit started from, kept for checking again later. */
type CreateJobFailure = FailedOutcome & { templateId: string; before: readonly SynchronizationJob[] };

export interface CreateJobState {
  /** The chosen template id ("" when none is). */
  selected: string;
  /** The admin confirmed another job from a template that already has one. */
  confirmed: boolean;
  /** Why the last submit was refused before anything was sent. */
  problem: string | null;
  /** Jobs seen since the page loaded (created here, or listed by a check). */
  discovered: SynchronizationJob[];
  /** What is in flight: the create, or a look at the job list after an ambiguous failure. */
  busy: "creating" | "checking" | null;
  created: CreatedOutcome | null;
  failure: CreateJobFailure | null;
  /** When trying again is allowed (epoch ms, from Retry-After), or null. */
  retryAt: number | null;
  /** The polite live region's text. */
  announcement: string;
}

export type CreateJobAction =
  | { type: "select"; templateId: string }
  | { type: "confirm"; confirmed: boolean }
  /** A submit stopped before sending (no template, duplicate not confirmed). */
  | { type: "refuse"; problem: string }
  | { type: "submit"; templateId: string }
  | { type: "created"; outcome: CreatedOutcome; templateId: string }
  /** `now`: the epoch ms the answer arrived, for the Retry-After countdown. */
  | { type: "failed"; outcome: FailedOutcome; templateId: string; before: readonly SynchronizationJob[]; now: number }
  | { type: "check" }
  | { type: "checked"; check: AmbiguityCheck; jobsNow?: SynchronizationJob[] }
  | { type: "createAnother" };

export function initialCreateJobState(selected: string): CreateJobState {
  return { selected, confirmed: false, problem: null, discovered: [], busy: null, created: null, failure: null, retryAt: null, announcement: "" };
}

const withJobs = (known: SynchronizationJob[], jobs: readonly SynchronizationJob[] | undefined) => (jobs ? mergeJobs(known, jobs) : known);

export function createJobReducer(state: CreateJobState, action: CreateJobAction): CreateJobState {
  switch (action.type) {
    case "select":
      return { ...state, selected: action.templateId, confirmed: false, problem: null };
    case "confirm":
      return { ...state, confirmed: action.confirmed, problem: null };
    case "refuse":
      return { ...state, problem: action.problem };
    case "submit":
      return { ...state, busy: "creating", problem: null, failure: null, announcement: `Creating a job from ${action.templateId}…` };
    case "created": {
      const { outcome, templateId } = action;
      return {
        ...state,
        discovered: mergeJobs(withJobs(state.discovered, outcome.jobsNow), [outcome.job]),
        busy: null,
        created: outcome,
        failure: null,
        retryAt: null,
        confirmed: false,
        announcement: `Job ${outcome.job.id ?? ""} created from ${templateId}. It is disabled: provide the admin credentials, then start it.`,
      };
    }
    case "failed": {
      const { outcome, templateId, before, now } = action;
      return {
        ...state,
        discovered: withJobs(state.discovered, outcome.jobsNow),
        busy: null,
        failure: { ...outcome, templateId, before },
        retryAt: retryAllowedAt(outcome.error, now),
        announcement: `Job not created: ${describeError(outcome.error, { operation: "create", templateId }).title}.`,
      };
    }
    case "check":
      return state.failure ? { ...state, busy: "checking", announcement: "Checking the service principal's jobs…" } : state;
    case "checked": {
      const current = state.failure;
      if (!current) return { ...state, busy: null };
      const { check, jobsNow } = action;
      if (check.kind === "exists") {
        return createJobReducer(state, { type: "created", outcome: { kind: "created", job: check.job, recoveredFrom: current.error, jobsNow }, templateId: current.templateId });
      }
      return {
        ...state,
        discovered: withJobs(state.discovered, jobsNow),
        busy: null,
        failure: { ...current, check, jobsNow },
        announcement: check.kind === "absent" ? "No job was created. Trying again is safe." : "The check did not settle whether the job exists.",
      };
    }
    case "createAnother":
      return { ...state, created: null, failure: null, announcement: "" };
  }
}
