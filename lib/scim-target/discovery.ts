import SCIMMY from "scimmy";
import { MAX_BODY_BYTES } from "./http";
import { RESOURCE_TYPES, SCHEMA_DEFINITIONS } from "./schema";

/** The most resources one list answer holds (`count` is capped to it): ServiceProviderConfig `filter.maxResults`. */
export const MAX_RESULTS = 1_000;

export const LIST_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

export interface Discovery {
  serviceProviderConfig: unknown;
  schemas: Map<string, unknown>;
  resourceTypes: Map<string, unknown>;
}

/**
 * The discovery documents (RFC 7644 §4, RFC 7643 §5–7), written by scimmy from its schema definitions and
 * resource types, with this target's base URL in `meta.location`. Built once per target: they never change.
 */
export function buildDiscovery(base: string): Discovery {
  const serviceProviderConfig = JSON.parse(
    JSON.stringify(
      new SCIMMY.Schemas.ServiceProviderConfig(
        {
          patch: { supported: true },
          bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
          filter: { supported: true, maxResults: MAX_RESULTS },
          changePassword: { supported: false },
          sort: { supported: true },
          etag: { supported: true },
          authenticationSchemes: [
            {
              type: "oauthbearertoken",
              name: "OAuth Bearer Token",
              description: `Authentication with a bearer token in the Authorization header (RFC 6750). Request bodies up to ${MAX_BODY_BYTES} bytes.`,
              specUri: "https://www.rfc-editor.org/rfc/rfc6750",
            },
          ],
        },
        `${base}/ServiceProviderConfig`,
      ),
    ),
  );
  const schemas = new Map(SCHEMA_DEFINITIONS.map((d) => [d.id, JSON.parse(JSON.stringify(d.describe(`${base}/Schemas`)))]));
  const resourceTypes = new Map(
    RESOURCE_TYPES.map((t) => [t.name, JSON.parse(JSON.stringify(new SCIMMY.Schemas.ResourceType(t.Resource.describe(), `${base}/ResourceTypes`)))]),
  );
  return { serviceProviderConfig, schemas, resourceTypes };
}

/** RFC 7644 §4: discovery lists are ListResponses, not filtered, not paged. */
export function listOf(resources: unknown[]): unknown {
  return { schemas: [LIST_RESPONSE_SCHEMA], totalResults: resources.length, itemsPerPage: resources.length, startIndex: 1, Resources: resources };
}
