import { format } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { saveConfiguration, testConnection } from "@/lib/actions/configure-job";
import { DEFAULT_SETTINGS } from "@/lib/configure/settings";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { SCIM_DEMO_CREDENTIALS } from "@/lib/emulator/targets/app-profiles";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { stubEmbeddedEnv } from "@/test/support/action-emulator";
import { describeFindings, scanText } from "./secret-scan";

/**
 * The admin credentials typed on the Configure screen (issue 16): whatever happens — accepted, refused by the
 * connector, refused by the console, a Graph outage, a lost connection, a bad server configuration — no secret
 * value reaches an action's result, a console.* line or the emulator's request log (which also holds its audit
 * of saved keys). The browser side (storage, URL, RSC payload) is the e2e spec's.
 */

let emulator: TestEmulator;
let admin: string;
const output: string[] = [];
const spies: MockInstance[] = [];

const BOX = { servicePrincipalId: SP.box, jobId: JOB.boxPaused };
/** Distinct per scenario, so a finding says which one leaked. */
const secretFor = (scenario: string) => `Secret-${scenario}-0123456789`;

beforeAll(async () => {
  emulator = await startTestEmulator();
  stubEmbeddedEnv(emulator);
  admin = await emulator.token("admin");
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    spies.push(vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void output.push(format(...args))));
  }
});
afterAll(async () => {
  for (const spy of spies) spy.mockRestore();
  vi.unstubAllEnvs();
  await emulator.close();
});
beforeEach(async () => {
  await emulator.control("POST", "reset");
  await emulator.control("DELETE", "faults");
});

type Run = (secret: string, token: string) => Promise<unknown>;
const testWith = (baseAddress: string = SCIM_DEMO_CREDENTIALS.BaseAddress): Run => (secret, token) =>
  testConnection(token, { ...BOX, useSavedCredentials: false, credentials: { BaseAddress: baseAddress, SecretToken: secret } });
const saveWith = (baseAddress: string = SCIM_DEMO_CREDENTIALS.BaseAddress): Run => (secret, token) =>
  saveConfiguration(token, { ...BOX, credentials: { BaseAddress: baseAddress, SecretToken: secret }, settings: DEFAULT_SETTINGS });

const SCENARIOS: [name: string, run: Run, setup?: () => Promise<unknown>][] = [
  ["test-refused", testWith()],
  ["save-accepted", saveWith()],
  ["test-http-url", testWith("http://scim.example.com/v2")],
  ["save-http-url", saveWith("http://scim.example.com/v2")],
  ["test-503", testWith(), () => emulator.control("POST", "faults", { method: "POST", path: "**/validateCredentials", status: 503, count: 1 })],
  ["save-503", saveWith(), () => emulator.control("POST", "faults", { method: "PUT", path: "**/secrets", status: 503, count: 1 })],
  ["save-reset", saveWith(), () => emulator.control("POST", "faults", { method: "PUT", path: "**/secrets", reset: true, count: 1 })],
  ["save-answer-lost", saveWith(), () => emulator.control("POST", "faults", { method: "PUT", path: "**/secrets", resetAfter: true, count: 1 })],
  ["test-read-reset", testWith(), () => emulator.control("POST", "faults", { path: "**/$batch", reset: true, count: 1 })],
];

describe("typed admin credentials stay out of results, logs and the request log", () => {
  it.each(SCENARIOS)("%s", async (name, run, setup) => {
    const secret = secretFor(name);
    await setup?.();
    const results = [await run(secret, admin), await run(secret, await emulator.token("reader"))];
    const findings = [
      ...scanText(`${name} results`, JSON.stringify(results), { secretValues: [secret] }),
      ...scanText(`${name} console output`, output.join("\n"), { secretValues: [secret] }),
      ...scanText(`${name} request log`, JSON.stringify(await emulator.requests()), { secretValues: [secret] }),
    ];
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it("a bad server configuration is logged (once per call) without the secret", async () => {
    const secret = secretFor("config");
    vi.stubEnv("GRAPH_API_VERSION", "v2");
    const before = output.length;
    try {
      const results = [await saveWith()(secret, admin), await testWith()(secret, admin)];
      expect(results).toMatchObject([{ ok: false, error: { code: "ServerConfiguration" } }, { ok: false, error: { code: "ServerConfiguration" } }]);
    } finally {
      vi.stubEnv("GRAPH_API_VERSION", "beta");
    }
    expect(output.length).toBe(before + 2);
    expect(output.join("\n")).not.toContain(secret);
  });

  it("refusals of hostile values never quote them", async () => {
    for (const secret of [`${secretFor("nul")}\u0000`, `${secretFor("crlf")}\r\nX: 1`, ` ${secretFor("space")}`, `${secretFor("long")}${"x".repeat(5000)}`]) {
      const results = [await testWith()(secret, admin), await saveWith()(secret, admin)];
      expect(results).toMatchObject([{ ok: false, error: { kind: "invalid-input", field: "credentials.SecretToken" } }, { ok: false, error: { kind: "invalid-input" } }]);
      expect(JSON.stringify(results)).not.toContain(secret.trim().slice(0, 20));
    }
    expect(await emulator.requests()).toEqual([]);
  });

  it("a successful save answers key names only", async () => {
    const secret = secretFor("keys");
    const result = await saveWith()(secret, admin);
    expect(result).toEqual({ ok: true, data: { savedKeys: ["BaseAddress", "SecretToken", "SyncNotificationSettings", "SyncAll"], droppedKeys: [], scopeChanged: false } });
  });
});
