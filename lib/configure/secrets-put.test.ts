import { describe, expect, it } from "vitest";
import { DEFAULT_CREDENTIAL_FIELDS, type CredentialField } from "./fields";
import { toSavedSecrets } from "./saved-secrets";
import { buildSecretsPut, hiddenSecretsLost } from "./secrets-put";
import { DEFAULT_SETTINGS } from "./settings";

const TYPED = { BaseAddress: "https://scim.example.com/v2", SecretToken: "s3cr3t-token-value" };
const NOTIFY = '{"Enabled":false,"DeleteThresholdEnabled":true,"DeleteThresholdValue":500}';

describe("buildSecretsPut", () => {
  it("replaces what the screen owns in place, keeps the rest, and never sends a masked value back", () => {
    const saved = toSavedSecrets([
      { key: "BaseAddress", value: "https://old.example.com/scim" },
      { key: "SecretToken", value: "*****" },
      { key: "SyncNotificationSettings", value: NOTIFY },
      { key: "SkipOutOfScopeDeletions", value: "true" },
      { key: "Oauth2RefreshToken", value: "*****" },
      { key: "SyncAll", value: "false" },
    ]);
    const put = buildSecretsPut({ fields: DEFAULT_CREDENTIAL_FIELDS, saved, credentials: TYPED, settings: DEFAULT_SETTINGS });
    expect(put.pairs).toEqual([
      { key: "BaseAddress", value: "https://scim.example.com/v2" },
      { key: "SecretToken", value: "s3cr3t-token-value" },
      { key: "SyncNotificationSettings", value: NOTIFY },
      { key: "SkipOutOfScopeDeletions", value: "true" },
      { key: "SyncAll", value: "false" },
    ]);
    expect(put.dropped).toEqual(["Oauth2RefreshToken"]);
    expect(put.scopeChanged).toBe(false);
    expect(JSON.stringify(put.pairs)).not.toContain("*");
  });

  it("writes credentials and settings after the saved pairs when none were saved", () => {
    const put = buildSecretsPut({ fields: DEFAULT_CREDENTIAL_FIELDS, saved: [], credentials: TYPED, settings: { ...DEFAULT_SETTINGS, syncAll: true } });
    expect(put.pairs.map((pair) => pair.key)).toEqual(["BaseAddress", "SecretToken", "SyncNotificationSettings", "SyncAll"]);
    expect(put.pairs.at(-1)).toEqual({ key: "SyncAll", value: "true" });
    expect(put.dropped).toEqual([]);
    expect(put.scopeChanged).toBe(true);
  });

  it("keeps the identifiers of apps without admin credentials (cloud sync's Domain and AppKey)", () => {
    const saved = toSavedSecrets([{ key: "Domain", value: '{"domain":"corp.contoso.example"}' }, { key: "AppKey", value: '{"appKeyScenario":"AD2AADProvisioning"}' }]);
    const put = buildSecretsPut({ fields: [], saved, credentials: {}, settings: DEFAULT_SETTINGS });
    expect(put.pairs.slice(0, 2)).toEqual([
      { key: "Domain", value: '{"domain":"corp.contoso.example"}' },
      { key: "AppKey", value: '{"appKeyScenario":"AD2AADProvisioning"}' },
    ]);
    expect(put.pairs.map((pair) => pair.key)).toEqual(["Domain", "AppKey", "SyncNotificationSettings", "SyncAll"]);
  });

  it("drops an optional secret left blank, and reports it", () => {
    const fields: CredentialField[] = [
      { key: "UserName", label: "Admin Username", secret: false, required: true, httpsUrl: false },
      { key: "Password", label: "Admin Password", secret: true, required: true, httpsUrl: false },
      { key: "SecretToken", label: "Secret Token", secret: true, required: false, httpsUrl: false },
    ];
    const saved = toSavedSecrets([{ key: "UserName", value: "admin@x.example" }, { key: "Password", value: "*****" }, { key: "SecretToken", value: "*****" }]);
    const put = buildSecretsPut({ fields, saved, credentials: { UserName: "admin@x.example", Password: "new" }, settings: DEFAULT_SETTINGS });
    expect(put.pairs.slice(0, 2)).toEqual([{ key: "UserName", value: "admin@x.example" }, { key: "Password", value: "new" }]);
    expect(put.dropped).toEqual(["SecretToken"]);
  });

  it("refuses to put a masked value, whatever the validation upstream let through", () => {
    expect(() => buildSecretsPut({ fields: DEFAULT_CREDENTIAL_FIELDS, saved: [], credentials: { ...TYPED, SecretToken: "*****" }, settings: DEFAULT_SETTINGS })).toThrow(/masked value for SecretToken/);
  });
});

describe("hiddenSecretsLost", () => {
  it("lists the masked secrets a save would remove although the screen does not show them", () => {
    const saved = toSavedSecrets([{ key: "SecretToken", value: "*****" }, { key: "Oauth2AccessToken", value: "*****" }, { key: "Domain", value: "x" }]);
    expect(hiddenSecretsLost(DEFAULT_CREDENTIAL_FIELDS, saved)).toEqual(["Oauth2AccessToken"]);
  });
});
