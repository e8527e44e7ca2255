import { randomUUID } from "node:crypto";
import type { SyncError } from "../../engine/types";
import { ScimClient, type ScimClientOptions, type ScimExchange } from "./client";
import { endpointRefusal, type ScimEndpoint } from "./endpoint";
import { filterLiteral } from "./resource";
import { objectMapping } from "../../engine/mapping";
import { NOT_ABLE_TO_CONNECT, VALIDATION_FAILURE, VALIDATION_UNAVAILABLE } from "./codes";
import { receivedResponse } from "./wording";

/**
 * Test connection, as Entra's SCIM client does it (SCIM tutorial: it "queries the SCIM endpoint for a user that
 * doesn't exist, using a random GUID as the matching property … The expected correct response is HTTP 200 OK with
 * an empty SCIM ListResponse message"; it makes the same check at the start of each cycle and before on-demand
 * provisioning). The texts are the ones Entra is seen to send (emulator README: which are documented, which observed).
 */

/** The user mapping's matching attribute: what Test connection queries. */
export const probeAttribute = (schema: unknown) => objectMapping(schema, "user")?.matching?.targetAttributeName ?? "userName";

/** The query of the probe: the user mapping's matching attribute equal to a GUID no account has. */
export const probePath = (matchingAttribute: string) => `/Users?${new URLSearchParams({ filter: `${matchingAttribute} eq ${filterLiteral(randomUUID())}` })}`;

const isEmptyList = (exchange: ScimExchange) => {
  const body = exchange.body;
  return exchange.status === 200 && !exchange.problem && body !== undefined && Array.isArray(body.schemas) && (body.totalResults === 0 || (Array.isArray(body.Resources) && body.Resources.length === 0));
};

/** An endpoint's 401 (or 403) to the credentials, in Entra's words (observed). */
export function refusedCredentials(base: URL, exchange: ScimExchange): SyncError {
  return { code: VALIDATION_FAILURE, message: `While attempting to validate our authorization to access your application, we received this unexpected response: ${receivedResponse(base, exchange)}`, tenantActionable: true };
}

/** What the probe's answer means: null when it passes, else the connector's error. */
export function probeError(endpoint: ScimEndpoint, exchange: ScimExchange): SyncError | null {
  if (isEmptyList(exchange)) return null;
  if (exchange.problem?.kind === "invalidToken") return { code: VALIDATION_FAILURE, message: exchange.problem.detail, tenantActionable: true };
  if (exchange.status === 0) return { code: VALIDATION_UNAVAILABLE, message: NOT_ABLE_TO_CONNECT, tenantActionable: true };
  if (exchange.status === 401 || exchange.status === 403) return refusedCredentials(endpoint.base, exchange);
  return { code: VALIDATION_UNAVAILABLE, message: `We received this unexpected response from your application: ${receivedResponse(endpoint.base, exchange)}`, tenantActionable: true };
}

/** Runs Test connection against the endpoint: null when it passes. */
export async function testConnection(endpoint: ScimEndpoint, matchingAttribute = "userName", options?: ScimClientOptions): Promise<SyncError | null> {
  const refused = endpointRefusal(endpoint);
  if (refused) return refused;
  const client = new ScimClient(endpoint, options);
  return probeError(endpoint, await client.send("GET", probePath(matchingAttribute)));
}
