import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it, vi } from "vitest";
import { deleteJob, pauseJob, restartJob, startJob } from "@/lib/actions/job-lifecycle";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { type TestEmulator } from "@/test/support/emulator";
import { runLifecycleOperation, type LifecycleDeps } from "./lifecycle-flow";
import { withActionEmulator } from "@/test/support/action-emulator";

let emulator: TestEmulator;
const ACTIONS = { startJob, pauseJob, restartJob, deleteJob };
const DATABRICKS = { servicePrincipalId: SP.databricks, jobId: JOB.databricksNotConfigured };

const writes = async () =>
  ((await emulator.requests()) as { method: string; status: number }[]).filter((r) => r.method !== "GET").map((r) => r.status);
const status = async () =>
  (await emulator.call<SynchronizationJob>("GET", `/beta/servicePrincipals/${SP.databricks}/synchronization/jobs/${JOB.databricksNotConfigured}`)).body.status?.code;

withActionEmulator((running) => (emulator = running));

const deps = (over: Partial<LifecycleDeps>): LifecycleDeps => ({
  getToken: () => emulator.token("admin"),
  refreshToken: () => emulator.token("admin"),
  actions: ACTIONS,
  ...over,
});

describe("runLifecycleOperation against the emulator", () => {
  it("after a 401 InvalidAuthenticationToken, gets a fresh token and retries once", async () => {
    const expired = await emulator.token("admin", { lifetimeSeconds: -120 });
    const refreshToken = vi.fn(() => emulator.token("admin"));
    const result = await runLifecycleOperation(deps({ getToken: async () => expired, refreshToken }), DATABRICKS, { kind: "start" });
    expect(result).toEqual({ ok: true, data: null });
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(await writes()).toEqual([401, 204]);
    expect(await status()).toBe("NotRun");
  });

  it("does not loop when the fresh token is refused too, or is the same token", async () => {
    const expired = await emulator.token("admin", { lifetimeSeconds: -120 });
    const stillExpired = await emulator.token("admin", { lifetimeSeconds: -60 });
    expect(await runLifecycleOperation(deps({ getToken: async () => expired, refreshToken: async () => stillExpired }), DATABRICKS, { kind: "pause" })).toMatchObject({
      ok: false,
      error: { kind: "unauthenticated" },
    });
    expect(await runLifecycleOperation(deps({ getToken: async () => expired, refreshToken: async () => expired }), DATABRICKS, { kind: "pause" })).toMatchObject({
      ok: false,
      error: { kind: "unauthenticated" },
    });
    expect(await runLifecycleOperation(deps({ getToken: async () => expired, refreshToken: () => Promise.reject(new Error("popup blocked")) }), DATABRICKS, { kind: "pause" })).toMatchObject({
      ok: false,
      error: { kind: "unauthenticated", status: 401 },
    });
    expect(await writes()).toEqual([401, 401, 401, 401]);
  });

  it("never retries an ambiguous 503: one POST, the error as Graph gave it", async () => {
    await emulator.control("POST", "faults", { method: "POST", path: "**/restart", status: 503, count: 1 });
    const refreshToken = vi.fn(() => emulator.token("admin"));
    const result = await runLifecycleOperation(deps({ refreshToken }), DATABRICKS, { kind: "restart", resetScope: ["Full"] });
    expect(result).toMatchObject({ ok: false, error: { kind: "server", status: 503, ambiguous: true } });
    expect(refreshToken).not.toHaveBeenCalled();
    expect(await writes()).toEqual([503]);
  });

  it("sends nothing when no token can be had", async () => {
    const result = await runLifecycleOperation(deps({ getToken: () => Promise.reject(new Error("interaction_required")) }), DATABRICKS, { kind: "delete" });
    expect(result).toMatchObject({ ok: false, error: { kind: "unauthenticated", status: 0, message: "interaction_required" } });
    expect(await writes()).toEqual([]);
  });

  it("treats a server action that throws (the console's server unreachable) as ambiguous", async () => {
    const failing = { ...ACTIONS, deleteJob: () => Promise.reject(new TypeError("Failed to fetch")) };
    const result = await runLifecycleOperation(deps({ actions: failing }), DATABRICKS, { kind: "delete" });
    expect(result).toMatchObject({ ok: false, error: { kind: "network", code: "ActionFailed", ambiguous: true } });
  });

  it("routes each operation to its action", async () => {
    expect((await runLifecycleOperation(deps({}), DATABRICKS, { kind: "start" })).ok).toBe(true);
    expect((await runLifecycleOperation(deps({}), DATABRICKS, { kind: "pause" })).ok).toBe(true);
    expect(await status()).toBe("Paused");
    expect((await runLifecycleOperation(deps({}), DATABRICKS, { kind: "restart", resetScope: [] })).ok).toBe(true);
    expect(await status()).toBe("NotRun");
    expect((await runLifecycleOperation(deps({}), DATABRICKS, { kind: "delete" })).ok).toBe(true);
    const paths = ((await emulator.requests()) as { method: string; path: string }[])
      .filter((r) => r.method !== "GET")
      .map((r) => `${r.method} ${r.path.split("/").pop()}`);
    expect(paths).toEqual(["POST start", "POST pause", "POST restart", `DELETE ${JOB.databricksNotConfigured}`]);
  });
});
