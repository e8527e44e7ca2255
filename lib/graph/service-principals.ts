import type { ServicePrincipal, SynchronizationJob, SynchronizationTemplate } from "@microsoft/microsoft-graph-types-beta";
import { segment, type GraphGateway, type GraphPage } from "./gateway";
import * as z from "zod/mini";
import { jobAnswer, listOf, loadedAnswer, mapLoaded, parseAnswer, secretPairAnswer, servicePrincipalAnswer, templateAnswer, type Loaded } from "./answers";
import { secretKeysOfTemplates } from "@/lib/configure/fields";
import { toSavedSecrets, type SavedSecret } from "@/lib/configure/saved-secrets";

export const PAGE_SIZE = 100;
/** Only the fields the list shows. */
export const LIST_SELECT = "id,appId,displayName,publisherName";
export const DETAIL_SELECT =
  "id,appId,displayName,publisherName,homepage,preferredSingleSignOnMode,tags,servicePrincipalType,applicationTemplateId,accountEnabled";
const EVENTUAL = { ConsistencyLevel: "eventual" };

export type ServicePrincipalRow = Pick<ServicePrincipal, "id" | "appId" | "displayName" | "publisherName">;

/** `$search` wants `"displayName:term"`; quotes and backslashes in the term would end the phrase early. */
export function searchClause(term: string): string | undefined {
  const cleaned = term.replace(/["\\]/g, " ").replace(/\s+/g, " ").trim().slice(0, 120);
  return cleaned ? `"displayName:${cleaned}"` : undefined;
}

/** One page of service principals; ConsistencyLevel is resent on every page because Graph does not carry it. */
export async function listServicePrincipals(graph: GraphGateway, options: { search?: string; nextLink?: string }): Promise<GraphPage<ServicePrincipalRow>> {
  const start = options.nextLink
    ? { nextLink: options.nextLink }
    : { path: "/servicePrincipals", query: { $select: LIST_SELECT, $top: PAGE_SIZE, $count: true, $search: searchClause(options.search ?? "") } };
  const page = await graph.page<unknown>(start, EVENTUAL);
  return { ...page, value: parseAnswer(z.array(servicePrincipalAnswer), page.value, "the service principals") };
}

export const jobsPath = (spId: string) => `/servicePrincipals/${segment(spId)}/synchronization/jobs`;
export const templatesPath = (spId: string) => `/servicePrincipals/${segment(spId)}/synchronization/templates`;
export const jobPath = (spId: string, jobId: string) => `${jobsPath(spId)}/${segment(jobId)}`;
/** The service principal's saved admin credentials and settings (shared by all its jobs). */
export const secretsPath = (spId: string) => `/servicePrincipals/${segment(spId)}/synchronization/secrets`;

const jobList = listOf(jobAnswer);
export const templateList = listOf(templateAnswer);
export const secretPairList = listOf(secretPairAnswer);

/** Each service principal's jobs, for the list's provisioning column: one $batch per 20 ids. */
export async function jobsOfServicePrincipals(graph: GraphGateway, ids: string[]): Promise<Record<string, Loaded<SynchronizationJob[]>>> {
  const results = await graph.batch(ids.map((id) => ({ id, method: "GET" as const, url: jobsPath(id) })));
  return Object.fromEntries(results.map((result) => [result.id, loadedAnswer(result, jobList, "the jobs of a service principal")]));
}

export interface ServicePrincipalOverview {
  servicePrincipal: Loaded<ServicePrincipal>;
  templates: Loaded<SynchronizationTemplate[]>;
  jobs: Loaded<SynchronizationJob[]>;
  /** Which admin credentials are saved (secret values masked: never kept by the console). */
  secrets: Loaded<SavedSecret[]>;
}

/** Everything the service principal page shows, in one Graph round trip. */
export async function servicePrincipalOverview(graph: GraphGateway, id: string): Promise<ServicePrincipalOverview> {
  const [servicePrincipal, templates, jobs, secrets] = await graph.batch([
    { id: "sp", method: "GET", url: `/servicePrincipals/${segment(id)}?$select=${DETAIL_SELECT}` },
    { id: "templates", method: "GET", url: templatesPath(id) },
    { id: "jobs", method: "GET", url: jobsPath(id) },
    { id: "secrets", method: "GET", url: secretsPath(id) },
  ]);
  const loadedTemplates = loadedAnswer(templates, templateList, "its synchronization templates");
  const secretKeys = secretKeysOfTemplates(loadedTemplates.ok ? loadedTemplates.value : []);
  return {
    servicePrincipal: loadedAnswer(servicePrincipal, servicePrincipalAnswer, "the service principal"),
    templates: loadedTemplates,
    jobs: loadedAnswer(jobs, jobList, "its synchronization jobs"),
    secrets: mapLoaded(loadedAnswer(secrets, secretPairList, "its saved credentials"), (pairs) => toSavedSecrets(pairs, secretKeys)),
  };
}
