import { describe, expect, it } from "vitest";
import { ConfigError, parseRuntimeConfig } from "./runtime-config";

const CLIENT = "3f4e8a21-6b0c-4d9e-8f7a-2b1c0d9e8f7a";
const TENANT = "7e3f1c2a-5b8d-4e6f-9a1b-2c3d4e5f6a7b";

function failure(env: Record<string, string | undefined>): ConfigError {
  try {
    parseRuntimeConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseRuntimeConfig", () => {
  it("fills Entra's and Graph's public defaults for a tenant", () => {
    expect(parseRuntimeConfig({ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: TENANT })).toEqual({
      clientId: CLIENT,
      tenantId: TENANT,
      authority: `https://login.microsoftonline.com/${TENANT}`,
      authorityMetadataUrl: undefined,
      graphBaseUrl: "https://graph.microsoft.com",
      graphApiVersion: "beta",
    });
  });

  it("accepts a tenant domain name, v1.0 and explicit URLs, trimming trailing slashes", () => {
    const config = parseRuntimeConfig({
      ENTRA_CLIENT_ID: ` ${CLIENT} `,
      ENTRA_TENANT_ID: "contoso.onmicrosoft.com",
      ENTRA_AUTHORITY: "https://login.microsoftonline.us/contoso.onmicrosoft.com/",
      GRAPH_BASE_URL: "https://graph.microsoft.us/",
      GRAPH_API_VERSION: "v1.0",
      ENTRA_AUTHORITY_METADATA_URL: "http://127.0.0.1:4010/t/v2.0/.well-known/openid-configuration",
    });
    expect(config.authority).toBe("https://login.microsoftonline.us/contoso.onmicrosoft.com");
    expect(config.graphBaseUrl).toBe("https://graph.microsoft.us");
    expect(config.graphApiVersion).toBe("v1.0");
    expect(config.authorityMetadataUrl).toBe("http://127.0.0.1:4010/t/v2.0/.well-known/openid-configuration");
  });

  it.each([
    [{ ENTRA_TENANT_ID: TENANT }, "ENTRA_CLIENT_ID", /not set/],
    [{ ENTRA_CLIENT_ID: "my-app", ENTRA_TENANT_ID: TENANT }, "ENTRA_CLIENT_ID", /not a GUID/],
    [{ ENTRA_CLIENT_ID: CLIENT }, "ENTRA_TENANT_ID", /not set/],
    [{ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: "contoso" }, "ENTRA_TENANT_ID", /neither a GUID/],
    [{ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: TENANT, ENTRA_AUTHORITY: "http://login.example.com/x" }, "ENTRA_AUTHORITY", /https:/],
    [{ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: TENANT, ENTRA_AUTHORITY: "login.microsoftonline.com" }, "ENTRA_AUTHORITY", /not a URL/],
    [{ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: TENANT, GRAPH_BASE_URL: "ftp://graph" }, "GRAPH_BASE_URL", /https: or http:/],
    [{ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: TENANT, GRAPH_BASE_URL: "https://graph.microsoft.com/?x=1" }, "GRAPH_BASE_URL", /query/],
    [{ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: TENANT, GRAPH_API_VERSION: "v2" }, "GRAPH_API_VERSION", /"beta" or "v1.0"/],
  ])("names the variable at fault: %j", (env, variable, message) => {
    const error = failure(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${variable}:`)).toBe(true);
  });
});
