import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import type { ActionError, ActionResult } from "@/lib/errors/action-result";
import { callWithToken, type TokenSources } from "@/lib/auth/call-with-token";
import type { CreateJobInput } from "@/lib/actions/create-job-schema";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { findNewJob, type NewJobCheck } from "./find-new-job";

/**
 * One "Create job" submission, free of React so it can be tested against the emulator:
 * token → server action → (401: a fresh token, one retry) → (ambiguous: list the jobs and compare).
 * The POST is never repeated except after a 401, which Graph rejects before doing anything.
 */

export interface CreateJobDeps extends TokenSources {
  /** The `createJob` server action. */
  createJob: (token: string, input: CreateJobInput) => Promise<ActionResult<SynchronizationJob>>;
  /** The service principal's jobs, fresh from Graph. */
  listJobs: () => Promise<SynchronizationJob[]>;
}

/** The ambiguity check's answer, or "unknown" when the job list could not be read. */
export type AmbiguityCheck = NewJobCheck | { kind: "unknown"; error: ActionError };

export type CreateJobOutcome =
  /** `recoveredFrom`: the create's answer was lost, but the job list shows the job. */
  | { kind: "created"; job: SynchronizationJob; recoveredFrom?: ActionError; jobsNow?: SynchronizationJob[] }
  | { kind: "failed"; error: ActionError; check?: AmbiguityCheck; jobsNow?: SynchronizationJob[] };

/** Lists the jobs and compares them with `before`: did a job from `templateId` appear? */
export async function checkForNewJob(
  listJobs: () => Promise<SynchronizationJob[]>,
  before: readonly SynchronizationJob[],
  templateId: string,
): Promise<{ check: AmbiguityCheck; jobsNow?: SynchronizationJob[] }> {
  try {
    const jobsNow = await listJobs();
    return { check: findNewJob(before, jobsNow, templateId), jobsNow };
  } catch (error) {
    return { check: { kind: "unknown", error: toErrorInfo(error) } };
  }
}

/** Settles a failure marked ambiguous by listing the jobs: a job that appeared is treated as created. */
async function settleAmbiguity(
  listJobs: () => Promise<SynchronizationJob[]>,
  error: ActionError,
  before: readonly SynchronizationJob[],
  templateId: string,
): Promise<CreateJobOutcome> {
  const { check, jobsNow } = await checkForNewJob(listJobs, before, templateId);
  if (check.kind === "exists") return { kind: "created", job: check.job, recoveredFrom: error, jobsNow };
  return { kind: "failed", error, check, jobsNow };
}

/**
 * Creates the job. `before` is the job list the admin saw (the SP page's), used to tell a job that
 * appeared after an ambiguous failure from the ones that were already there.
 */
export async function submitCreateJob(deps: CreateJobDeps, input: CreateJobInput, before: readonly SynchronizationJob[]): Promise<CreateJobOutcome> {
  const result = await callWithToken(deps, (token) => deps.createJob(token, input));
  if (result.ok) return { kind: "created", job: result.data };
  if (result.error.ambiguous) return settleAmbiguity(deps.listJobs, result.error, before, input.templateId);
  return { kind: "failed", error: result.error };
}
