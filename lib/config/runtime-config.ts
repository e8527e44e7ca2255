import { z } from "zod";
import { isLoopbackHostname } from "./loopback";

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

/**
 * The embedded emulator's client (lib/emulator/identity/client.ts; a test keeps the two equal): only it may call a
 * Graph on plain http, and only on a loopback address.
 */
export const EMBEDDED_CLIENT_ID = "3f4e8a21-6b0c-4d9e-8f7a-2b1c0d9e8f7a";

/** Microsoft Graph's global service: the default Graph, and the resource the embedded emulator stands in for. */
const GLOBAL_GRAPH = "https://graph.microsoft.com";
/** Microsoft Graph in each national cloud (Microsoft Graph national cloud deployments). */
export const GRAPH_CLOUD_HOSTS = ["graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us", "microsoftgraph.chinacloudapi.cn"] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/**
 * Graph's resource URI, as scopes and token audiences name it: the configured cloud's. The embedded emulator (plain
 * http on loopback, the only http parseRuntimeConfig accepts) stands in for graph.microsoft.com.
 */
export function graphResource(graphBaseUrl: string): string {
  return graphBaseUrl.startsWith("https://") ? graphBaseUrl : GLOBAL_GRAPH;
}
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

/**
 * Graph's origin: https on a Microsoft Graph cloud host, or the embedded emulator (its client, plain http on a
 * loopback address). Anything else would receive the admin's Graph tokens: a leftover `GRAPH_BASE_URL` must stop
 * the console, not send them elsewhere.
 */
function graphOrigin(value: string, clientId: string): string {
  const graph = origin("GRAPH_BASE_URL", value, ["https:", "http:"]);
  const { protocol, hostname, host } = new URL(graph);
  if (protocol === "https:") {
    if ((GRAPH_CLOUD_HOSTS as readonly string[]).includes(hostname)) return graph;
    throw new ConfigError("GRAPH_BASE_URL", `"${host}" is not a Microsoft Graph host (${GRAPH_CLOUD_HOSTS.join(", ")}).`);
  }
  if (clientId === EMBEDDED_CLIENT_ID && isLoopbackHostname(hostname)) return graph;
  throw new ConfigError("GRAPH_BASE_URL", `plain http is only for the embedded emulator on a loopback address (ENTRA_CLIENT_ID unset); use ${GLOBAL_GRAPH} or your cloud's Graph.`);
}

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
    graphBaseUrl: graphOrigin(blank(vars.GRAPH_BASE_URL) ?? GLOBAL_GRAPH, clientId),
    graphApiVersion: graphVersion,
  };
}
