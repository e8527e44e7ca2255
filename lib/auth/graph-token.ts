import { InteractionRequiredAuthError, type IPublicClientApplication } from "@azure/msal-browser";
import type { TokenSources } from "./call-with-token";
import { recordGrantedScopes } from "./granted-scopes";

export class SignInRequiredError extends Error {
  constructor() {
    super("You are not signed in.");
    this.name = "SignInRequiredError";
  }
}

/**
 * The one way the console gets a Graph access token: silently from MSAL's cache or refresh token; when
 * Entra needs the user (consent, MFA, expired session) it starts an interactive redirect, which leaves the page.
 */
export async function acquireGraphToken(
  instance: IPublicClientApplication,
  scopes: string[],
  returnTo: string = globalThis.location?.href ?? "/",
  options: { forceRefresh?: boolean } = {},
): Promise<string> {
  const account = instance.getActiveAccount() ?? instance.getAllAccounts()[0];
  if (!account) throw new SignInRequiredError();
  try {
    // forceRefresh skips MSAL's cache: for the one retry after Graph refused the cached token (401).
    const result = await instance.acquireTokenSilent({ account, scopes, ...(options.forceRefresh ? { forceRefresh: true } : {}) });
    recordGrantedScopes(result.scopes);
    return result.accessToken;
  } catch (error) {
    if (error instanceof InteractionRequiredAuthError) {
      await instance.acquireTokenRedirect({ account, scopes, redirectStartPage: returnTo });
      // acquireTokenRedirect navigates away; nothing after it runs in this page.
      throw error;
    }
    throw error;
  }
}

/** The admin's tokens for `scopes`: MSAL's (cached or silently renewed), and a fresh one for the one retry after a 401. */
export function graphTokenSources(instance: IPublicClientApplication, scopes: string[]): TokenSources {
  return {
    getToken: () => acquireGraphToken(instance, scopes),
    refreshToken: () => acquireGraphToken(instance, scopes, undefined, { forceRefresh: true }),
  };
}
