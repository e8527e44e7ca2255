import { describe, expect, it } from "vitest";
import { DEFAULT_CREDENTIAL_FIELDS, type CredentialField } from "./fields";
import { credentialsStatus, isSaved, toSavedSecrets } from "./saved-secrets";

describe("toSavedSecrets", () => {
  it("keeps settings and identifiers in clear and never a secret's value, even when Graph sent it in clear", () => {
    const saved = toSavedSecrets(
      [
        { key: "BaseAddress", value: "https://scim.example.com/v2" },
        { key: "SecretToken", value: "*****" },
        { key: "Password", value: "sent-in-clear-by-mistake" },
        { key: "AppKey", value: "declared-secret-by-the-template" },
        { key: "SyncAll", value: "false" },
        { key: "ClientSecret", value: null },
        { key: "Domain" },
      ],
      new Set(["AppKey"]),
    );
    expect(saved).toEqual([
      { key: "BaseAddress", value: "https://scim.example.com/v2", masked: false },
      { key: "SecretToken", value: null, masked: true },
      { key: "Password", value: null, masked: true },
      { key: "AppKey", value: null, masked: true },
      { key: "SyncAll", value: "false", masked: false },
      { key: "ClientSecret", value: null, masked: false },
      { key: "Domain", value: null, masked: false },
    ]);
    expect(JSON.stringify(saved)).not.toMatch(/clear-by-mistake|declared-secret/);
  });

  it("treats any value of asterisks as masked, whatever the key", () => {
    expect(toSavedSecrets([{ key: "UserName", value: "********" }])).toEqual([{ key: "UserName", value: null, masked: true }]);
  });
});

describe("credentialsStatus", () => {
  const salesforce: CredentialField[] = [
    { key: "UserName", label: "Admin Username", secret: false, required: true, httpsUrl: false },
    { key: "Password", label: "Admin Password", secret: true, required: true, httpsUrl: false },
    { key: "SecretToken", label: "Secret Token", secret: true, required: false, httpsUrl: false },
  ];

  it("says whether the required credentials are saved: all, some, none, or the app needs none", () => {
    const saved = toSavedSecrets([{ key: "BaseAddress", value: "https://x.example" }, { key: "SecretToken", value: "*****" }]);
    expect(credentialsStatus(DEFAULT_CREDENTIAL_FIELDS, saved)).toBe("saved");
    expect(credentialsStatus(DEFAULT_CREDENTIAL_FIELDS, saved.slice(0, 1))).toBe("incomplete");
    expect(credentialsStatus(DEFAULT_CREDENTIAL_FIELDS, toSavedSecrets([{ key: "SyncAll", value: "false" }, { key: "BaseAddress", value: " " }]))).toBe("missing");
    expect(credentialsStatus(salesforce, toSavedSecrets([{ key: "UserName", value: "admin@x.example" }, { key: "Password", value: "*****" }]))).toBe("saved");
    expect(credentialsStatus([], [])).toBe("not-needed");
  });

  it("counts a masked secret as saved", () => {
    expect(isSaved(toSavedSecrets([{ key: "SecretToken", value: "*****" }]), "SecretToken")).toBe(true);
    expect(isSaved(toSavedSecrets([{ key: "SecretToken", value: "" }]), "SecretToken")).toBe(false);
  });
});
