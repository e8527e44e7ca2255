import type { PublicAuthConfig } from "./public-auth-config";

/**
 * What a Graph call is for: managing provisioning (every screen), or reading logs and audits (asks for more).
 * Its own module: the browser imports it, and public-auth-config.ts's values bring the server's config parsing.
 */
export type GraphPurpose = "manage" | "logs";

export const scopesFor = (config: Pick<PublicAuthConfig, "scopes" | "logsScopes">, purpose: GraphPurpose) => (purpose === "logs" ? config.logsScopes : config.scopes);
