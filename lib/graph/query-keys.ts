/** TanStack Query keys; they mirror the Graph paths they cache so invalidation reads like Graph. */
export const queryKeys = {
  servicePrincipals: (search: string) => ["graph", "/servicePrincipals", { search }] as const,
  jobsOfServicePrincipals: (ids: string[]) => ["graph", "$batch", "jobs", ids] as const,
  /** The SP page's $batch (SP, templates, jobs); invalidate it after any change to the SP's jobs. */
  servicePrincipalOverview: (spId: string) => ["graph", `/servicePrincipals/${spId}`, "overview"] as const,
  job: (spId: string, jobId: string) => ["graph", `/servicePrincipals/${spId}/synchronization/jobs/${jobId}`] as const,
};
