import "server-only";
import { decodeJwt } from "jose";
import { graphResource, isGuid, ConfigError, type RuntimeConfig } from "@/lib/config/runtime-config";
import { authorityMetadata } from "@/lib/config/public-auth-config";
import type { ActionError } from "@/lib/errors/action-result";

/**
 * Whether a Graph access token was issued for this console: its tenant, to its app, for Graph, not expired. Read
 * from the token's claims without checking the signature (Graph does that on every request); it keeps work the
 * server does on a caller's behalf (the fleet scan) for the callers it serves.
 */

/** Microsoft Graph's application id, the audience of v2.0 Graph tokens (v1.0 tokens name its resource URI). */
const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
/** A token this far past its expiry is refused; less is clock skew, which Graph tolerates too. */
const CLOCK_SKEW_SECONDS = 300;

function refused(message: string): ActionError {
  return { kind: "unauthenticated", status: 401, code: "InvalidAuthenticationToken", message };
}

const resolvedTenants = new Map<string, Promise<string>>();

/** The configured tenant's id: ENTRA_TENANT_ID when it is a GUID, else the tenant the authority's metadata issues for. */
export function configuredTenantId(config: RuntimeConfig): Promise<string> {
  if (isGuid(config.tenantId)) return Promise.resolve(config.tenantId.toLowerCase());
  const url = config.authorityMetadataUrl ?? `${config.authority}/v2.0/.well-known/openid-configuration`;
  let resolved = resolvedTenants.get(url);
  if (!resolved) {
    resolved = authorityMetadata(url).then((json) => {
      const issuer = (JSON.parse(json) as { issuer?: unknown }).issuer;
      const id = typeof issuer === "string" ? issuer.split("/").find(isGuid) : undefined;
      if (!id) throw new ConfigError("ENTRA_TENANT_ID", `the sign-in metadata at ${url} names no tenant id in its issuer.`);
      return id.toLowerCase();
    });
    resolved.catch(() => resolvedTenants.delete(url));
    resolvedTenants.set(url, resolved);
  }
  return resolved;
}

/** Null when the token is one this console's sign-in issues; otherwise why not (a 401 for the caller). */
export function tokenRefusal(token: string, config: RuntimeConfig, tenantId: string, now = Date.now()): ActionError | null {
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(token);
  } catch {
    return refused("The token is not a Microsoft Graph access token (a JWT). Sign in again.");
  }
  if (typeof claims.exp !== "number" || claims.exp + CLOCK_SKEW_SECONDS < now / 1000) return refused("The Graph access token has expired. Sign in again.");
  const audiences = new Set([GRAPH_APP_ID, graphResource(config.graphBaseUrl), `${graphResource(config.graphBaseUrl)}/`]);
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audience.some((aud) => typeof aud === "string" && audiences.has(aud))) return refused("The access token is not for this console's Microsoft Graph.");
  if (typeof claims.tid !== "string" || claims.tid.toLowerCase() !== tenantId) return refused("The Graph access token was issued for another tenant than this console's.");
  const app = claims.appid ?? claims.azp;
  if (typeof app !== "string" || app.toLowerCase() !== config.clientId.toLowerCase()) return refused("The Graph access token was issued to another application than this console.");
  return null;
}
