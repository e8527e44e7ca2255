import { createRemoteJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { PERSONAS, TENANT_ID } from "../auth/personas";
import { EMBEDDED_CLIENT_ID } from "./client";
import { Browser, CONSOLE_ORIGIN, GRAPH_SCOPES, authorizeRequest, codeRedemption, postToken, refreshRedemption, responseParams, signIn, withIdp, type Idp, type TokenBody } from "@/test/support/identity";

let idp: Idp;
let jwks: ReturnType<typeof createRemoteJWKSet>;
withIdp((running) => ({ idp, jwks } = running));

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, scoped to the tenant path, and holds no token", async () => {
    const browser = new Browser();
    await signIn(idp, browser, "admin");
    const cookie = browser.lastSetCookies.find((c) => c.startsWith("emu_estsauth="));
    expect(cookie).toBeDefined();
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain(`Path=/${TENANT_ID}`);
    expect(cookie!.split(";")[0].split("=")[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("prompt=none (silent renewal in a hidden iframe)", () => {
  it("without a session redirects back with login_required / AADSTS50058 and the state", async () => {
    const request = authorizeRequest(idp, { prompt: "none" });
    const response = await new Browser().fetch(request.url);
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    expect(location.startsWith(`${CONSOLE_ORIGIN}/auth/bridge#`)).toBe(true);
    const params = responseParams(location);
    expect(params.get("error")).toBe("login_required");
    expect(params.get("error_description")).toMatch(/^AADSTS50058: A silent sign-in request was sent but no user is signed in\./);
    expect(params.get("error_uri")).toMatch(/code=50058$/);
    expect(params.get("state")).toBe(request.state);
    expect(params.get("code")).toBeNull();
  });

  it("with the session cookie issues a code without UI, and the tokens carry the new nonce", async () => {
    const browser = new Browser();
    await signIn(idp, browser, "reader");
    const request = authorizeRequest(idp, { prompt: "none", loginHint: PERSONAS.reader.upn, scope: `${GRAPH_SCOPES} openid profile offline_access` });
    const response = await browser.fetch(request.url);
    expect(response.status).toBe(302);
    const params = responseParams(response.headers.get("location"));
    expect(params.get("error")).toBeNull();
    expect(params.get("state")).toBe(request.state);
    const code = params.get("code")!;
    const tokens = (await (await postToken(idp, codeRedemption({ request, code, params }, { scope: `${GRAPH_SCOPES} openid profile offline_access` }))).json()) as TokenBody;
    const { payload } = await jwtVerify(tokens.id_token!, jwks, { audience: EMBEDDED_CLIENT_ID });
    expect(payload.nonce).toBe(request.nonce);
    expect(payload.oid).toBe(PERSONAS.reader.oid);
  });

  it("with a session for someone else than login_hint answers interaction_required", async () => {
    const browser = new Browser();
    await signIn(idp, browser, "reader");
    const response = await browser.fetch(authorizeRequest(idp, { prompt: "none", loginHint: PERSONAS.admin.upn }).url);
    const params = responseParams(response.headers.get("location"));
    expect(params.get("error")).toBe("interaction_required");
    expect(params.get("error_description")).toMatch(/^AADSTS16000: /);
  });

  it("answers in the query for response_mode=query", async () => {
    const response = await new Browser().fetch(authorizeRequest(idp, { prompt: "none", responseMode: "query" }).url);
    expect(responseParams(response.headers.get("location"), "query").get("error")).toBe("login_required");
  });
});

describe("interactive requests with a session", () => {
  it("signs in without UI when no prompt is given (SSO), and shows the picker for prompt=select_account/login", async () => {
    const browser = new Browser();
    await signIn(idp, browser, "nosync");
    const sso = await browser.fetch(authorizeRequest(idp).url);
    expect(sso.status).toBe(302);
    expect(responseParams(sso.headers.get("location")).get("code")).toBeTruthy();
    for (const prompt of ["select_account", "login"]) {
      const picker = await browser.fetch(authorizeRequest(idp, { prompt }).url);
      expect(picker.status).toBe(200);
      expect(await picker.text()).toMatch(/Alex Wilber<span class="badge">Signed in<\/span>/);
    }
  });

  it("signing in as another persona replaces the session", async () => {
    const browser = new Browser();
    await signIn(idp, browser, "admin");
    await signIn(idp, browser, "reader", { prompt: "select_account" });
    const silent = await browser.fetch(authorizeRequest(idp, { prompt: "none" }).url);
    const params = responseParams(silent.headers.get("location"));
    expect(params.get("code")).toBeTruthy();
    expect(JSON.parse(Buffer.from(params.get("client_info")!, "base64url").toString()).uid).toBe(PERSONAS.reader.oid);
  });
});

describe("logout", () => {
  it("clears the session cookie, revokes the session's refresh tokens and returns to a registered origin with state", async () => {
    const browser = new Browser();
    const signedIn = await signIn(idp, browser, "admin");
    const tokens = (await (await postToken(idp, codeRedemption(signedIn))).json()) as TokenBody;
    const response = await browser.fetch(
      `${idp.base}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(`${CONSOLE_ORIGIN}/`)}&client-request-id=x&state=bye`,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${CONSOLE_ORIGIN}/?state=bye`);
    const cleared = browser.lastSetCookies.find((c) => c.startsWith("emu_estsauth="));
    expect(cleared).toMatch(/Max-Age=0/);
    expect(cleared).toContain(`Path=/${TENANT_ID}`);
    expect(browser.cookies.has("emu_estsauth")).toBe(false);

    const silent = await browser.fetch(authorizeRequest(idp, { prompt: "none" }).url);
    expect(responseParams(silent.headers.get("location")).get("error")).toBe("login_required");

    const refreshed = await postToken(idp, refreshRedemption(tokens.refresh_token!, GRAPH_SCOPES));
    expect(refreshed.status).toBe(400);
    const body = await refreshed.json();
    expect(body.error).toBe("invalid_grant");
    expect(body.error_codes).toEqual([50173]);
  });

  it("even with the old cookie replayed, the session is gone server-side", async () => {
    const browser = new Browser();
    await signIn(idp, browser, "admin");
    const stolen = new Map(browser.cookies);
    await browser.fetch(`${idp.base}/oauth2/v2.0/logout`);
    const replay = new Browser();
    for (const [name, value] of stolen) replay.cookies.set(name, value);
    const silent = await replay.fetch(authorizeRequest(idp, { prompt: "none" }).url);
    expect(responseParams(silent.headers.get("location")).get("error")).toBe("login_required");
  });

  it("shows a signed-out page without a return address, or with an unregistered one", async () => {
    for (const query of ["", `?post_logout_redirect_uri=${encodeURIComponent("https://evil.example/")}`]) {
      const response = await new Browser().fetch(`${idp.base}/oauth2/v2.0/logout${query}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("location")).toBeNull();
      const html = await response.text();
      expect(html).toContain("You signed out of your account");
      expect(html).not.toContain("evil.example");
    }
  });
});
