import { beforeAll, describe, expect, it } from "vitest";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { SALESFORCE_DEMO_CREDENTIALS, SCIM_DEMO_CREDENTIALS } from "@/lib/emulator/targets/app-profiles";
import { DEFAULT_SETTINGS } from "@/lib/configure/settings";
import { type TestEmulator } from "@/test/support/emulator";
import { withActionEmulator } from "@/test/support/action-emulator";
import { saveConfiguration, testConnection } from "./configure-job";

let emulator: TestEmulator;
let admin: string;

withActionEmulator((running) => (emulator = running));
beforeAll(async () => {
  admin = await emulator.token("admin");
});

const BOX = { servicePrincipalId: SP.box, jobId: JOB.boxPaused };
const SALESFORCE = { servicePrincipalId: SP.salesforce, jobId: JOB.salesforceQuarantined };
const WRONG_TOKEN = "wrong-token-value-123";

async function savedPairs(spId: string): Promise<{ key: string; value: string | null }[]> {
  return (await emulator.call("GET", `/beta/servicePrincipals/${spId}/synchronization/secrets`)).body.value;
}
const writes = async () => (await emulator.requests()).filter((request) => request.method !== "GET" && !request.path.endsWith("/$batch"));
const paths = async () => (await emulator.requests()).map((request) => `${request.method} ${request.path.replace(/^\/beta/, "")}`);

describe("testConnection", () => {
  it("tests typed credentials the target accepts, and saves nothing", async () => {
    const before = await savedPairs(SP.zoom);
    await emulator.clearRequests();
    const result = await testConnection(admin, { servicePrincipalId: SP.box, jobId: JOB.boxPaused, useSavedCredentials: false, credentials: SCIM_DEMO_CREDENTIALS });
    expect(result).toEqual({ ok: true, data: { tested: "typed" } });
    expect(await paths()).toEqual(["POST /$batch", `POST /servicePrincipals/${SP.box}/synchronization/jobs/${JOB.boxPaused}/validateCredentials`]);
    expect(await savedPairs(SP.zoom)).toEqual(before);
  });

  it("returns the connector's refusal (code and message) for a wrong token, without the token", async () => {
    const result = await testConnection(admin, { ...BOX, useSavedCredentials: false, credentials: { ...SCIM_DEMO_CREDENTIALS, SecretToken: WRONG_TOKEN } });
    expect(result).toMatchObject({ ok: false, error: { kind: "bad-request", status: 400, code: "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable" } });
    if (!result.ok) expect(result.error.message).toMatch(/^We are not able to connect to your application while attempting to validate our authorization/);
    expect(JSON.stringify(result)).not.toContain(WRONG_TOKEN);
  });

  it("tests the saved credentials: Box's work, Salesforce's expired password does not", async () => {
    expect(await testConnection(admin, { ...BOX, useSavedCredentials: true })).toEqual({ ok: true, data: { tested: "saved" } });
    expect(await testConnection(admin, { ...SALESFORCE, useSavedCredentials: true })).toMatchObject({ ok: false, error: { kind: "bad-request", code: "SalesforceInvalidCredentials" } });
    expect((await emulator.requests()).every((request) => request.path.endsWith("/validateCredentials"))).toBe(true);
  });

  it("refuses a tenant URL that is not https before sending any credential", async () => {
    const result = await testConnection(admin, { ...BOX, useSavedCredentials: false, credentials: { ...SCIM_DEMO_CREDENTIALS, BaseAddress: "http://scim.example.com/v2" } });
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid-input", field: "credentials.BaseAddress" } });
    if (!result.ok) expect(result.error.message).toMatch(/^The Tenant URL must start with https:\/\//);
    expect(await paths()).toEqual(["POST /$batch"]);
  });

  it("refuses a blank required field, and a key the application does not ask for", async () => {
    expect(await testConnection(admin, { ...BOX, useSavedCredentials: false, credentials: { BaseAddress: SCIM_DEMO_CREDENTIALS.BaseAddress } })).toMatchObject({
      ok: false,
      error: { kind: "invalid-input", field: "credentials.SecretToken" },
    });
    expect(await testConnection(admin, { ...BOX, useSavedCredentials: false, credentials: { ...SCIM_DEMO_CREDENTIALS, Password: "x" } })).toMatchObject({
      ok: false,
      error: { kind: "invalid-input", field: "credentials.Password", message: "Password is not one of this application's admin credentials." },
    });
    expect(await writes()).toEqual([]);
  });

  it("refuses typed values with the saved test, and no values with the typed test, before any request", async () => {
    expect(await testConnection(admin, { ...BOX, useSavedCredentials: true, credentials: SCIM_DEMO_CREDENTIALS })).toMatchObject({ ok: false, error: { field: "credentials" } });
    expect(await testConnection(admin, { ...BOX, useSavedCredentials: false, credentials: { SecretToken: "" } })).toMatchObject({ ok: false, error: { field: "credentials" } });
    expect(await emulator.requests()).toEqual([]);
  });

  it("maps the read-only admin to 403, and a server error is never ambiguous (nothing is saved)", async () => {
    expect(await testConnection(await emulator.token("reader"), { ...BOX, useSavedCredentials: true })).toMatchObject({ ok: false, error: { kind: "forbidden", status: 403 } });
    await emulator.control("POST", "faults", { method: "POST", path: "**/validateCredentials", status: 503, count: 1 });
    const result = await testConnection(admin, { ...BOX, useSavedCredentials: true });
    expect(result).toMatchObject({ ok: false, error: { kind: "server", status: 503 } });
    if (!result.ok) expect(result.error.ambiguous).toBeUndefined();
  });

  it("maps a job that does not exist to not-found", async () => {
    const result = await testConnection(admin, { servicePrincipalId: SP.zoom, jobId: JOB.boxPaused, useSavedCredentials: false, credentials: SCIM_DEMO_CREDENTIALS });
    expect(result).toMatchObject({ ok: false, error: { kind: "not-found" } });
  });
});

describe("saveConfiguration", () => {
  const settings = { ...DEFAULT_SETTINGS, notifyOnFailure: true, recipients: "admin@contoso.com", deleteThreshold: 250 };

  it("saves the whole set in one PUT; the saved secret then works, and the masked value never went back", async () => {
    await emulator.clearRequests();
    const result = await saveConfiguration(admin, { ...SALESFORCE, credentials: { ...SALESFORCE_DEMO_CREDENTIALS }, settings });
    expect(result).toEqual({
      ok: true,
      data: { savedKeys: ["UserName", "Password", "SyncAll", "SecretToken", "SyncNotificationSettings"], droppedKeys: [], scopeChanged: false },
    });
    expect(await writes()).toEqual([expect.objectContaining({ method: "PUT", path: `/beta/servicePrincipals/${SP.salesforce}/synchronization/secrets`, status: 204 })]);
    expect(await savedPairs(SP.salesforce)).toEqual([
      { key: "UserName", value: "admin@contoso-sfdc.example" },
      { key: "Password", value: "*****" },
      { key: "SyncAll", value: "false" },
      { key: "SecretToken", value: "*****" },
      { key: "SyncNotificationSettings", value: '{"Enabled":true,"Recipients":"admin@contoso.com","DeleteThresholdEnabled":true,"DeleteThresholdValue":250}' },
    ]);
    expect(await testConnection(admin, { ...SALESFORCE, useSavedCredentials: true })).toEqual({ ok: true, data: { tested: "saved" } });
  });

  it("asks for a saved secret again rather than writing its mask, and sends nothing", async () => {
    const result = await saveConfiguration(admin, { ...BOX, credentials: { BaseAddress: SCIM_DEMO_CREDENTIALS.BaseAddress }, settings: DEFAULT_SETTINGS });
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid-input", field: "credentials.SecretToken" } });
    if (!result.ok) expect(result.error.message).toMatch(/Type the Secret token again: Microsoft Graph does not show saved secrets/);
    const masked = await saveConfiguration(admin, { ...BOX, credentials: { ...SCIM_DEMO_CREDENTIALS, SecretToken: "*****" }, settings: DEFAULT_SETTINGS });
    expect(masked).toMatchObject({ ok: false, error: { kind: "invalid-input", field: "credentials.SecretToken" } });
    expect(await writes()).toEqual([]);
  });

  it("keeps the saved pairs it does not own, drops masked ones it cannot send back, and reports a scope change", async () => {
    const extra = await emulator.call("PUT", `/beta/servicePrincipals/${SP.zoom}/synchronization/secrets`, {
      body: { value: [{ key: "SkipOutOfScopeDeletions", value: "true" }, { key: "Oauth2RefreshToken", value: "refresh-me" }, { key: "SyncAll", value: "false" }] },
    });
    expect(extra.status).toBe(204);
    const created = await emulator.call("POST", `/beta/servicePrincipals/${SP.zoom}/synchronization/jobs`, { body: { templateId: "zoom" } });
    const result = await saveConfiguration(admin, { servicePrincipalId: SP.zoom, jobId: created.body.id, credentials: SCIM_DEMO_CREDENTIALS, settings: { ...DEFAULT_SETTINGS, syncAll: true } });
    expect(result).toMatchObject({ ok: true, data: { droppedKeys: ["Oauth2RefreshToken"], scopeChanged: true } });
    expect((await savedPairs(SP.zoom)).map((pair) => pair.key)).toEqual(["SkipOutOfScopeDeletions", "SyncAll", "BaseAddress", "SecretToken", "SyncNotificationSettings"]);
    expect((await savedPairs(SP.zoom)).find((pair) => pair.key === "SyncAll")?.value).toBe("true");
  });

  it("keeps cloud sync's Domain and AppKey (its template asks for no admin credentials)", async () => {
    const result = await saveConfiguration(admin, { servicePrincipalId: SP.cloudSync, jobId: JOB.cloudSyncProvisioning, credentials: {}, settings: DEFAULT_SETTINGS });
    expect(result.ok).toBe(true);
    expect((await savedPairs(SP.cloudSync)).slice(0, 2)).toEqual([
      { key: "Domain", value: '{"domain":"corp.contoso.example"}' },
      { key: "AppKey", value: '{"appKeyScenario":"AD2AADProvisioning"}' },
    ]);
  });

  it("refuses bad settings per field before any request", async () => {
    for (const [bad, field] of [
      [{ ...settings, recipients: "not an address" }, "settings.recipients"],
      [{ ...settings, recipients: "" }, "settings.recipients"],
      [{ ...settings, deleteThreshold: 0 }, "settings.deleteThreshold"],
      [{ ...settings, deleteThreshold: 2.5 }, "settings.deleteThreshold"],
      [{ ...settings, deleteThreshold: "500" }, "settings.deleteThreshold"],
      [{ ...settings, syncAll: "true" }, "settings.syncAll"],
    ] as const) {
      const result = await saveConfiguration(admin, { ...BOX, credentials: SCIM_DEMO_CREDENTIALS, settings: bad as never });
      expect(result, field).toMatchObject({ ok: false, error: { kind: "invalid-input", field } });
    }
    expect(await emulator.requests()).toEqual([]);
  });

  it("marks a lost PUT answer ambiguous, but a failed read not", async () => {
    await emulator.control("POST", "faults", { method: "PUT", path: "**/synchronization/secrets", status: 503, count: 1 });
    const put = await saveConfiguration(admin, { ...BOX, credentials: SCIM_DEMO_CREDENTIALS, settings: DEFAULT_SETTINGS });
    expect(put).toMatchObject({ ok: false, error: { kind: "server", status: 503, ambiguous: true } });
    await emulator.control("POST", "faults", { method: "GET", path: "**/synchronization/secrets", status: 503, count: 1 });
    const read = await saveConfiguration(admin, { ...BOX, credentials: SCIM_DEMO_CREDENTIALS, settings: DEFAULT_SETTINGS });
    expect(read).toMatchObject({ ok: false, error: { kind: "server", status: 503 } });
    if (!read.ok) expect(read.error.ambiguous).toBeUndefined();
  });

  it("maps the read-only admin to 403 and leaves the saved set as it was", async () => {
    const before = await savedPairs(SP.box);
    expect(await saveConfiguration(await emulator.token("reader"), { ...BOX, credentials: SCIM_DEMO_CREDENTIALS, settings: DEFAULT_SETTINGS })).toMatchObject({
      ok: false,
      error: { kind: "forbidden", status: 403 },
    });
    expect(await savedPairs(SP.box)).toEqual(before);
  });
});
