import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENANT_ID } from "../auth/personas";
import { embeddedMsalAuthority } from "./msal-recipe";
import { startIdp, type Idp } from "@/test/support/identity";

let idp: Idp;
beforeAll(async () => {
  idp = await startIdp();
});
afterAll(() => idp.close());

describe("openid-configuration", () => {
  it("is Entra v2 shaped, on the emulator's own origin, with CORS for the calling origin", async () => {
    // Entra answers `*`; the emulator echoes an Origin its access policy let through (http/access.ts, not run here).
    const response = await fetch(`${idp.base}/v2.0/.well-known/openid-configuration`, { headers: { Origin: "http://127.0.0.1:3000" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
    expect(response.headers.get("vary")).toBe("Origin");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const config = await response.json();
    expect(config).toMatchObject({
      issuer: `${idp.origin}/${TENANT_ID}/v2.0`,
      authorization_endpoint: `${idp.origin}/${TENANT_ID}/oauth2/v2.0/authorize`,
      token_endpoint: `${idp.origin}/${TENANT_ID}/oauth2/v2.0/token`,
      end_session_endpoint: `${idp.origin}/${TENANT_ID}/oauth2/v2.0/logout`,
      jwks_uri: `${idp.origin}/${TENANT_ID}/discovery/v2.0/keys`,
      response_modes_supported: ["query", "fragment"],
      code_challenge_methods_supported: ["S256"],
      id_token_signing_alg_values_supported: ["RS256"],
    });
  });

  it("answers the organizations and common aliases with the tenant's own issuer", async () => {
    for (const alias of ["organizations", "common"]) {
      const config = await (await fetch(`${idp.origin}/${alias}/v2.0/.well-known/openid-configuration`)).json();
      expect(config.issuer).toBe(`${idp.origin}/${TENANT_ID}/v2.0`);
      expect(config.token_endpoint).toBe(`${idp.origin}/${TENANT_ID}/oauth2/v2.0/token`);
    }
  });

  it("derives the origin from the Host header", async () => {
    const { request } = await import("node:http");
    const body = await new Promise<string>((resolve, reject) => {
      const url = new URL(`${idp.base}/v2.0/.well-known/openid-configuration`);
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers: { Host: "localhost:4010" } }, (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve(text));
      });
      req.on("error", reject);
      req.end();
    });
    expect(JSON.parse(body).issuer).toBe(`http://localhost:4010/${TENANT_ID}/v2.0`);
  });

  it("answers a CORS preflight", async () => {
    const response = await fetch(`${idp.base}/v2.0/.well-known/openid-configuration`, {
      method: "OPTIONS",
      headers: { Origin: "http://127.0.0.1:3000", "Access-Control-Request-Method": "GET" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
  });

  it("is exactly what the MSAL recipe hands to MSAL as authorityMetadata", async () => {
    const served = await (await fetch(`${idp.base}/v2.0/.well-known/openid-configuration`)).json();
    const recipe = embeddedMsalAuthority(idp.origin);
    expect(JSON.parse(recipe.authorityMetadata)).toEqual(served);
    expect(recipe.authority).toBe(`https://login.emulator.invalid/${TENANT_ID}`);
    expect(recipe.knownAuthorities).toEqual(["login.emulator.invalid"]);
    // MSAL's Authority.isOpenIdConfigResponse requires these four keys.
    for (const key of ["authorization_endpoint", "token_endpoint", "issuer", "jwks_uri"]) expect(served).toHaveProperty(key);
  });

  it("refuses a tenant it does not host, like Entra (AADSTS90002)", async () => {
    const response = await fetch(`${idp.origin}/00000000-0000-0000-0000-000000000001/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("invalid_tenant");
    expect(body.error_codes).toEqual([90002]);
  });

  it("leaves paths that are not identity paths to the caller", async () => {
    expect((await fetch(`${idp.origin}/${TENANT_ID}/something/else`)).status).toBe(404);
    expect((await fetch(`${idp.origin}/favicon.ico`)).status).toBe(404);
  });
});

describe("discovery keys", () => {
  it("publishes the RS256 public key with its kid, CORS for the calling origin, and no private parts", async () => {
    const response = await fetch(`${idp.base}/discovery/v2.0/keys`, { headers: { Origin: "http://127.0.0.1:3000" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
    // Without an Origin (not a browser's cross-origin request) there is nothing to allow.
    expect((await fetch(`${idp.base}/discovery/v2.0/keys`)).headers.get("access-control-allow-origin")).toBeNull();
    const { keys } = await response.json();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "RSA", use: "sig", alg: "RS256", e: "AQAB" });
    expect(typeof keys[0].kid).toBe("string");
    for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) expect(keys[0]).not.toHaveProperty(secret);
  });
});
