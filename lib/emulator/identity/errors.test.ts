import { afterEach, describe, expect, it, vi } from "vitest";
import { EMBEDDED_CLIENT_ID } from "./client";
import { Browser, CONSOLE_ORIGIN, authorizeRequest, codeRedemption, pkcePair, postToken, refreshRedemption, responseParams, signIn, withIdp, type Idp, type TokenBody, type TokenErrorBody } from "@/test/support/identity";

let idp: Idp;
withIdp((running) => ({ idp } = running));
afterEach(() => {
  vi.useRealTimers();
  delete process.env.EMULATOR_REDIRECT_URIS;
});

async function tokenError(form: Record<string, string>, correlationId?: string) {
  const response = await postToken(idp, form, { correlationId });
  expect(response.headers.get("access-control-allow-origin")).toBe(CONSOLE_ORIGIN); // postToken sends the console's Origin
  return { status: response.status, body: (await response.json()) as TokenErrorBody };
}

describe("authorize: untrusted client or redirect URI → error page, never a redirect", () => {
  it("refuses an unknown client id with AADSTS700016", async () => {
    const clientId = "11111111-2222-3333-4444-555555555555";
    const response = await new Browser().fetch(authorizeRequest(idp, { clientId }).url);
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    const html = await response.text();
    expect(html).toContain("AADSTS700016");
    expect(html).toContain(`Application with identifier &#39;${clientId}&#39; was not found`);
    expect(html).toMatch(/<html lang="en">/);
  });

  it.each([
    ["another host", "https://evil.example/auth/bridge"],
    ["another path", "http://127.0.0.1:3000/callback"],
    ["a query string", "http://127.0.0.1:3000/auth/bridge?next=/"],
    ["a non-loopback http host", "http://10.0.0.5:3000/auth/bridge"],
  ])("refuses a redirect URI on %s with AADSTS50011", async (_label, redirectUri) => {
    const response = await new Browser().fetch(authorizeRequest(idp, { redirectUri }).url);
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    const html = await response.text();
    expect(html).toContain("AADSTS50011");
    expect(html).toContain("does not match the redirect URIs configured");
  });

  it("accepts the bridge on any loopback port and URIs added by EMULATOR_REDIRECT_URIS", async () => {
    for (const redirectUri of ["http://localhost:5173/auth/bridge", "http://127.0.0.1:9/auth/bridge"]) {
      expect((await new Browser().fetch(authorizeRequest(idp, { redirectUri }).url)).status).toBe(200);
    }
    const extra = "https://console.contoso.example/auth/bridge";
    expect((await new Browser().fetch(authorizeRequest(idp, { redirectUri: extra }).url)).status).toBe(400);
    process.env.EMULATOR_REDIRECT_URIS = ` http://127.0.0.1:3000/other , ${extra}`;
    expect((await new Browser().fetch(authorizeRequest(idp, { redirectUri: extra }).url)).status).toBe(200);
  });
});

describe("authorize: errors after the client is trusted are redirected", () => {
  it("requires PKCE with S256", async () => {
    for (const options of [{ challenge: null }, { challengeMethod: "plain" }, { challengeMethod: null }] as const) {
      const request = authorizeRequest(idp, options);
      const response = await new Browser().fetch(request.url);
      expect(response.status).toBe(302);
      const params = responseParams(response.headers.get("location"));
      expect(params.get("error")).toBe("invalid_request");
      expect(params.get("error_description")).toMatch(/^AADSTS9002325: /);
      expect(params.get("state")).toBe(request.state);
    }
  });

  it("refuses a resource the tenant does not have", async () => {
    const response = await new Browser().fetch(authorizeRequest(idp, { scope: "api://payroll/read openid" }).url);
    const params = responseParams(response.headers.get("location"));
    expect(params.get("error")).toBe("invalid_resource");
    expect(params.get("error_description")).toMatch(/^AADSTS500011: The resource principal named api:\/\/payroll/);
  });

  it("reports cancel as access_denied with error_subcode=cancel", async () => {
    const browser = new Browser();
    const request = authorizeRequest(idp);
    const html = await (await browser.fetch(request.url)).text();
    const txn = /name="txn" value="([^"]+)"/.exec(html)![1];
    const response = await browser.fetch(`${idp.base}/oauth2/v2.0/authorize`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ txn, action: "cancel" }).toString(),
    });
    const params = responseParams(response.headers.get("location"));
    expect(params.get("error")).toBe("access_denied");
    expect(params.get("error_subcode")).toBe("cancel");
    expect(params.get("code")).toBeNull();
  });
});

describe("token endpoint errors", () => {
  it("rejects a wrong PKCE verifier with invalid_grant AADSTS501481, in Entra's error shape", async () => {
    const signedIn = await signIn(idp, new Browser(), "admin");
    const correlationId = "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
    const { status, body } = await tokenError(codeRedemption(signedIn, { code_verifier: pkcePair().verifier }), correlationId);
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_grant");
    expect(body.error_codes).toEqual([501481]);
    expect(body.error_description).toMatch(/^AADSTS501481: .*Trace ID: [0-9a-f-]{36} Correlation ID: 6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f Timestamp: /);
    expect(body.correlation_id).toBe(correlationId);
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  });

  it("rejects a reused code with AADSTS54005 and revokes the refresh token the code produced", async () => {
    const signedIn = await signIn(idp, new Browser(), "admin");
    const first = await postToken(idp, codeRedemption(signedIn));
    expect(first.status).toBe(200);
    const { refresh_token } = (await first.json()) as TokenBody;
    const again = await tokenError(codeRedemption(signedIn));
    expect(again.body.error).toBe("invalid_grant");
    expect(again.body.error_codes).toEqual([54005]);
    const refreshed = await tokenError(refreshRedemption(refresh_token!, "openid profile offline_access"));
    expect(refreshed.body.error_codes).toEqual([50173]);
  });

  it("spends the code on a failed attempt (one redemption attempt per code)", async () => {
    const signedIn = await signIn(idp, new Browser(), "admin");
    expect((await tokenError(codeRedemption(signedIn, { code_verifier: pkcePair().verifier }))).status).toBe(400);
    expect((await tokenError(codeRedemption(signedIn))).body.error_codes).toEqual([54005]);
  });

  it("rejects an expired code with AADSTS70008", async () => {
    const signedIn = await signIn(idp, new Browser(), "admin");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 11 * 60 * 1000);
    const { body } = await tokenError(codeRedemption(signedIn));
    expect(body.error).toBe("invalid_grant");
    expect(body.error_codes).toEqual([70008]);
  });

  it("rejects an unknown code with AADSTS70000", async () => {
    const { body } = await tokenError(codeRedemption({ code: "not-a-code", request: { verifier: pkcePair().verifier } } as never));
    expect(body.error).toBe("invalid_grant");
    expect(body.error_codes).toEqual([70000]);
  });

  it("rejects a redirect_uri that differs from the authorize request's with AADSTS500112", async () => {
    const signedIn = await signIn(idp, new Browser(), "admin");
    const { body } = await tokenError(codeRedemption(signedIn, { redirect_uri: "http://localhost:3000/auth/bridge" }));
    expect(body.error).toBe("invalid_grant");
    expect(body.error_codes).toEqual([500112]);
  });

  it("rejects an unknown client with unauthorized_client AADSTS700016", async () => {
    const signedIn = await signIn(idp, new Browser(), "admin");
    const { status, body } = await tokenError(codeRedemption(signedIn, { client_id: "11111111-2222-3333-4444-555555555555" }));
    expect(status).toBe(400);
    expect(body.error).toBe("unauthorized_client");
    expect(body.error_codes).toEqual([700016]);
  });

  it("rejects missing parameters and unsupported grants", async () => {
    expect((await tokenError({ client_id: EMBEDDED_CLIENT_ID })).body.error_codes).toEqual([900144]);
    const { body } = await tokenError({ client_id: EMBEDDED_CLIENT_ID, grant_type: "password" });
    expect(body.error).toBe("unsupported_grant_type");
    expect(body.error_codes).toEqual([70003]);
  });

  it("refuses a tenant it does not host at the token endpoint", async () => {
    const response = await fetch(`${idp.origin}/contoso.onmicrosoft.com/oauth2/v2.0/token`, { method: "POST" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as TokenErrorBody).error_codes).toEqual([90002]);
  });
});

describe("sign-in form errors", () => {
  it("rejects a tampered persona and an unknown transaction with an error page", async () => {
    const browser = new Browser();
    const html = await (await browser.fetch(authorizeRequest(idp).url)).text();
    const txn = /name="txn" value="([^"]+)"/.exec(html)![1];
    const post = (body: Record<string, string>) =>
      browser.fetch(`${idp.base}/oauth2/v2.0/authorize`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(body).toString(),
      });
    const tampered = await post({ txn, persona: "root" });
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain("AADSTS50034");
    const unknown = await post({ txn: "nope", persona: "admin" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("AADSTS50089");
    // the real transaction still works after the tampered attempt
    expect((await post({ txn, persona: "admin" })).status).toBe(303);
  });

  it("expires an abandoned transaction", async () => {
    const browser = new Browser();
    const request = authorizeRequest(idp);
    const html = await (await browser.fetch(request.url)).text();
    const txn = /name="txn" value="([^"]+)"/.exec(html)![1];
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 16 * 60 * 1000);
    const response = await browser.fetch(`${idp.base}/oauth2/v2.0/authorize`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ txn, persona: "admin" }).toString(),
    });
    expect(response.status).toBe(400);
  });
});
