/** The console's own URLs (deep links); each id is one encoded path segment. */
export const routes = {
  servicePrincipals: (search?: string) => (search ? `/service-principals?q=${encodeURIComponent(search)}` : "/service-principals"),
  servicePrincipal: (id: string) => `/service-principals/${encodeURIComponent(id)}`,
  job: (servicePrincipalId: string, jobId: string) =>
    `/service-principals/${encodeURIComponent(servicePrincipalId)}/jobs/${encodeURIComponent(jobId)}`,
  /** A job's admin credentials and provisioning settings. */
  jobConfigure: (servicePrincipalId: string, jobId: string) => `${routes.job(servicePrincipalId, jobId)}/configure`,
};
