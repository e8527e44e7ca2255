import type { AmbiguityCheck } from "./create-job-flow";

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
