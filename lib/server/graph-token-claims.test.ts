import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { parseRuntimeConfig } from "@/lib/config/runtime-config";
import { configuredTenantId, tokenRefusal } from "./graph-token-claims";

const TENANT = "7e3f1c2a-5b8d-4e6f-9a1b-2c3d4e5f6a7b";
const CLIENT = "0b8e2c1d-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
const config = parseRuntimeConfig({ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: TENANT });
const now = Date.parse("2026-12-02T10:00:00Z");

/** A token with these claims; unsigned, as the check never reads the signature (Graph does). */
function token(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT" })}.${part({ aud: "https://graph.microsoft.com", tid: TENANT, appid: CLIENT, exp: now / 1000 + 3600, ...claims })}.c2ln`;
}

describe("tokenRefusal", () => {
  it("accepts a Graph token of this tenant and app, v1.0 (resource URI, appid) or v2.0 (app id, azp)", () => {
    expect(tokenRefusal(token({}), config, TENANT, now)).toBeNull();
    expect(tokenRefusal(token({ aud: "00000003-0000-0000-c000-000000000000", appid: undefined, azp: CLIENT.toUpperCase() }), config, TENANT, now)).toBeNull();
    expect(tokenRefusal(token({ aud: "https://graph.microsoft.com/", tid: TENANT.toUpperCase() }), config, TENANT, now)).toBeNull();
  });

  it("refuses, as a 401, a token of another tenant, app or audience, an expired one and what is no JWT", () => {
    const cases: [string, string, RegExp][] = [
      ["other tenant", token({ tid: "11111111-2222-3333-4444-555555555555" }), /another tenant/],
      ["no tenant", token({ tid: undefined }), /another tenant/],
      ["other app", token({ appid: "22222222-3333-4444-5555-666666666666" }), /another application/],
      ["other audience", token({ aud: "https://management.azure.com" }), /not for this console's Microsoft Graph/],
      ["expired", token({ exp: now / 1000 - 600 }), /expired/],
      ["opaque", "EwBwA8l6BAAU+opaque/token==", /not a Microsoft Graph access token/],
    ];
    for (const [name, refused, message] of cases) {
      expect(tokenRefusal(refused, config, TENANT, now), name).toMatchObject({ kind: "unauthenticated", status: 401, code: "InvalidAuthenticationToken", message: expect.stringMatching(message) });
    }
  });

  it("lets clock skew of a few minutes pass", () => {
    expect(tokenRefusal(token({ exp: now / 1000 - 60 }), config, TENANT, now)).toBeNull();
  });

  it("expects a national cloud's own Graph as the audience", () => {
    const us = parseRuntimeConfig({ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: TENANT, GRAPH_BASE_URL: "https://graph.microsoft.us" });
    expect(tokenRefusal(token({ aud: "https://graph.microsoft.us" }), us, TENANT, now)).toBeNull();
    expect(tokenRefusal(token({}), us, TENANT, now)?.message).toMatch(/not for this console's Microsoft Graph/);
  });
});

describe("configuredTenantId", () => {
  it("is ENTRA_TENANT_ID when that is a GUID, without asking anyone", async () => {
    expect(await configuredTenantId(parseRuntimeConfig({ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: TENANT.toUpperCase(), ENTRA_AUTHORITY_METADATA_URL: "http://127.0.0.1:9/none" }))).toBe(TENANT);
  });

  it("reads a domain's tenant id from the authority's metadata issuer, once", async () => {
    let reads = 0;
    const metadata = createServer((_req, res) => {
      reads++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ issuer: `https://login.microsoftonline.com/${TENANT}/v2.0` }));
    });
    await new Promise<void>((resolve) => metadata.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration`;
      const domain = parseRuntimeConfig({ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: "contoso.onmicrosoft.com", ENTRA_AUTHORITY_METADATA_URL: url });
      expect(await configuredTenantId(domain)).toBe(TENANT);
      expect(await configuredTenantId(domain)).toBe(TENANT);
      expect(reads).toBe(1);
    } finally {
      await new Promise((resolve) => metadata.close(resolve));
    }
  });
});
