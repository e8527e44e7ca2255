import type { PublicAuthConfig } from "./public-auth-config";

/**
 * The console layout writes the public sign-in configuration into the page as a JSON data block, so that code
 * running before React (instrumentation-client.ts) can start MSAL and the page's first Graph reads.
 */
export const AUTH_CONFIG_ELEMENT_ID = "console-auth-config";

/** The config as the data block's text: `<` escaped, so that no value can close the element. */
export const authConfigJson = (config: PublicAuthConfig) => JSON.stringify(config).replace(/</g, "\\u003c");

/** The config from the data block's text, or null without one (the sign-in bridge, or the document not parsed that far). */
export function parseAuthConfig(text: string | null | undefined): PublicAuthConfig | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as PublicAuthConfig;
  } catch {
    return null;
  }
}
