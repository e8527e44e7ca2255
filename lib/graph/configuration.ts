import type { SynchronizationJob, SynchronizationTemplate } from "@microsoft/microsoft-graph-types-beta";
import { credentialFieldsOf, secretKeysOf, type CredentialFields } from "@/lib/configure/fields";
import { toSavedSecrets, type SavedSecret } from "@/lib/configure/saved-secrets";
import { jobAnswer, loadedAnswer, mapLoaded, type Loaded } from "./answers";
import { isUnreadableAnswer, type BatchRequest, type BatchResult, type GraphGateway, type GraphRequest } from "./gateway";
import { GraphError } from "./graph-error";
import { jobPath, secretPairList, secretsPath, templateList, templatesPath } from "./service-principals";

/**
 * A job's configuration (SYNC-API §3.1, §3.4): the admin credentials its template asks for, the service
 * principal's saved secrets (`GET …/synchronization/secrets`, masked again here: the console never keeps a
 * secret value), `PUT …/synchronization/secrets` (replaces the whole set) and `POST …/jobs/{id}/validateCredentials`.
 */

export interface SavedConfiguration {
  /** The job's template, when the service principal still has it. */
  template: SynchronizationTemplate | null;
  fields: CredentialFields;
  saved: SavedSecret[];
}

/** The two reads a job's configuration needs besides the job: put them in the same `$batch`. */
export const configurationRequests = (spId: string): BatchRequest[] => [
  { id: "templates", method: "GET", url: templatesPath(spId) },
  { id: "secrets", method: "GET", url: secretsPath(spId) },
];

/** The configuration from a `$batch`'s templates and secrets answers, for the job's template. */
export function savedConfiguration(templateId: string | null | undefined, templates: BatchResult<unknown>, secrets: BatchResult<unknown>): Loaded<SavedConfiguration> {
  const loadedTemplates = loadedAnswer(templates, templateList, "the synchronization templates");
  if (!loadedTemplates.ok) return loadedTemplates;
  const template = loadedTemplates.value.find((candidate) => candidate.id === templateId) ?? null;
  const fields = credentialFieldsOf(template);
  return mapLoaded(loadedAnswer(secrets, secretPairList, "the saved credentials"), (pairs) => ({
    template,
    fields,
    saved: toSavedSecrets(pairs, secretKeysOf(fields.fields)),
  }));
}

/** The job and its configuration in one round trip, for a server action about to test or save: any failure throws. */
export async function jobConfiguration(graph: GraphGateway, spId: string, jobId: string): Promise<SavedConfiguration & { job: SynchronizationJob }> {
  const [job, templates, secrets] = await graph.batch([{ id: "job", method: "GET", url: jobPath(spId, jobId) }, ...configurationRequests(spId)]);
  const loadedJob = loadedAnswer(job, jobAnswer, "the job");
  if (!loadedJob.ok) throw new GraphError(loadedJob.error);
  const configuration = savedConfiguration(loadedJob.value.templateId, templates, secrets);
  if (!configuration.ok) throw new GraphError(configuration.error);
  return { job: loadedJob.value, ...configuration.value };
}

export interface SecretPair {
  key: string;
  value: string | null;
}

/** Sends one request whose answer is 204; a 2xx body that is not JSON still means Graph did it. */
async function send(graph: GraphGateway, request: GraphRequest): Promise<void> {
  try {
    await graph.request<unknown>(request);
  } catch (error) {
    if (!isUnreadableAnswer(error)) throw error;
  }
}

/** `PUT …/synchronization/secrets {"value":[…]}`: replaces every saved pair (there is no PATCH). 204. */
export async function putSecrets(graph: GraphGateway, spId: string, pairs: readonly SecretPair[]): Promise<void> {
  await send(graph, { method: "PUT", path: secretsPath(spId), body: { value: pairs } });
}

/**
 * `POST …/jobs/{id}/validateCredentials`: the connector tries the credentials and saves nothing. 204 when it
 * connects; a refusal is Graph's error (the connector's code and message). With `useSavedCredentials`, Graph
 * ignores `credentials` and tries the saved ones.
 */
export async function validateCredentials(
  graph: GraphGateway,
  spId: string,
  jobId: string,
  body: { useSavedCredentials: boolean; credentials: readonly SecretPair[] },
): Promise<void> {
  await send(graph, { method: "POST", path: `${jobPath(spId, jobId)}/validateCredentials`, body });
}
