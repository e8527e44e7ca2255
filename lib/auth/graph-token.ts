import { InteractionRequiredAuthError, type IPublicClientApplication } from "@azure/msal-browser";
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
