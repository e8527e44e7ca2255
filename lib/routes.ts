/** The console's own URLs (deep links); each id is one encoded path segment. */
export const routes = {
  servicePrincipals: (search?: string) => (search ? `/service-principals?q=${encodeURIComponent(search)}` : "/service-principals"),
  servicePrincipal: (id: string) => `/service-principals/${encodeURIComponent(id)}`,
  job: (servicePrincipalId: string, jobId: string) =>
    `/service-principals/${encodeURIComponent(servicePrincipalId)}/jobs/${encodeURIComponent(jobId)}`,
  /** A job's admin credentials and provisioning settings. */
  jobConfigure: (servicePrincipalId: string, jobId: string) => `${routes.job(servicePrincipalId, jobId)}/configure`,
  /** A job's provisioning logs; `search` is a query string from lib/logs/filters.ts (`logsSearch`, `withEntry`). */
  jobLogs: (servicePrincipalId: string, jobId: string, search = "") => `${routes.job(servicePrincipalId, jobId)}/logs${search}`,
  /** The tenant's provisioning logs (every job). */
  logs: (search = "") => `/logs${search}`,
};
