import type { PublicAuthConfig } from "./public-auth-config";

/**
 * What a Graph call is for: managing provisioning (every screen), reading logs and audits, or searching people and
 * groups (the last two ask for more). Its own module: the browser imports it, and public-auth-config.ts's values
 * bring the server's config parsing.
 */
export type GraphPurpose = "manage" | "logs" | "directory";

const SCOPES_OF = { manage: "scopes", logs: "logsScopes", directory: "directoryScopes" } as const satisfies Record<GraphPurpose, keyof PublicAuthConfig>;

export const scopesFor = (config: Pick<PublicAuthConfig, (typeof SCOPES_OF)[GraphPurpose]>, purpose: GraphPurpose) => config[SCOPES_OF[purpose]];
