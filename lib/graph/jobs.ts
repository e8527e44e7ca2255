import type { ServicePrincipal, SynchronizationJob, SynchronizationSchema } from "@microsoft/microsoft-graph-types-beta";
import { segment, type GraphGateway } from "./gateway";
import * as z from "zod/mini";
import { jobAnswer, loadedAnswer, parseAnswer, schemaAnswer, servicePrincipalAnswer, type Loaded } from "./answers";
import { configurationRequests, savedConfiguration, type SavedConfiguration } from "./configuration";
import { jobPath, jobsPath } from "./service-principals";

export interface JobOverview {
  servicePrincipal: Loaded<Pick<ServicePrincipal, "id" | "displayName" | "appId">>;
  job: Loaded<SynchronizationJob>;
  schema: Loaded<SynchronizationSchema>;
  /** The admin credentials the job's template asks for and what is saved (secret values masked). */
  configuration: Loaded<SavedConfiguration>;
}

/** One job in full with its service principal's name, its schema and its configuration, in one Graph round trip. */
export async function jobOverview(graph: GraphGateway, spId: string, jobId: string): Promise<JobOverview> {
  const results = await graph.batch([
    { id: "sp", method: "GET", url: `/servicePrincipals/${segment(spId)}?$select=id,displayName,appId` },
    { id: "job", method: "GET", url: jobPath(spId, jobId) },
    { id: "schema", method: "GET", url: `${jobPath(spId, jobId)}/schema` },
    ...configurationRequests(spId),
  ]);
  const [sp, job, schema, templates, secrets] = results;
  const loadedJob = loadedAnswer(job, jobAnswer, "the job");
  return {
    servicePrincipal: loadedAnswer(sp, servicePrincipalAnswer, "the service principal"),
    job: loadedJob,
    schema: loadedAnswer(schema, schemaAnswer, "the job's schema"),
    configuration: savedConfiguration(loadedJob.ok ? loadedJob.value.templateId : null, templates, secrets),
  };
}

/** The job alone, for polling its status. */
export async function getJob(graph: GraphGateway, spId: string, jobId: string): Promise<SynchronizationJob> {
  return parseAnswer(jobAnswer, await graph.get<unknown>(jobPath(spId, jobId)), "the job");
}

/** Pages of jobs read at most: Graph has never been seen to page an SP's jobs; a bound keeps a loop impossible. */
const MAX_JOB_PAGES = 20;

/** Every job of a service principal, fresh from Graph (follows @odata.nextLink, bounded). */
export async function listJobs(graph: GraphGateway, spId: string): Promise<SynchronizationJob[]> {
  const jobs: SynchronizationJob[] = [];
  let page = await graph.page<unknown>({ path: jobsPath(spId) });
  for (let pages = 1; ; pages++) {
    jobs.push(...parseAnswer(z.array(jobAnswer), page.value, "the jobs of the service principal"));
    if (!page.nextLink || pages >= MAX_JOB_PAGES) return jobs;
    page = await graph.page<unknown>({ nextLink: page.nextLink });
  }
}
