import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it } from "vitest";
import { createJob } from "@/lib/actions/create-job";
import { type PersonaId } from "@/lib/emulator/auth/personas";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { type TestEmulator } from "@/test/support/emulator";
import { createGraphGateway } from "@/lib/graph/gateway";
import { checkForNewJob, submitCreateJob, type CreateJobDeps } from "./create-job-flow";
import { listJobs } from "@/lib/graph/jobs";
import { withActionEmulator } from "@/test/support/action-emulator";

let emulator: TestEmulator;

withActionEmulator((running) => (emulator = running));

async function posts(): Promise<{ status: number }[]> {
  return (await emulator.requests()).filter((r: { method: string }) => r.method === "POST");
}

async function jobsOf(spId: string): Promise<SynchronizationJob[]> {
  return (await emulator.call("GET", `/beta/servicePrincipals/${spId}/synchronization/jobs`)).body.value;
}

/** The form's wiring, with the browser's pieces replaced by the emulator's (no fetch mocks). */
function deps(spId: string, overrides: Partial<CreateJobDeps> = {}, persona: PersonaId = "admin"): CreateJobDeps & { refreshed: number } {
  const graph = createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: () => emulator.token(persona), sleep: async () => {} });
  const wiring = {
    refreshed: 0,
    getToken: () => emulator.token(persona),
    refreshToken: async () => {
      wiring.refreshed++;
      return emulator.token(persona, { lifetimeSeconds: 3600 });
    },
    createJob,
    listJobs: () => listJobs(graph, spId),
    ...overrides,
  };
  return wiring;
}

describe("submitCreateJob", () => {
  it("creates the job and returns Graph's answer", async () => {
    const wiring = deps(SP.zoom);
    const outcome = await submitCreateJob(wiring, { servicePrincipalId: SP.zoom, templateId: "zoom" }, []);
    expect(outcome.kind).toBe("created");
    if (outcome.kind === "created") {
      expect(outcome.job.schedule?.state).toBe("Disabled");
      expect(outcome.recoveredFrom).toBeUndefined();
    }
    expect(wiring.refreshed).toBe(0);
    expect(await posts()).toHaveLength(1);
  });

  it("after 401 InvalidAuthenticationToken gets a fresh token and retries exactly once", async () => {
    const expired = await emulator.token("admin", { lifetimeSeconds: -60 });
    const wiring = deps(SP.zoom, { getToken: async () => expired });
    const outcome = await submitCreateJob(wiring, { servicePrincipalId: SP.zoom, templateId: "zoom" }, []);
    expect(outcome.kind).toBe("created");
    expect(wiring.refreshed).toBe(1);
    expect((await posts()).map((r) => r.status)).toEqual([401, 201]);
    expect(await jobsOf(SP.zoom)).toHaveLength(1);
  });

  it("gives up after the one retry when the fresh token is refused too", async () => {
    const expired = await emulator.token("admin", { lifetimeSeconds: -60 });
    const alsoExpired = await emulator.token("admin", { lifetimeSeconds: -30 });
    const outcome = await submitCreateJob(
      deps(SP.zoom, { getToken: async () => expired, refreshToken: async () => alsoExpired }),
      { servicePrincipalId: SP.zoom, templateId: "zoom" },
      [],
    );
    expect(outcome).toMatchObject({ kind: "failed", error: { kind: "unauthenticated", code: "InvalidAuthenticationToken" } });
    expect((await posts()).map((r) => r.status)).toEqual([401, 401]);
  });

  it("does not resend when the identity provider hands back the same token, or none", async () => {
    const expired = await emulator.token("admin", { lifetimeSeconds: -60 });
    const same = await submitCreateJob(
      deps(SP.zoom, { getToken: async () => expired, refreshToken: async () => expired }),
      { servicePrincipalId: SP.zoom, templateId: "zoom" },
      [],
    );
    expect(same).toMatchObject({ kind: "failed", error: { kind: "unauthenticated" } });
    const none = await submitCreateJob(
      deps(SP.zoom, {
        getToken: async () => expired,
        refreshToken: async () => {
          throw new Error("interaction_required");
        },
      }),
      { servicePrincipalId: SP.zoom, templateId: "zoom" },
      [],
    );
    expect(none).toMatchObject({ kind: "failed", error: { kind: "unauthenticated" } });
    expect(await posts()).toHaveLength(2);
  });

  it("does not retry a missing Synchronization permission (401 UnknownError)", async () => {
    const wiring = deps(SP.zoom, {}, "nosync");
    const outcome = await submitCreateJob(wiring, { servicePrincipalId: SP.zoom, templateId: "zoom" }, []);
    expect(outcome).toMatchObject({ kind: "failed", error: { kind: "missing-sync-permission" } });
    expect(outcome.kind === "failed" && outcome.check).toBeFalsy();
    expect(wiring.refreshed).toBe(0);
    expect(await posts()).toHaveLength(1);
  });

  it("does not check the job list after a failure that certainly created nothing (429)", async () => {
    await emulator.control("POST", "faults", { method: "POST", path: "**/synchronization/jobs", status: 429, retryAfter: 3, count: 1 });
    const outcome = await submitCreateJob(deps(SP.zoom), { servicePrincipalId: SP.zoom, templateId: "zoom" }, []);
    expect(outcome).toMatchObject({ kind: "failed", error: { kind: "throttled", retryAfterSeconds: 3 } });
    expect(outcome.kind === "failed" && outcome.check).toBeFalsy();
    const requests = (await emulator.requests());
    expect(requests).toHaveLength(1);
    // Retry-After says the POST was not processed: the retry creates the job once.
    expect(await submitCreateJob(deps(SP.zoom), { servicePrincipalId: SP.zoom, templateId: "zoom" }, [])).toMatchObject({ kind: "created" });
    expect(await jobsOf(SP.zoom)).toHaveLength(1);
  });

  it("after a 503 lists the jobs and says that none was created", async () => {
    await emulator.control("POST", "faults", { method: "POST", path: "**/synchronization/jobs", status: 503, count: 1 });
    const before = await jobsOf(SP.box);
    const outcome = await submitCreateJob(deps(SP.box), { servicePrincipalId: SP.box, templateId: "BoxOutDelta" }, before);
    expect(outcome).toMatchObject({ kind: "failed", error: { kind: "server", status: 503, ambiguous: true }, check: { kind: "absent" } });
    if (outcome.kind === "failed") expect(outcome.jobsNow?.map((job) => job.id)).toEqual([JOB.boxPaused]);
    expect(await posts()).toHaveLength(1);
  });

  it("after a connection reset lists the jobs and says that none was created", async () => {
    await emulator.control("POST", "faults", { method: "POST", path: "**/synchronization/jobs", reset: true, count: 1 });
    const outcome = await submitCreateJob(deps(SP.zoom), { servicePrincipalId: SP.zoom, templateId: "zoom" }, []);
    expect(outcome).toMatchObject({ kind: "failed", error: { kind: "network", ambiguous: true }, check: { kind: "absent" } });
  });

  it("when Graph created the job but the answer was lost, reports the job instead of offering a retry", async () => {
    const lostAnswer: CreateJobDeps["createJob"] = async (token, input) => {
      await createJob(token, input);
      return { ok: false, error: { kind: "network", status: 0, code: "NetworkError", message: "The connection was reset.", ambiguous: true } };
    };
    const before = await jobsOf(SP.box);
    const outcome = await submitCreateJob(deps(SP.box, { createJob: lostAnswer }), { servicePrincipalId: SP.box, templateId: "BoxOutDelta" }, before);
    expect(outcome.kind).toBe("created");
    const now = await jobsOf(SP.box);
    expect(now).toHaveLength(2);
    if (outcome.kind === "created") {
      expect(outcome.recoveredFrom?.code).toBe("NetworkError");
      expect(outcome.job.id).toBe(now.find((job) => job.id !== JOB.boxPaused)?.id);
    }
    expect(await posts()).toHaveLength(1);
  });

  it("treats a throwing server action (console server unreachable) as ambiguous", async () => {
    const unreachable: CreateJobDeps["createJob"] = async () => {
      throw new TypeError("Failed to fetch");
    };
    const outcome = await submitCreateJob(deps(SP.zoom, { createJob: unreachable }), { servicePrincipalId: SP.zoom, templateId: "zoom" }, []);
    expect(outcome).toMatchObject({ kind: "failed", error: { kind: "network", code: "ActionFailed", ambiguous: true }, check: { kind: "absent" } });
  });

  it("says so when the job list cannot be read either", async () => {
    await emulator.control("POST", "faults", [
      { method: "POST", path: "**/synchronization/jobs", status: 503, count: 1 },
      { method: "GET", path: "**/synchronization/jobs", status: 500, count: 1 },
    ]);
    const outcome = await submitCreateJob(deps(SP.zoom), { servicePrincipalId: SP.zoom, templateId: "zoom" }, []);
    expect(outcome).toMatchObject({ kind: "failed", error: { kind: "server" }, check: { kind: "unknown", error: { kind: "server", status: 500 } } });
    // Checking again later settles it.
    expect(await checkForNewJob(deps(SP.zoom).listJobs, [], "zoom")).toMatchObject({ check: { kind: "absent" } });
  });

  it("returns a token failure without calling anything", async () => {
    const outcome = await submitCreateJob(
      deps(SP.zoom, {
        getToken: async () => {
          throw Object.assign(new Error("You are not signed in."), { name: "SignInRequiredError" });
        },
      }),
      { servicePrincipalId: SP.zoom, templateId: "zoom" },
      [],
    );
    expect(outcome).toMatchObject({ kind: "failed", error: { kind: "unauthenticated", code: "SignInRequiredError" } });
    expect((await emulator.requests())).toEqual([]);
  });
});
