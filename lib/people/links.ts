import { logsSearch, withEntry } from "@/lib/logs/filters";
import { routes } from "@/lib/routes";

/**
 * Links into a job's provisioning logs for one person. The search is their object id: the logs' search matches
 * it exactly as `sourceIdentity/id` (lib/logs/graph-filter.ts), where a name or a UPN would match by part.
 */

export const personLogsHref = (servicePrincipalId: string, jobId: string, userId: string) => routes.jobLogs(servicePrincipalId, jobId, logsSearch({ search: userId }));

/** One entry, opened, within the job's logs of the person. */
export const personEntryHref = (servicePrincipalId: string, jobId: string, userId: string, entryId: string) =>
  routes.jobLogs(servicePrincipalId, jobId, withEntry(logsSearch({ search: userId }), entryId));
