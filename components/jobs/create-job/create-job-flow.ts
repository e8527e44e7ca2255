import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import type { ActionError, ActionResult } from "@/lib/actions/action-result";
import type { CreateJobInput } from "@/lib/actions/create-job-schema";
import { toErrorInfo } from "@/lib/graph/to-error-info";
import { findNewJob, type NewJobCheck } from "./find-new-job";

/**
 * One "Create job" submission, free of React so it can be tested against the emulator:
 * token → server action → (401: a fresh token, one retry) → (ambiguous: list the jobs and compare).
 * The POST is never repeated except after a 401, which Graph rejects before doing anything.
 */

export interface CreateJobDeps {
  /** The token MSAL has (cached or silently renewed). */
  getToken: () => Promise<string>;
  /** A new token from the identity provider, bypassing MSAL's cache; used once after a 401. */
  refreshToken: () => Promise<string>;
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

function tokenError(error: unknown): ActionError {
  const info = toErrorInfo(error);
  return {
    kind: "unauthenticated",
    status: 0,
    code: info.code === "Error" ? "TokenUnavailable" : info.code,
    message: info.message || "Could not get a Graph access token.",
  };
}

/** The action call itself can fail (the console's server unreachable, a redeploy): the job may exist. */
async function callAction(deps: CreateJobDeps, token: string, input: CreateJobInput): Promise<ActionResult<SynchronizationJob>> {
  try {
    return await deps.createJob(token, input);
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
export async function settleAmbiguity(
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
  let token: string;
  try {
    token = await deps.getToken();
  } catch (error) {
    return { kind: "failed", error: tokenError(error) };
  }

  let result = await callAction(deps, token, input);
  if (!result.ok && result.error.kind === "unauthenticated") {
    // Graph refused the token (expired or revoked) before doing anything: a new token and one more try is safe.
    let fresh: string | undefined;
    try {
      fresh = await deps.refreshToken();
    } catch {
      fresh = undefined;
    }
    if (fresh && fresh !== token) result = await callAction(deps, fresh, input);
  }

  if (result.ok) return { kind: "created", job: result.data };
  if (result.error.ambiguous) return settleAmbiguity(deps.listJobs, result.error, before, input.templateId);
  return { kind: "failed", error: result.error };
}
