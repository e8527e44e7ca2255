"use server";

import { credentialPairs, credentialProblems } from "@/lib/configure/credential-problems";
import { buildSecretsPut } from "@/lib/configure/secrets-put";
import { jobConfiguration, putSecrets, validateCredentials } from "@/lib/graph/configuration";
import type { GraphGateway } from "@/lib/graph/gateway";
import { GraphError } from "@/lib/graph/graph-error";
import { invalidInput, type ActionResult } from "@/lib/errors/action-result";
import { ActionFailure } from "@/lib/server/graph-for-token";
import {
  saveConfigurationInput,
  testConnectionInput,
  typedSecrets,
  type SaveConfigurationInput,
  type SaveConfigurationResult,
  type TestConnectionInput,
  type TestConnectionResult,
} from "./configure-job-schema";
import { runGraphAction } from "./run-graph-action";

/**
 * A job's admin credentials and provisioning settings (SYNC-API §3.1 validateCredentials, §3.4 secrets).
 * Both actions read the job, its template and the saved secrets first (one `$batch`), check the typed values
 * against the template's fields, and only then send them. Typed values are redacted from every message and
 * never returned: results carry key names only.
 */

/** The reads before a test or a save change nothing: their failure is never ambiguous. */
async function readConfiguration(graph: GraphGateway, servicePrincipalId: string, jobId: string) {
  try {
    return await jobConfiguration(graph, servicePrincipalId, jobId);
  } catch (error) {
    if (error instanceof GraphError) throw new ActionFailure(error.info);
    throw error;
  }
}

/** Refuses the first field the template's rules refuse, before the values are sent. */
function refuseProblems(problems: Record<string, string>): void {
  const [first] = Object.entries(problems);
  if (first) throw new ActionFailure(invalidInput(`credentials.${first[0]}`, first[1]));
}

/**
 * `POST …/jobs/{id}/validateCredentials`: the connector tries the typed credentials (`useSavedCredentials:
 * false`) or the saved ones. Saves nothing. A refusal is Graph's error with the connector's code and message.
 */
export async function testConnection(token: string, input: TestConnectionInput): Promise<ActionResult<TestConnectionResult>> {
  return runGraphAction(
    token,
    input,
    testConnectionInput,
    async (graph, { servicePrincipalId, jobId, useSavedCredentials, credentials = {} }): Promise<TestConnectionResult> => {
      if (useSavedCredentials) {
        await validateCredentials(graph, servicePrincipalId, jobId, { useSavedCredentials: true, credentials: [] });
        return { tested: "saved" };
      }
      const { fields } = await readConfiguration(graph, servicePrincipalId, jobId);
      refuseProblems(credentialProblems(fields.fields, credentials, "test"));
      await validateCredentials(graph, servicePrincipalId, jobId, { useSavedCredentials: false, credentials: credentialPairs(fields.fields, credentials) });
      return { tested: "typed" };
    },
    { name: "testConnection", mutates: false, secretsOf: typedSecrets },
  );
}

/**
 * `PUT …/synchronization/secrets` with the whole set: the typed credentials, the settings, and each saved pair
 * the screen does not own unless Graph masked it (lib/configure/secrets-put.ts). Saved secrets must be typed
 * again. PUT replaces the set, so saving again after an ambiguous failure is safe.
 */
export async function saveConfiguration(token: string, input: SaveConfigurationInput): Promise<ActionResult<SaveConfigurationResult>> {
  return runGraphAction(
    token,
    input,
    saveConfigurationInput,
    async (graph, { servicePrincipalId, jobId, credentials, settings }): Promise<SaveConfigurationResult> => {
      const { fields, saved } = await readConfiguration(graph, servicePrincipalId, jobId);
      refuseProblems(credentialProblems(fields.fields, credentials, "save", saved));
      const put = buildSecretsPut({ fields: fields.fields, saved, credentials, settings });
      await putSecrets(graph, servicePrincipalId, put.pairs);
      return { savedKeys: put.pairs.map((pair) => pair.key), droppedKeys: put.dropped, scopeChanged: put.scopeChanged };
    },
    { name: "saveConfiguration", secretsOf: typedSecrets },
  );
}
