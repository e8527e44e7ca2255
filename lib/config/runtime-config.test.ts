import { describe, expect, it } from "vitest";
import { EMBEDDED_CLIENT_ID as EMULATOR_CLIENT_ID } from "@/lib/emulator/identity/client";
import { ConfigError, EMBEDDED_CLIENT_ID, parseRuntimeConfig } from "./runtime-config";

/** A tenant's app registration. */
const CLIENT = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
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
  it("knows the embedded emulator's client", () => expect(EMBEDDED_CLIENT_ID).toBe(EMULATOR_CLIENT_ID));

  it("lets the embedded client call the emulator on plain http at a loopback address", () => {
    for (const graph of ["http://127.0.0.1:4010", "http://localhost:4110"]) {
      expect(parseRuntimeConfig({ ENTRA_CLIENT_ID: EMBEDDED_CLIENT_ID, ENTRA_TENANT_ID: TENANT, GRAPH_BASE_URL: graph }).graphBaseUrl).toBe(graph);
    }
  });

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
    // A tenant's tokens go to Microsoft Graph only: not to a leftover emulator address, nor to another https host.
    [{ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: TENANT, GRAPH_BASE_URL: "http://127.0.0.1:4010" }, "GRAPH_BASE_URL", /only for the embedded emulator/],
    [{ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: TENANT, GRAPH_BASE_URL: "https://graph.microsoft.com.evil.example" }, "GRAPH_BASE_URL", /not a Microsoft Graph host/],
    [{ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: TENANT, GRAPH_BASE_URL: "https://127.0.0.1:4010" }, "GRAPH_BASE_URL", /not a Microsoft Graph host/],
    [{ ENTRA_CLIENT_ID: EMBEDDED_CLIENT_ID, ENTRA_TENANT_ID: TENANT, GRAPH_BASE_URL: "http://graph.example:4010" }, "GRAPH_BASE_URL", /loopback/],
  ])("names the variable at fault: %j", (env, variable, message) => {
    const error = failure(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${variable}:`)).toBe(true);
  });
});
