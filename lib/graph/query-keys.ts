/** TanStack Query keys; they mirror the Graph paths they cache so invalidation reads like Graph. */
export const queryKeys = {
  servicePrincipals: (search: string) => ["graph", "/servicePrincipals", { search }] as const,
  jobsOfServicePrincipals: (ids: string[]) => ["graph", "$batch", "jobs", ids] as const,
  /** The SP page's $batch (SP, templates, jobs); invalidate it after any change to the SP's jobs. */
  servicePrincipalOverview: (spId: string) => ["graph", `/servicePrincipals/${spId}`, "overview"] as const,
  /** The SP's jobs (`SynchronizationJob[]`), polled while the page is visible. */
  jobs: (spId: string) => ["graph", `/servicePrincipals/${spId}/synchronization/jobs`] as const,
  /** The job page's $batch (SP name, job, schema). */
  jobOverview: (spId: string, jobId: string) => ["graph", "$batch", "job-overview", spId, jobId] as const,
  job: (spId: string, jobId: string) => ["graph", `/servicePrincipals/${spId}/synchronization/jobs/${jobId}`] as const,
  /** The fleet view's tenant-wide scan (every SP page + $batch of jobs); invalidating marks it stale, it rescans when shown. */
  fleet: () => ["graph", "/servicePrincipals/*/synchronization/jobs", "fleet"] as const,
};
