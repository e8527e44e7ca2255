import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { jobConfiguration, putSecrets, validateCredentials } from "./configuration";
import { createGraphGateway } from "./gateway";
import { GraphError } from "./graph-error";
import { jobOverview } from "./jobs";
import { servicePrincipalOverview } from "./service-principals";

let emulator: TestEmulator;
const graph = (version: "beta" | "v1.0" = "beta", persona: "admin" | "reader" = "admin") =>
  createGraphGateway({ baseUrl: emulator.url, version, getToken: () => emulator.token(persona) });

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await emulator.control("POST", "reset");
});

describe("jobConfiguration (one $batch against the emulator)", () => {
  it.each(["beta", "v1.0"] as const)("reads the fields of the job's template and the saved secrets, masked (%s)", async (version) => {
    const configuration = await jobConfiguration(graph(version), SP.salesforce, JOB.salesforceQuarantined);
    expect(configuration.job.id).toBe(JOB.salesforceQuarantined);
    expect(configuration.template?.id).toBe("SfOutDelta");
    expect(configuration.fields.source).toBe("template");
    expect(configuration.fields.fields.map((field) => [field.key, field.secret, field.required])).toEqual([
      ["UserName", false, true],
      ["Password", true, true],
      ["SecretToken", true, false],
    ]);
    expect(configuration.saved).toEqual([
      { key: "UserName", value: "admin@contoso-sfdc.example", masked: false },
      { key: "Password", value: null, masked: true },
      { key: "SyncAll", value: "false", masked: false },
    ]);
    expect(JSON.stringify(configuration)).not.toContain("expired-password");
  });

  it("throws Graph's error when the job does not exist", async () => {
    await expect(jobConfiguration(graph(), SP.box, "BoxOutDelta.00000000000000000000000000000000")).rejects.toMatchObject({ info: { kind: "not-found" } });
  });

  it("lets the read-only admin read the saved (masked) configuration", async () => {
    const configuration = await jobConfiguration(graph("beta", "reader"), SP.box, JOB.boxPaused);
    expect(configuration.saved.find((pair) => pair.key === "SecretToken")).toEqual({ key: "SecretToken", value: null, masked: true });
    expect(configuration.saved.find((pair) => pair.key === "BaseAddress")?.value).toBe("https://scim.example.com/v2");
  });
});

describe("the pages' $batch carries the configuration", () => {
  it("job page: template fields and saved secrets, nothing secret in clear", async () => {
    const overview = await jobOverview(graph(), SP.box, JOB.boxPaused);
    expect(overview.configuration).toMatchObject({ ok: true, value: { fields: { source: "template" } } });
    expect(JSON.stringify(overview)).not.toContain("s3cr3t-token-value");
  });

  it("service principal page: the saved secrets, masked", async () => {
    const overview = await servicePrincipalOverview(graph(), SP.box);
    expect(overview.secrets.ok && overview.secrets.value.map((pair) => pair.key)).toEqual(["BaseAddress", "SecretToken", "SyncNotificationSettings", "SyncAll"]);
    expect(JSON.stringify(overview)).not.toContain("s3cr3t-token-value");
  });
});

describe("validateCredentials and putSecrets", () => {
  it("answers 204 for credentials the target accepts, and the connector's error otherwise", async () => {
    const good = [{ key: "BaseAddress", value: "https://scim.example.com/v2" }, { key: "SecretToken", value: "s3cr3t-token-value" }];
    await expect(validateCredentials(graph(), SP.zoom, JOB.boxPaused, { useSavedCredentials: false, credentials: good })).rejects.toMatchObject({ info: { kind: "not-found" } });
    await validateCredentials(graph(), SP.box, JOB.boxPaused, { useSavedCredentials: false, credentials: good });
    await validateCredentials(graph(), SP.box, JOB.boxPaused, { useSavedCredentials: true, credentials: [] });
    const refused = await validateCredentials(graph(), SP.box, JOB.boxPaused, { useSavedCredentials: false, credentials: [good[0], { key: "SecretToken", value: "wrong" }] }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphError);
    expect((refused as GraphError).info).toMatchObject({ status: 400, kind: "bad-request", code: "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable" });
  });

  it("replaces the whole saved set", async () => {
    await putSecrets(graph(), SP.zoom, [{ key: "BaseAddress", value: "https://scim.example.com/v2" }, { key: "SecretToken", value: "s3cr3t-token-value" }]);
    const saved = await emulator.call("GET", `/beta/servicePrincipals/${SP.zoom}/synchronization/secrets`);
    expect(saved.body.value).toEqual([
      { key: "BaseAddress", value: "https://scim.example.com/v2" },
      { key: "SecretToken", value: "*****" },
    ]);
  });
});
