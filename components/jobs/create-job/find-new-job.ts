import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";

/** Which jobs came from a template; by the job's `templateId` (job ids are opaque: never parsed). */
export function jobsFromTemplate(jobs: readonly SynchronizationJob[], templateId: string): SynchronizationJob[] {
  const wanted = templateId.toLowerCase();
  return jobs.filter((job) => typeof job?.templateId === "string" && job.templateId.toLowerCase() === wanted);
}

/** Both lists, each job once (by id); the later list wins. */
export function mergeJobs(first: readonly SynchronizationJob[], second: readonly SynchronizationJob[]): SynchronizationJob[] {
  const byId = new Map<string, SynchronizationJob>();
  for (const job of [...first, ...second]) if (typeof job?.id === "string" && job.id) byId.set(job.id, job);
  return [...byId.values()];
}

/** What the job list says after a create whose answer was lost. */
export type NewJobCheck =
  | { kind: "absent" }
  | { kind: "exists"; job: SynchronizationJob }
  /** More than one new job from the template: ours and someone else's, most likely. */
  | { kind: "several"; jobs: SynchronizationJob[] };

/** Jobs of `templateId` in `after` whose ids were not in `before`: did our create happen? */
export function findNewJob(before: readonly SynchronizationJob[], after: readonly SynchronizationJob[], templateId: string): NewJobCheck {
  const known = new Set(before.map((job) => job?.id).filter((id): id is string => typeof id === "string"));
  const fresh = jobsFromTemplate(after, templateId).filter((job) => typeof job.id === "string" && job.id && !known.has(job.id));
  if (fresh.length === 0) return { kind: "absent" };
  if (fresh.length === 1) return { kind: "exists", job: fresh[0] };
  return { kind: "several", jobs: fresh };
}
