import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import type { GraphGateway } from "@/lib/graph/gateway";
import { jobsPath } from "@/lib/graph/service-principals";

const MAX_PAGES = 20;

/** Every job of a service principal, fresh from Graph (follows @odata.nextLink, should Graph ever page them). */
export async function listJobs(graph: GraphGateway, servicePrincipalId: string): Promise<SynchronizationJob[]> {
  const jobs: SynchronizationJob[] = [];
  let page = await graph.page<SynchronizationJob>({ path: jobsPath(servicePrincipalId) });
  jobs.push(...page.value);
  for (let pages = 1; page.nextLink && pages < MAX_PAGES; pages++) {
    page = await graph.page<SynchronizationJob>({ nextLink: page.nextLink });
    jobs.push(...page.value);
  }
  return jobs;
}
