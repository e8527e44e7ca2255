import type { ActionError } from "@/lib/actions/action-result";
import type { AmbiguityCheck } from "./create-job-flow";

export interface CreateJobProblem {
  title: string;
  /** What happened and what to do, in an admin's words. */
  advice: string;
  /** Whether Graph certainly did not create the job (so trying again cannot duplicate it). */
  nothingCreated: boolean;
}

const NOTHING = "No job was created.";

/** A failed create in words: what happened, what to do, and whether a job could exist. */
export function describeCreateError(error: ActionError, templateId: string): CreateJobProblem {
  switch (error.kind) {
    case "invalid-input":
      return {
        title: "The console refused the request",
        advice: `${error.message} Reload the page and choose the template again. ${NOTHING}`,
        nothingCreated: true,
      };
    case "bad-request":
      return {
        title: `Microsoft Graph did not accept the template ${templateId}`,
        advice: `The template must be one of this application's synchronization templates.${error.message ? ` Graph said: “${error.message}”` : ""} ${NOTHING}`,
        nothingCreated: true,
      };
    case "unauthenticated":
      return {
        title: "Your session expired",
        advice: `Microsoft Graph did not accept your sign-in, even after renewing it. Sign out and sign in again, then create the job. ${NOTHING}`,
        nothingCreated: true,
      };
    case "missing-sync-permission":
      return {
        title: "Your account lacks Synchronization.ReadWrite.All",
        advice: `Creating provisioning jobs needs the delegated permission Synchronization.ReadWrite.All and a role such as Application Administrator. Ask an administrator to grant it, then sign in again. ${NOTHING}`,
        nothingCreated: true,
      };
    case "forbidden":
      return {
        title: "You may read provisioning jobs but not create them",
        advice: `Microsoft Graph denied the change: your account lacks Synchronization.ReadWrite.All or a role that may configure this application (Application Administrator, Cloud Application Administrator). ${NOTHING}`,
        nothingCreated: true,
      };
    case "not-found":
      return {
        title: "This service principal no longer exists",
        advice: `It may have been deleted since the page loaded. Go back to the list of service principals. ${NOTHING}`,
        nothingCreated: true,
      };
    case "throttled":
      return {
        title: "Microsoft Graph is throttling requests",
        advice: `${error.retryAfterSeconds !== undefined ? `Graph asked to wait ${error.retryAfterSeconds} second${error.retryAfterSeconds === 1 ? "" : "s"}.` : "Graph asked to slow down."} ${NOTHING} Trying again after the wait is safe.`,
        nothingCreated: true,
      };
    case "conflict":
      return {
        title: "Microsoft Graph reported a conflict",
        advice: `${error.message || "Another change got in the way."} Check the service principal's jobs, then try again.`,
        nothingCreated: false,
      };
    case "server":
      return {
        title: "Microsoft Graph had a problem",
        advice: "Graph answered with a server error after receiving the request, so the job may or may not exist.",
        nothingCreated: false,
      };
    case "network":
      return {
        title: "The answer was lost",
        advice: `${error.message || "The connection failed."} The request may have reached Microsoft Graph, so the job may or may not exist.`,
        nothingCreated: false,
      };
    default:
      return {
        title: "Something unexpected happened",
        advice: `${error.message || "The console could not read Graph's answer."}${error.ambiguous ? " The job may or may not exist." : ""}`,
        nothingCreated: !error.ambiguous,
      };
  }
}

/** What the job list said after an ambiguous failure, and whether trying again is safe. */
export function describeCheck(check: AmbiguityCheck, templateId: string): { text: string; safeToRetry: boolean } {
  switch (check.kind) {
    case "absent":
      return { text: `We checked the service principal's jobs: no job from ${templateId} was created. Trying again is safe.`, safeToRetry: true };
    case "exists":
      return { text: `We checked the service principal's jobs: the job ${check.job.id} was created.`, safeToRetry: false };
    case "several":
      return {
        text: `We checked the service principal's jobs: ${check.jobs.length} new jobs from ${templateId} appeared since the page loaded (${check.jobs
          .map((job) => job.id)
          .join(", ")}). One of them is probably yours; create another only if you are sure.`,
        safeToRetry: false,
      };
    case "unknown":
      return {
        text: `We could not check whether the job was created (${check.error.code}${check.error.status ? `, HTTP ${check.error.status}` : ""}). Check again before trying again, so that no second job is created.`,
        safeToRetry: false,
      };
  }
}
