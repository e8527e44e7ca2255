import { describe, expect, it } from "vitest";
import { DEFAULT_CREDENTIAL_FIELDS } from "@/lib/configure/fields";
import { toSavedSecrets } from "@/lib/configure/saved-secrets";
import { checkSave, fieldErrorOf, hasTypedSecret, initialDraft, testProblems, withoutSecrets } from "./configure-draft";

const saved = toSavedSecrets([
  { key: "BaseAddress", value: "https://scim.example.com/v2" },
  { key: "SecretToken", value: "*****" },
  { key: "SyncNotificationSettings", value: '{"Enabled":true,"Recipients":"ops@contoso.com","DeleteThresholdEnabled":true,"DeleteThresholdValue":40}' },
  { key: "SyncAll", value: "true" },
]);

describe("the Configure form's draft", () => {
  it("starts from the saved identifiers and settings, with every secret blank", () => {
    expect(initialDraft(DEFAULT_CREDENTIAL_FIELDS, saved)).toEqual({
      credentials: { BaseAddress: "https://scim.example.com/v2", SecretToken: "" },
      settings: { notifyOnFailure: true, recipients: "ops@contoso.com", preventAccidentalDeletes: true, deleteThreshold: "40", syncAll: true },
    });
  });

  it("forgets secrets, keeps the rest", () => {
    const typed = { ...initialDraft(DEFAULT_CREDENTIAL_FIELDS, saved), credentials: { BaseAddress: "https://x.example", SecretToken: "typed" } };
    expect(hasTypedSecret(DEFAULT_CREDENTIAL_FIELDS, typed)).toBe(true);
    const cleared = withoutSecrets(DEFAULT_CREDENTIAL_FIELDS, typed);
    expect(cleared.credentials).toEqual({ BaseAddress: "https://x.example", SecretToken: "" });
    expect(hasTypedSecret(DEFAULT_CREDENTIAL_FIELDS, cleared)).toBe(false);
  });

  it("names every field that stops a save, keyed as the server names them", () => {
    const draft = initialDraft(DEFAULT_CREDENTIAL_FIELDS, saved);
    const checked = checkSave(DEFAULT_CREDENTIAL_FIELDS, { ...draft, settings: { ...draft.settings, recipients: "nope", deleteThreshold: "0" } }, saved);
    expect(checked.errors).toEqual({
      "credentials.SecretToken": expect.stringMatching(/Type the Secret token again/),
      "settings.recipients": expect.stringMatching(/not an email address/),
      "settings.deleteThreshold": expect.stringMatching(/whole number/),
    });
    const ok = checkSave(DEFAULT_CREDENTIAL_FIELDS, { ...draft, credentials: { ...draft.credentials, SecretToken: "s3cr3t" } }, saved);
    expect(ok).toEqual({ settings: { notifyOnFailure: true, recipients: "ops@contoso.com", preventAccidentalDeletes: true, deleteThreshold: 40, syncAll: true } });
  });

  it("asks for the secret before a test of typed values", () => {
    expect(testProblems(DEFAULT_CREDENTIAL_FIELDS, initialDraft(DEFAULT_CREDENTIAL_FIELDS, saved))).toEqual({ "credentials.SecretToken": expect.stringMatching(/test the saved credentials/) });
  });

  it("shows a server refusal at its field, and only refusals of form fields", () => {
    expect(fieldErrorOf({ kind: "invalid-input", status: 0, code: "InvalidInput", field: "credentials.BaseAddress", message: "m" })).toEqual({ "credentials.BaseAddress": "m" });
    expect(fieldErrorOf({ kind: "invalid-input", status: 0, code: "InvalidInput", field: "token", message: "m" })).toBeNull();
    expect(fieldErrorOf({ kind: "bad-request", status: 400, code: "X", message: "m" })).toBeNull();
  });
});
