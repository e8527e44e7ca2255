/**
 * TanStack Query keys. They mirror the Graph paths they cache, and everything about one service principal
 * starts with `servicePrincipal(id)`, so one prefix refreshes all of it (lib/query/invalidate.ts).
 */
const servicePrincipal = (spId: string) => ["graph", "/servicePrincipals", spId] as const;
const jobs = (spId: string) => [...servicePrincipal(spId), "/synchronization/jobs"] as const;
const job = (spId: string, jobId: string) => [...jobs(spId), jobId] as const;

export const queryKeys = {
  servicePrincipals: (search: string) => ["graph", "/servicePrincipals", { search }] as const,
  /** The list's provisioning column: the jobs of these SPs, by `$batch`. */
  jobsOfServicePrincipals: (ids: string[]) => ["graph", "$batch", "jobs", ids] as const,
  servicePrincipal,
  /** The SP page's $batch (SP, templates, jobs). */
  servicePrincipalOverview: (spId: string) => [...servicePrincipal(spId), "overview"] as const,
  /** The SP's jobs (`SynchronizationJob[]`), polled while the page is visible. */
  jobs,
  job,
  /** The job page's $batch (SP name, job, schema). */
  jobOverview: (spId: string, jobId: string) => [...job(spId, jobId), "overview"] as const,
  /** The SP's provisioning audits (Activity); under the SP so that a change to its jobs refreshes them too. */
  activity: (spId: string) => [...servicePrincipal(spId), "/auditLogs/directoryAudits"] as const,
  /** The Jobs view's tenant-wide scan; invalidating marks it stale, it rescans when shown. */
  fleet: () => ["graph", "fleet"] as const,
  /** Every cached provisioning log read: refreshed after a provision on demand. */
  provisioningLogsAll: () => ["graph", "/auditLogs/provisioning"] as const,
  /** Users or groups whose name starts with `search` (or with that object id): provision on demand's search. */
  directorySearch: (kind: "users" | "groups", search: string) => ["graph", `/${kind}`, { search }] as const,
  /** A group's direct user members. */
  groupMembers: (groupId: string) => ["graph", "/groups", groupId, "/members"] as const,
  /** The log entries of one group's on-demand run (lib/on-demand/group-log-filter.ts). */
  onDemandRun: (filter: string) => ["graph", "/auditLogs/provisioning", { onDemand: filter }] as const,
  /** One person's trace (lib/people): their user, groups, assignments and provisioning events. */
  personTrace: (userId: string) => ["graph", "/users", userId, "trace"] as const,
  /** The Overview's failures of the last 24 hours (lib/overview). */
  overviewFailures: () => ["graph", "/auditLogs/provisioning", { overview: "failures" }] as const,
  /** The Overview's recent configuration activity (lib/overview). */
  overviewActivity: () => ["graph", "/auditLogs/directoryAudits", { overview: "recent" }] as const,
  /** Pages of provisioning logs for a page's scope (its `$filter` clauses; "" for the tenant) and filters (their canonical query string). */
  provisioningLogs: (scope: string, filters: string) => ["graph", "/auditLogs/provisioning", { scope, filters }] as const,
  /** One provisioning log entry, looked up by id within its page's scope. */
  provisioningLogEntry: (scope: string, entryId: string) => ["graph", "/auditLogs/provisioning", { scope }, entryId] as const,
};
