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
  /** A job's attribute mappings and scoping filters (read only); `q` searches within them. */
  jobMappings: (servicePrincipalId: string, jobId: string, q = "") => `${routes.job(servicePrincipalId, jobId)}/mappings${q ? `?q=${encodeURIComponent(q)}` : ""}`,
  /** Provision one user, or a group and up to 5 of its members, on demand; `search` from lib/on-demand/subject-url.ts. */
  jobProvision: (servicePrincipalId: string, jobId: string, search = "") => `${routes.job(servicePrincipalId, jobId)}/provision${search}`,
  /** People: search by name, UPN or mail (`q`). */
  people: (q = "") => (q ? `/people?q=${encodeURIComponent(q)}` : "/people"),
  /** One person's trace: every app with a provisioning job that concerns them. */
  person: (userId: string) => `/people/${encodeURIComponent(userId)}`,
  /** The tenant's provisioning logs (every job). */
  logs: (search = "") => `/logs${search}`,
};
