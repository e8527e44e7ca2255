import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { listResponse, scimError, startScimStub, type ScimStub, type StubAnswer, type StubRequest } from "@/test/support/scim-stub";
import { nextCycle, SCIM_APP, scimJob } from "@/test/support/scim-job";

/**
 * A started SCIM job against endpoints that break the protocol: each failure is a clear provisioning-log error,
 * the emulator keeps serving, nothing is lost (its data store holds only what the endpoint confirmed), and once
 * the endpoint behaves the next cycle provisions everyone.
 */

const TOKEN = "non-compliant-token";
let emu: TestEmulator;
let stub: ScimStub;
let respond: (request: StubRequest) => StubAnswer;
beforeAll(async () => {
  emu = await startTestEmulator({ clockSpeed: 0 });
  stub = await startScimStub((request) => respond(request));
});
afterAll(async () => {
  await stub.close();
  await emu.close();
});
beforeEach(async () => {
  await emu.control("POST", "reset");
  stub.requests.length = 0;
});

/** A well-behaved endpoint, except for what `broken` answers instead. */
function endpoint(broken: (request: StubRequest) => StubAnswer | null) {
  let created = 0;
  return (request: StubRequest): StubAnswer => {
    const answer = broken(request);
    if (answer) return answer;
    if (request.method === "GET") return { status: 200, body: listResponse() };
    if (request.method === "POST") return { status: 201, body: { ...(request.body as object), id: `id-${++created}` } };
    return { status: 204 };
  };
}
const target = async (jobId: string) => (await emu.control("GET", `target/${SCIM_APP}/${encodeURIComponent(jobId)}`)).body.value as { id: string }[];
const isCreate = (request: StubRequest) => request.method === "POST";

describe("a SCIM job against a non-compliant endpoint", () => {
  it("a create answered without an id fails each object with ServiceIncompatible and keeps nothing; fixed, the next cycle creates them", async () => {
    respond = endpoint((request) => (isCreate(request) ? { status: 201, body: { ...(request.body as object) } } : null));
    const job = await scimJob(emu, stub.url, TOKEN);
    expect(await job.start()).toBe(204);
    await nextCycle(emu);
    const failed = await job.read();
    expect(failed.status.code).toBe("Active");
    expect(failed.status.lastExecution).toMatchObject({ state: "EntryLevelErrors", countExported: 0 });
    const entries = await job.logs();
    expect(entries.length).toBeGreaterThan(3);
    for (const entry of entries) {
      expect(entry.provisioningStatusInfo.status).toBe("failure");
      expect(entry.provisioningStatusInfo.errorInformation?.errorCode).toBe("SystemForCrossDomainIdentityManagementServiceIncompatible");
      expect(entry.provisioningSteps.at(-1)?.details.Detail).toMatch(/without the new (User|Group)'s id/);
    }
    expect(await target(job.id)).toEqual([]);

    respond = endpoint(() => null);
    await nextCycle(emu);
    expect((await job.read()).status.lastExecution).toMatchObject({ state: "Succeeded", countEscrowed: 0 });
    expect((await target(job.id)).length).toBe(entries.length);
  });

  it("an HTML error page to a create is logged as the endpoint's unexpected answer, not a crash", async () => {
    respond = endpoint((request) => (isCreate(request) ? { status: 500, headers: { "Content-Type": "text/html" }, body: "<html><h1>Internal error</h1></html>" } : null));
    const job = await scimJob(emu, stub.url, TOKEN);
    await job.start();
    await nextCycle(emu);
    const [entry] = await job.logs();
    expect(entry.provisioningStatusInfo.errorInformation).toMatchObject({ errorCode: "InternalServerError" });
    expect(entry.provisioningStatusInfo.errorInformation?.reason).toContain("with 'text/html', not SCIM JSON");
    expect(stub.requests.filter(isCreate).every((request) => request.method === "POST")).toBe(true);
    expect((await emu.call("GET", "/v1.0/users?$top=1")).status).toBe(200);
    expect(await target(job.id)).toEqual([]);
  });

  it("a wrong status to the empty filter fails Start's Test connection: the job is quarantined with the endpoint's answer", async () => {
    respond = endpoint((request) => (request.method === "GET" ? { status: 404, body: scimError(404, "Users endpoint not found") } : null));
    const job = await scimJob(emu, stub.url, TOKEN);
    const check = await emu.call("POST", `${job.path}/validateCredentials`, { body: { useSavedCredentials: true } });
    expect(check.status).toBe(400);
    expect(check.body.error.code).toBe("SystemForCrossDomainIdentityManagementCredentialValidationUnavailable");
    expect(check.body.error.message).toContain("Response Status Code: NotFound");
    expect(check.body.error.message).toContain("Users endpoint not found");
    await job.start();
    await nextCycle(emu);
    const status = (await job.read()).status;
    expect(status.code).toBe("Quarantine");
    expect(status.quarantine?.error?.code).toBe("SystemForCrossDomainIdentityManagementCredentialValidationUnavailable");
    expect(stub.requests.some(isCreate)).toBe(false);
  });

  it("two matches for one person fail that person with MultipleEntriesInResponse", async () => {
    const twins = [{ id: "a", userName: "x" }, { id: "b", userName: "x" }];
    respond = endpoint((request) => (request.method === "GET" && request.url.includes("Users?filter=userName+eq+%22") && !/[0-9a-f]{8}-/.test(request.url) ? { status: 200, body: listResponse(twins) } : null));
    const job = await scimJob(emu, stub.url, TOKEN);
    await job.start();
    await nextCycle(emu);
    const users = (await job.logs()).filter((entry) => entry.sourceIdentity.identityType === "User");
    expect(users.length).toBeGreaterThan(0);
    for (const entry of users) expect(entry.provisioningStatusInfo.errorInformation?.errorCode).toBe("SystemForCrossDomainIdentityManagementMultipleEntriesInResponse");
    expect(stub.requests.filter((request) => request.method === "POST" && request.url.endsWith("/Users"))).toEqual([]);
  });
});
