import { BrowserCacheLocation, type Configuration } from "@azure/msal-browser";
import type { PublicAuthConfig } from "@/lib/config/public-auth-config";

/** MSAL Browser configuration for the console at `origin` (DESIGN §4). */
export function msalConfiguration(config: PublicAuthConfig, origin: string): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      authorityMetadata: config.authorityMetadata,
      redirectUri: `${origin}${config.redirectPath}`,
      // The bridge turns the logout response into a clean landing on "/" (no ?state= in the URL).
      postLogoutRedirectUri: `${origin}${config.redirectPath}`,
    },
    // Tokens live for the tab only; nothing is persisted beyond the browser session.
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
  };
}
