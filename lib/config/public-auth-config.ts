import { DIRECTORY_GRAPH_SCOPES, GRAPH_SCOPES, LOGS_GRAPH_SCOPES, REDIRECT_PATH, graphResource, type RuntimeConfig } from "./runtime-config";

/** What the browser needs to sign in and call Graph; never contains a secret. */
export interface PublicAuthConfig {
  clientId: string;
  authority: string;
  knownAuthorities: string[];
  /** The authority's openid-configuration as JSON, when MSAL must not discover it itself. */
  authorityMetadata?: string;
  redirectPath: string;
  scopes: string[];
  /** `scopes` and the logs' permissions, asked for when a logs screen opens. */
  logsScopes: string[];
  /** `scopes` and the permission to search people and groups, asked for when such a screen opens. */
  directoryScopes: string[];
  graphBaseUrl: string;
  graphApiVersion: RuntimeConfig["graphApiVersion"];
}

const METADATA_TTL_MS = 5 * 60_000;
const metadataCache = new Map<string, { json: string; expires: number }>();

/** An authority's openid-configuration as JSON text, cached for a few minutes. */
export async function authorityMetadata(url: string): Promise<string> {
  const cached = metadataCache.get(url);
  if (cached && cached.expires > Date.now()) return cached.json;
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    throw new Error(`Could not read the sign-in metadata at ${url} (from ENTRA_AUTHORITY_METADATA_URL or ENTRA_AUTHORITY): ${(error as Error).message}`);
  }
  if (!response.ok) {
    throw new Error(`The sign-in metadata at ${url} (from ENTRA_AUTHORITY_METADATA_URL or ENTRA_AUTHORITY) answered HTTP ${response.status}.`);
  }
  const json = JSON.stringify(await response.json());
  metadataCache.set(url, { json, expires: Date.now() + METADATA_TTL_MS });
  return json;
}

/** Graph scopes as Entra expects them: fully qualified by Graph's resource URI. */
function graphScopes(graphBaseUrl: string, names: readonly string[]): string[] {
  return names.map((scope) => `${graphResource(graphBaseUrl)}/${scope}`);
}

export async function toPublicAuthConfig(config: RuntimeConfig): Promise<PublicAuthConfig> {
  return {
    clientId: config.clientId,
    authority: config.authority,
    knownAuthorities: config.authorityMetadataUrl ? [new URL(config.authority).host] : [],
    authorityMetadata: config.authorityMetadataUrl ? await authorityMetadata(config.authorityMetadataUrl) : undefined,
    redirectPath: REDIRECT_PATH,
    scopes: graphScopes(config.graphBaseUrl, GRAPH_SCOPES),
    logsScopes: graphScopes(config.graphBaseUrl, [...GRAPH_SCOPES, ...LOGS_GRAPH_SCOPES]),
    directoryScopes: graphScopes(config.graphBaseUrl, [...GRAPH_SCOPES, ...DIRECTORY_GRAPH_SCOPES]),
    graphBaseUrl: config.graphBaseUrl,
    graphApiVersion: config.graphApiVersion,
  };
}
