import { z } from "zod";

/** Where MSAL sends sign-in responses; registered as the SPA redirect URI (`<origin>/auth/bridge`). */
export const REDIRECT_PATH = "/auth/bridge";

/** Delegated Graph permissions the console asks for. */
export const GRAPH_SCOPES = ["Application.Read.All", "Synchronization.ReadWrite.All"] as const;
/** Asked for on top of GRAPH_SCOPES only when a logs screen opens (incremental consent): provisioning logs and audits. */
export const LOGS_GRAPH_SCOPES = ["AuditLog.Read.All", "Directory.Read.All"] as const;
/**
 * Asked for on top of GRAPH_SCOPES when a screen searches people and groups (provision on demand): users, groups
 * and group members. Directory.Read.All because it is the one permission every version of Microsoft's list-users,
 * list-groups and list-members pages accepts (the beta pages take no GroupMember.Read.All); the logs ask for it too.
 */
export const DIRECTORY_GRAPH_SCOPES = ["Directory.Read.All"] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_NAME = /^(?=.{3,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

export interface RuntimeConfig {
  clientId: string;
  tenantId: string;
  /** Entra authority, always https (MSAL refuses anything else). */
  authority: string;
  /** Where to read the authority's openid-configuration when its host is not Entra's (the embedded provider). */
  authorityMetadataUrl?: string;
  /** Graph origin without a trailing slash, e.g. https://graph.microsoft.com */
  graphBaseUrl: string;
  graphApiVersion: "beta" | "v1.0";
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

function origin(variable: string, value: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(variable, `"${value}" is not a URL.`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(variable, `must use ${protocols.join(" or ")} (got "${url.protocol}").`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(variable, "must not carry a query, fragment or credentials.");
  }
  return url.href.replace(/\/+$/, "");
}

const env = z.object({
  ENTRA_CLIENT_ID: z.string().optional(),
  ENTRA_TENANT_ID: z.string().optional(),
  ENTRA_AUTHORITY: z.string().optional(),
  ENTRA_AUTHORITY_METADATA_URL: z.string().optional(),
  GRAPH_BASE_URL: z.string().optional(),
  GRAPH_API_VERSION: z.string().optional(),
});

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Reads the console's configuration from the environment; throws a ConfigError naming the variable at fault. */
export function parseRuntimeConfig(source: Record<string, string | undefined>): RuntimeConfig {
  const vars = env.parse(source);
  const clientId = blank(vars.ENTRA_CLIENT_ID);
  if (!clientId) throw new ConfigError("ENTRA_CLIENT_ID", "is not set. Set it to your app registration's Application (client) ID.");
  if (!GUID.test(clientId)) throw new ConfigError("ENTRA_CLIENT_ID", `"${clientId}" is not a GUID (Application (client) ID).`);

  const tenantId = blank(vars.ENTRA_TENANT_ID);
  if (!tenantId) throw new ConfigError("ENTRA_TENANT_ID", "is not set. Set it to your Directory (tenant) ID or primary domain.");
  if (!GUID.test(tenantId) && !TENANT_NAME.test(tenantId)) {
    throw new ConfigError("ENTRA_TENANT_ID", `"${tenantId}" is neither a GUID nor a domain name such as contoso.onmicrosoft.com.`);
  }

  const authority = origin("ENTRA_AUTHORITY", blank(vars.ENTRA_AUTHORITY) ?? `https://login.microsoftonline.com/${tenantId}`, ["https:"]);
  const metadataUrl = blank(vars.ENTRA_AUTHORITY_METADATA_URL);
  const graphVersion = blank(vars.GRAPH_API_VERSION) ?? "beta";
  if (graphVersion !== "beta" && graphVersion !== "v1.0") {
    throw new ConfigError("GRAPH_API_VERSION", `must be "beta" or "v1.0" (got "${graphVersion}").`);
  }

  return {
    clientId,
    tenantId,
    authority,
    authorityMetadataUrl: metadataUrl
      ? new URL(origin("ENTRA_AUTHORITY_METADATA_URL", metadataUrl, ["https:", "http:"])).href
      : undefined,
    graphBaseUrl: origin("GRAPH_BASE_URL", blank(vars.GRAPH_BASE_URL) ?? "https://graph.microsoft.com", ["https:", "http:"]),
    graphApiVersion: graphVersion,
  };
}
