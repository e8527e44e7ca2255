import { graphTokenSources } from "@/lib/auth/graph-token";
import { startMsal } from "@/lib/auth/msal-instance";
import { scopesFor, type GraphPurpose } from "@/lib/config/graph-purpose";
import type { PublicAuthConfig } from "@/lib/config/public-auth-config";
import { configuredGraphGateway } from "@/lib/graph/gateway";
import { consoleQueryClient } from "@/lib/query/query-client";
import { startRouteReads } from "./route-reads";

/**
 * Before React has hydrated (instrumentation-client.ts): MSAL, then — for a signed-in admin — the page's first
 * Graph reads into the tab's query cache, where the page's hooks find them in flight. Same MSAL instance, same
 * token calls (a consent the read needs redirects as the page itself would), same query options.
 */
export async function startPageReads(config: PublicAuthConfig, pathname: string): Promise<void> {
  const { instance, redirectError } = await startMsal(config);
  if (redirectError !== undefined || !instance.getActiveAccount()) return;
  const tokens = (purpose: GraphPurpose) => graphTokenSources(instance, scopesFor(config, purpose));
  startRouteReads(consoleQueryClient(), pathname, {
    tokens,
    graph: (purpose) => configuredGraphGateway(config, tokens(purpose).getToken),
  });
}
