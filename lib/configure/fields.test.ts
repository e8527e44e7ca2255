import { describe, expect, it } from "vitest";
import { credentialFieldsOf, DEFAULT_CREDENTIAL_FIELDS, parseConfigurationFields, secretKeysOf } from "./fields";

const SALESFORCE = JSON.stringify([
  { key: "UserName", label: "Admin Username", secret: false, required: true },
  { key: "Password", label: "Admin Password", secret: true, required: true },
  { key: "SecretToken", label: "Secret Token", secret: true, required: false },
]);
const template = (metadata: { key: string; value: string }[], factoryTag = "SfOutDelta") => ({ factoryTag, metadata });

describe("credentialFieldsOf", () => {
  it("reads the template's configurationFields, in beta and v1.0 spelling", () => {
    for (const key of ["configurationFields", "ConfigurationFields"]) {
      const { fields, source } = credentialFieldsOf(template([{ key: "galleryApplicationKey", value: "salesforce" }, { key, value: SALESFORCE }]));
      expect(source).toBe("template");
      expect(fields).toEqual([
        { key: "UserName", label: "Admin Username", secret: false, required: true, httpsUrl: false },
        { key: "Password", label: "Admin Password", secret: true, required: true, httpsUrl: false },
        { key: "SecretToken", label: "Secret Token", secret: true, required: false, httpsUrl: false },
      ]);
    }
  });

  it("falls back to tenant URL + secret token when the template says nothing or says it unreadably", () => {
    for (const metadata of [[], [{ key: "configurationFields", value: "not json" }], [{ key: "configurationFields", value: '{"key":"BaseAddress"}' }], [{ key: "configurationFields", value: '[{"key":"NotASecretKey"}]' }]]) {
      expect(credentialFieldsOf(template(metadata, "CustomSCIM"))).toEqual({ fields: DEFAULT_CREDENTIAL_FIELDS, source: "default" });
    }
    expect(credentialFieldsOf(null)).toEqual({ fields: DEFAULT_CREDENTIAL_FIELDS, source: "default" });
    expect(DEFAULT_CREDENTIAL_FIELDS.map((field) => [field.key, field.secret, field.httpsUrl])).toEqual([["BaseAddress", false, true], ["SecretToken", true, false]]);
  });

  it("knows apps that take no admin credentials: an empty list, an agent, or API-driven inbound", () => {
    expect(credentialFieldsOf(template([{ key: "configurationFields", value: "[]" }]))).toEqual({ fields: [], source: "none" });
    expect(credentialFieldsOf(template([{ key: "isSynchronizationAgentRequired", value: "true" }], "AD2AADProvisioning")).source).toBe("none");
    expect(credentialFieldsOf(template([], "API2AAD")).source).toBe("none");
  });
});

describe("parseConfigurationFields", () => {
  it("keeps only usable fields: known keys, each once, at most 12, labels bounded", () => {
    const fields = parseConfigurationFields(
      JSON.stringify([
        { key: "BaseAddress", label: "Tenant URL", required: true, httpsUrl: true },
        { key: "BaseAddress", label: "again" },
        { key: "__proto__", label: "x" },
        { key: "SecretToken", label: "x".repeat(500), secret: "yes" },
        { key: "CompanyId" },
        null,
        "SecretToken",
      ]),
    );
    expect(fields?.map((field) => field.key)).toEqual(["BaseAddress", "SecretToken", "CompanyId"]);
    expect(fields?.[1]).toMatchObject({ secret: false, required: false });
    expect(fields?.[1].label).toHaveLength(80);
    expect(fields?.[2].label).toBe("CompanyId");
    expect(parseConfigurationFields(JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ key: i % 2 ? "Url" : "Domain" })))))?.toHaveLength(2);
  });
});

describe("secretKeysOf", () => {
  it("is credential material plus the template's secret fields", () => {
    const keys = secretKeysOf([{ key: "AppKey", label: "App key", secret: true, required: true, httpsUrl: false }]);
    expect(keys.has("AppKey")).toBe(true);
    expect(keys.has("SecretToken")).toBe(true);
    expect(keys.has("BaseAddress")).toBe(false);
  });
});
