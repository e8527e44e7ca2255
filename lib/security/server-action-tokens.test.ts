import { format } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { createJob } from "@/lib/actions/create-job";
import { deleteJob, pauseJob, restartJob, startJob } from "@/lib/actions/job-lifecycle";
import { saveConfiguration, testConnection } from "@/lib/actions/configure-job";
import { DEFAULT_SETTINGS } from "@/lib/configure/settings";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { describeFindings, scanText } from "./secret-scan";
import { stubEmbeddedEnv } from "@/test/support/action-emulator";

/**
 * Every server action (create, start, pause, restart, delete, test connection, save configuration): no outcome (refused, Graph error, fault,
 * connection reset, bad configuration) prints the token or puts it in the result. Refusals of hostile
 * tokens are in lib/actions/hostile-input.test.ts.
 */

let emulator: TestEmulator;
const output: string[] = [];
const spies: MockInstance[] = [];

const BOX = { servicePrincipalId: SP.box, jobId: JOB.boxPaused };
const ACTIONS = {
  createJob: (token: unknown) => createJob(token as string, { servicePrincipalId: SP.box, templateId: "BoxOutDelta" }),
  startJob: (token: unknown) => startJob(token as string, BOX),
  pauseJob: (token: unknown) => pauseJob(token as string, BOX),
  restartJob: (token: unknown) => restartJob(token as string, { ...BOX, resetScope: ["Full"] }),
  deleteJob: (token: unknown) => deleteJob(token as string, BOX),
  testConnection: (token: unknown) => testConnection(token as string, { ...BOX, useSavedCredentials: true }),
  saveConfiguration: (token: unknown) =>
    saveConfiguration(token as string, { ...BOX, credentials: { BaseAddress: "https://scim.example.com/v2", SecretToken: "s3cr3t-token-value" }, settings: DEFAULT_SETTINGS }),
};
const names = Object.keys(ACTIONS) as (keyof typeof ACTIONS)[];

beforeAll(async () => {
  emulator = await startTestEmulator();
  stubEmbeddedEnv(emulator);
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

describe("server actions and the Graph token", () => {
  it.each(names)("%s never prints or returns the token, whatever Graph answers", async (name) => {
    const tokens = [
      await emulator.token("admin"),
      await emulator.token("reader"),
      await emulator.token("nosync"),
      await emulator.token("admin", { lifetimeSeconds: -120 }),
    ];
    const results: unknown[] = [];
    for (const token of tokens) results.push(await ACTIONS[name](token));
    await emulator.control("POST", "faults", [
      { path: "**", status: 503, count: 1 },
      { path: "**", reset: true, count: 1 },
    ]);
    results.push(await ACTIONS[name](tokens[0]), await ACTIONS[name](tokens[0]));
    vi.stubEnv("GRAPH_API_VERSION", "v2");
    try {
      results.push(await ACTIONS[name](tokens[0]));
    } finally {
      vi.stubEnv("GRAPH_API_VERSION", "beta");
    }
    expect(results.some((r) => (r as { ok: boolean }).ok === false)).toBe(true);
    const findings = [
      ...scanText(`${name} results`, JSON.stringify(results), { secretValues: tokens }),
      ...scanText(`${name} console output`, output.join("\n"), { secretValues: tokens }),
      ...scanText(`${name} request log`, JSON.stringify(await emulator.requests()), { secretValues: tokens }),
    ];
    expect(findings, describeFindings(findings)).toEqual([]);
  });
});
