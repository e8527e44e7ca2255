import { endpointRefusal, scimEndpoint } from "../connectors/scim/endpoint";
import { probeAttribute, testConnection } from "../connectors/scim/probe";
import { credentialErrorFor, type SecretPair } from "./credentials";
import type { SyncError } from "./types";

/** A job's connection to its target: which template, which connector, which schema (whose matching attribute Test connection queries). */
export interface ConnectionTarget {
  templateId: string;
  factoryTag: string | null;
  schema: unknown;
}

/**
 * What saved credentials mean for a job without calling anything: a SCIM job with its own endpoint is only
 * refused here for an address the emulator will not call (the endpoint itself answers at Test connection, Start
 * and each cycle); every other job is judged by its embedded target.
 */
export function credentialErrorOf(target: ConnectionTarget, secrets: readonly SecretPair[]): SyncError | null {
  const endpoint = scimEndpoint(target.templateId, secrets);
  return endpoint ? endpointRefusal(endpoint) : credentialErrorFor(secrets, target.factoryTag);
}

/** Test connection: a SCIM endpoint is called (its answer judged as Entra does); an embedded target compares. */
export async function testCredentials(target: ConnectionTarget, secrets: readonly SecretPair[]): Promise<SyncError | null> {
  const endpoint = scimEndpoint(target.templateId, secrets);
  return endpoint ? testConnection(endpoint, probeAttribute(target.schema)) : credentialErrorFor(secrets, target.factoryTag);
}
