import { PublicClientApplication } from "@azure/msal-browser";
import type { PublicAuthConfig } from "@/lib/config/public-auth-config";
import { msalConfiguration } from "./msal-config";

export interface MsalStartup {
  instance: PublicClientApplication;
  /** Why the sign-in redirect that brought us here failed, if it did. */
  redirectError?: unknown;
}

let startup: Promise<MsalStartup> | undefined;

/**
 * The one MSAL instance of the tab: created, initialised, its redirect response handled and the active
 * account set before anything renders MsalProvider (MsalProvider would swallow redirect errors).
 */
export function startMsal(config: PublicAuthConfig): Promise<MsalStartup> {
  startup ??= (async () => {
    const instance = new PublicClientApplication(msalConfiguration(config, window.location.origin));
    await instance.initialize();
    let redirectError: unknown;
    try {
      const result = await instance.handleRedirectPromise();
      if (result?.account) instance.setActiveAccount(result.account);
    } catch (error) {
      redirectError = error;
    }
    if (!instance.getActiveAccount()) {
      const [first] = instance.getAllAccounts();
      if (first) instance.setActiveAccount(first);
    }
    return { instance, redirectError };
  })();
  startup.catch(() => {
    startup = undefined;
  });
  return startup;
}
