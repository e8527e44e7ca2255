import {
  AuthError,
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import { describe, expect, it, vi } from "vitest";
import { grantedScopes, subscribeGrantedScopes } from "./granted-scopes";
import { acquireGraphToken, SignInRequiredError } from "./graph-token";

const account = { homeAccountId: "oid.tid", username: "adele@contoso.example" } as AccountInfo;
const scopes = ["https://graph.microsoft.com/Application.Read.All"];

/** A stand-in for MSAL's PublicClientApplication: MSAL is outside the unit under test. */
function fakeMsal(overrides: Partial<IPublicClientApplication>): IPublicClientApplication {
  return {
    getActiveAccount: () => account,
    getAllAccounts: () => [account],
    acquireTokenSilent: vi.fn(async () => ({ accessToken: "silent-token" })),
    acquireTokenRedirect: vi.fn(async () => undefined),
    ...overrides,
  } as unknown as IPublicClientApplication;
}

describe("acquireGraphToken", () => {
  it("returns the silently acquired token for the active account and the requested scopes", async () => {
    const msal = fakeMsal({});
    await expect(acquireGraphToken(msal, scopes, "http://console/x")).resolves.toBe("silent-token");
    expect(msal.acquireTokenSilent).toHaveBeenCalledWith({ account, scopes });
    expect(msal.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it("skips the cache when asked to, for the retry after Graph refused a token", async () => {
    const msal = fakeMsal({});
    await acquireGraphToken(msal, scopes, "http://console/x", { forceRefresh: true });
    expect(msal.acquireTokenSilent).toHaveBeenCalledWith({ account, scopes, forceRefresh: true });
  });

  it("falls back to the first cached account when none is active", async () => {
    const msal = fakeMsal({ getActiveAccount: () => null });
    await acquireGraphToken(msal, scopes, "http://console/x");
    expect(msal.acquireTokenSilent).toHaveBeenCalledWith({ account, scopes });
  });

  it("refuses before calling MSAL when nobody is signed in", async () => {
    const msal = fakeMsal({ getActiveAccount: () => null, getAllAccounts: () => [] });
    await expect(acquireGraphToken(msal, scopes)).rejects.toBeInstanceOf(SignInRequiredError);
    expect(msal.acquireTokenSilent).not.toHaveBeenCalled();
  });

  it("starts an interactive redirect back to the current page when Entra needs the user", async () => {
    const needed = new InteractionRequiredAuthError("consent_required", "corr-4", "AADSTS65001: consent required");
    const msal = fakeMsal({ acquireTokenSilent: vi.fn(async () => Promise.reject(needed)) });
    await expect(acquireGraphToken(msal, scopes, "http://console/service-principals/1")).rejects.toBe(needed);
    expect(msal.acquireTokenRedirect).toHaveBeenCalledWith({
      account,
      scopes,
      redirectStartPage: "http://console/service-principals/1",
    });
  });

  it("passes other MSAL failures through without interaction", async () => {
    const network = new AuthError("no_network_connectivity", "corr-5", "offline");
    const msal = fakeMsal({ acquireTokenSilent: vi.fn(async () => Promise.reject(network)) });
    await expect(acquireGraphToken(msal, scopes, "http://console/x")).rejects.toBe(network);
    expect(msal.acquireTokenRedirect).not.toHaveBeenCalled();
  });
});

describe("granted scopes", () => {
  it("records the scopes of every token it gets, for screens that only need to know what the admin may do", async () => {
    const seen: (readonly string[] | undefined)[] = [];
    const unsubscribe = subscribeGrantedScopes(() => seen.push(grantedScopes()));
    const granted = ["Application.Read.All", "Synchronization.Read.All"];
    await acquireGraphToken(fakeMsal({ acquireTokenSilent: vi.fn(async () => ({ accessToken: "t", scopes: granted })) as never }), scopes, "http://console/x");
    expect(grantedScopes()).toEqual(granted);
    // The same scopes again notify nobody; a response without scopes keeps what is known.
    await acquireGraphToken(fakeMsal({ acquireTokenSilent: vi.fn(async () => ({ accessToken: "t", scopes: [...granted] })) as never }), scopes, "http://console/x");
    await acquireGraphToken(fakeMsal({ acquireTokenSilent: vi.fn(async () => ({ accessToken: "t", scopes: [] })) as never }), scopes, "http://console/x");
    expect(seen).toEqual([granted]);
    expect(grantedScopes()).toEqual(granted);
    unsubscribe();
  });
});
