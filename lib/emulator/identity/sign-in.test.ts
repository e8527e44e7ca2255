import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { GRAPH_AUDIENCE, PERSONAS, TENANT_ID, type PersonaId } from "../auth/personas";
import { ACCESS_TOKEN_ISSUER, setAccessTokenLifetime } from "../auth/tokens";
import { EMBEDDED_CLIENT_ID } from "./client";
import { Browser, CONSOLE_ORIGIN, GRAPH_SCOPES, LOGIN_SCOPES, authorizeRequest, codeRedemption, pickPersona, postToken, responseParams, signIn, withIdp, type Idp, type TokenBody } from "@/test/support/identity";

let idp: Idp;
let jwks: ReturnType<typeof createRemoteJWKSet>;
withIdp((running) => ({ idp, jwks } = running));
afterEach(() => setAccessTokenLifetime(3600));

describe("sign-in page", () => {
  it("lists every persona with name, UPN and role, accessibly, with no password and no script", async () => {
    const response = await new Browser().fetch(authorizeRequest(idp).url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const html = await response.text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain("<main>");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/type="password"/i);
    for (const persona of Object.values(PERSONAS)) {
      expect(html).toContain(`value="${persona.id}"`);
      expect(html).toContain(persona.name);
      expect(html).toContain(persona.upn);
      expect(html).toContain(persona.role);
      expect(html).toContain(persona.can);
    }
    expect(html).toMatch(/<form method="post" action="\/[^"]+\/oauth2\/v2\.0\/authorize">/);
  });

  it("preselects the login_hint persona", async () => {
    const html = await (await new Browser().fetch(authorizeRequest(idp, { loginHint: PERSONAS.reader.upn }).url)).text();
    expect(html).toMatch(/value="reader" data-persona="reader" autofocus/);
    expect(html).not.toMatch(/value="admin" data-persona="admin" autofocus/);
    expect(html).toContain("Suggested");
  });

  it("binds the form to a one-time transaction id and this browser", async () => {
    const browser = new Browser();
    const request = authorizeRequest(idp);
    const first = await pickPersona(browser, request.url, "admin");
    expect(first.status).toBe(303);
    // Same transaction again: gone.
    const html = await (await new Browser().fetch(request.url)).text();
    const txn = /name="txn" value="([^"]+)"/.exec(html)![1];
    const stranger = await fetch(`${idp.base}/oauth2/v2.0/authorize`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ txn, persona: "admin" }).toString(),
      redirect: "manual",
    });
    expect(stranger.status).toBe(400);
    expect(await stranger.text()).toContain("AADSTS50089");
  });
});

async function exchange(signedIn: Awaited<ReturnType<typeof signIn>>, overrides: Record<string, string> = {}) {
  const response = await postToken(idp, codeRedemption(signedIn, overrides));
  return { response, body: (await response.json()) as TokenBody };
}

describe("authorization code flow", () => {
  it("redirects with code, state, client_info and session_state in the fragment", async () => {
    const signedIn = await signIn(idp, new Browser(), "admin");
    expect(signedIn.params.get("state")).toBe(signedIn.request.state);
    expect(signedIn.params.get("session_state")).toMatch(/^[0-9a-f-]{36}$/);
    const info = JSON.parse(Buffer.from(signedIn.params.get("client_info")!, "base64url").toString());
    expect(info).toEqual({ uid: PERSONAS.admin.oid, utid: TENANT_ID });
  });

  it("redirects to the bridge with the code in the query for response_mode=query and by default", async () => {
    for (const responseMode of ["query", null] as const) {
      const request = authorizeRequest(idp, { responseMode });
      const response = await pickPersona(new Browser(), request.url, "reader");
      const location = response.headers.get("location")!;
      expect(location.startsWith(`${CONSOLE_ORIGIN}/auth/bridge?`)).toBe(true);
      expect(location).not.toContain("#");
      const params = responseParams(location, "query");
      expect(params.get("code")).toBeTruthy();
      expect(params.get("state")).toBe(request.state);
    }
  });

  it("exchanges the code with PKCE for Entra-shaped tokens (CORS for the console origin)", async () => {
    const signedIn = await signIn(idp, new Browser(), "admin");
    const { response, body } = await exchange(signedIn);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(CONSOLE_ORIGIN);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(body)).toEqual([
      "token_type", "scope", "expires_in", "ext_expires_in", "access_token", "refresh_token", "id_token", "client_info",
    ]);
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBe(3600);
    expect(body.ext_expires_in).toBe(3600);
    expect(body.scope.split(" ")).toEqual([...PERSONAS.admin.scopes, "openid", "profile"]);
    expect(JSON.parse(Buffer.from(body.client_info!, "base64url").toString())).toEqual({ uid: PERSONAS.admin.oid, utid: TENANT_ID });
  });

  it("issues an id_token that verifies against the JWKS with Entra's claims and the request's nonce", async () => {
    const signedIn = await signIn(idp, new Browser(), "reader");
    const { body } = await exchange(signedIn);
    const { payload, protectedHeader } = await jwtVerify(body.id_token!, jwks, {
      issuer: `${idp.origin}/${TENANT_ID}/v2.0`,
      audience: EMBEDDED_CLIENT_ID,
      algorithms: ["RS256"],
    });
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload).toMatchObject({
      oid: PERSONAS.reader.oid,
      tid: TENANT_ID,
      preferred_username: PERSONAS.reader.upn,
      name: PERSONAS.reader.name,
      nonce: signedIn.request.nonce,
      ver: "2.0",
    });
    expect(payload.sub).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(payload.sub).not.toBe(PERSONAS.reader.oid);
    for (const claim of ["iat", "nbf", "exp"] as const) expect(typeof payload[claim]).toBe("number");
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it.each(Object.keys(PERSONAS) as PersonaId[])("gives %s a Graph access token with that persona's scp, tid, oid and exp", async (persona) => {
    const signedIn = await signIn(idp, new Browser(), persona, { scope: `${GRAPH_SCOPES} ${LOGIN_SCOPES}` });
    const { body } = await exchange(signedIn, { scope: `${GRAPH_SCOPES} ${LOGIN_SCOPES}` });
    const { payload, protectedHeader } = await jwtVerify(body.access_token, jwks, { audience: GRAPH_AUDIENCE, issuer: ACCESS_TOKEN_ISSUER });
    expect(decodeProtectedHeader(body.access_token).kid).toBe(protectedHeader.kid);
    expect(payload.scp).toBe(PERSONAS[persona].scopes.join(" "));
    expect(payload.tid).toBe(TENANT_ID);
    expect(payload.oid).toBe(PERSONAS[persona].oid);
    expect(payload.appid).toBe(EMBEDDED_CLIENT_ID);
    expect(payload.exp! - payload.iat!).toBe(3600);
    // Graph scopes asked for with the resource URI come back in that form (MSAL's cache matches on it).
    expect(body.scope.split(" ")).toEqual([...PERSONAS[persona].scopes.map((s) => `${GRAPH_AUDIENCE}/${s}`), "openid", "profile"]);
  });

  it("honours the test-settable access-token lifetime", async () => {
    setAccessTokenLifetime(90);
    const signedIn = await signIn(idp, new Browser(), "admin");
    const { body } = await exchange(signedIn);
    expect(body.expires_in).toBe(90);
    expect(body.ext_expires_in).toBe(90);
    const { payload } = await jwtVerify(body.access_token, jwks, { audience: GRAPH_AUDIENCE });
    expect(payload.exp! - payload.iat!).toBe(90);
  });

  it("omits the id_token without openid and the refresh token without offline_access", async () => {
    const signedIn = await signIn(idp, new Browser(), "admin", { scope: "User.Read" });
    const { response, body } = await exchange(signedIn, { scope: "User.Read" });
    expect(response.status).toBe(200);
    expect(body.id_token).toBeUndefined();
    expect(body.refresh_token).toBeUndefined();
    expect(body.scope).toBe(PERSONAS.admin.scopes.join(" "));
  });

  it("answers the token endpoint's CORS preflight, allowing MSAL's X-AnchorMailbox header", async () => {
    const response = await fetch(`${idp.base}/oauth2/v2.0/token`, {
      method: "OPTIONS",
      headers: {
        Origin: CONSOLE_ORIGIN,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-anchormailbox",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(CONSOLE_ORIGIN);
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")).toContain("x-anchormailbox");
  });

  it("works under the organizations alias with the cookie scoped to that path", async () => {
    const browser = new Browser();
    const signedIn = await signIn(idp, browser, "nosync", { tenantSegment: "organizations" });
    expect(browser.lastSetCookies.some((c) => c.startsWith("emu_estsauth=") && c.includes("Path=/organizations"))).toBe(true);
    const response = await postToken(idp, codeRedemption(signedIn), { tenantSegment: "organizations" });
    expect(response.status).toBe(200);
  });
});
