import { odataString } from "@/lib/graph/odata";

/**
 * Graph answers a group on demand with `value: "{}"` (the docs' Group example): what happened to each member is
 * in the provisioning logs. This `$filter` finds the entries of this run: the job's, for these objects, since the
 * request was sent (a minute of slack for clock skew between the browser and Graph; `activityDateTime` takes gt
 * and lt, not ge).
 */
const SKEW_MS = 60_000;

export function groupRunFilter(jobId: string, objectIds: readonly string[], sentAt: number): string {
  const since = new Date(sentAt - SKEW_MS).toISOString();
  const objects = objectIds.map((id) => `sourceIdentity/id eq ${odataString(id)}`).join(" or ");
  return `jobId eq ${odataString(jobId)} and activityDateTime gt ${since} and (${objects})`;
}
