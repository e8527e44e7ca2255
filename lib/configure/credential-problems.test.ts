import { describe, expect, it } from "vitest";
import { credentialPairs, credentialProblems } from "./credential-problems";
import { DEFAULT_CREDENTIAL_FIELDS, type CredentialField } from "./fields";
import { toSavedSecrets } from "./saved-secrets";

const SALESFORCE: CredentialField[] = [
  { key: "UserName", label: "Admin Username", secret: false, required: true, httpsUrl: false },
  { key: "Password", label: "Admin Password", secret: true, required: true, httpsUrl: false },
  { key: "SecretToken", label: "Secret Token", secret: true, required: false, httpsUrl: false },
];
const GOOD = { BaseAddress: "https://scim.example.com/v2", SecretToken: "s3cr3t-token-value" };
const savedToken = toSavedSecrets([{ key: "BaseAddress", value: GOOD.BaseAddress }, { key: "SecretToken", value: "*****" }]);

describe("credentialProblems", () => {
  it("has none for complete, valid values", () => {
    expect(credentialProblems(DEFAULT_CREDENTIAL_FIELDS, GOOD, "test")).toEqual({});
    expect(credentialProblems(DEFAULT_CREDENTIAL_FIELDS, GOOD, "save", savedToken)).toEqual({});
    expect(credentialProblems(SALESFORCE, { UserName: "admin@contoso-sfdc.example", Password: "Sfdc-Demo-2026" }, "save")).toEqual({});
  });

  it("asks for a saved secret to be typed again when saving, and says why", () => {
    const problems = credentialProblems(DEFAULT_CREDENTIAL_FIELDS, { BaseAddress: GOOD.BaseAddress }, "save", savedToken);
    expect(problems).toEqual({ SecretToken: "Type the Secret token again: Microsoft Graph does not show saved secrets, and saving replaces them all." });
    expect(credentialProblems(DEFAULT_CREDENTIAL_FIELDS, { BaseAddress: GOOD.BaseAddress }, "save").SecretToken).toBe("Enter the Secret token.");
    expect(credentialProblems(DEFAULT_CREDENTIAL_FIELDS, { BaseAddress: GOOD.BaseAddress }, "test").SecretToken).toMatch(/test the saved credentials/);
  });

  it("names each field's problem: blank required, non-https URL, control characters, a masked value", () => {
    expect(credentialProblems(DEFAULT_CREDENTIAL_FIELDS, { BaseAddress: "http://scim.example.com/v2", SecretToken: "a\nb" }, "test")).toEqual({
      BaseAddress: expect.stringMatching(/^The Tenant URL must start with https:\/\//),
      SecretToken: expect.stringMatching(/^The Secret token contains a line break/),
    });
    expect(credentialProblems(SALESFORCE, { UserName: "", Password: "*****", SecretToken: "" }, "save")).toEqual({
      UserName: "Enter the Admin Username.",
      Password: expect.stringMatching(/only asterisks/),
    });
  });

  it("refuses values for keys the application does not ask for", () => {
    expect(credentialProblems(DEFAULT_CREDENTIAL_FIELDS, { ...GOOD, Password: "x" }, "test")).toEqual({ Password: "Password is not one of this application's admin credentials." });
  });
});

describe("credentialPairs", () => {
  it("sends the typed fields in the template's order, blanks left out", () => {
    expect(credentialPairs(SALESFORCE, { SecretToken: "", Password: "p", UserName: "u" })).toEqual([
      { key: "UserName", value: "u" },
      { key: "Password", value: "p" },
    ]);
  });
});
