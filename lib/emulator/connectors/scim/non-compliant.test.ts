import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { listResponse, scimError, startScimStub, type ScimStub, type StubAnswer, type StubRequest } from "@/test/support/scim-stub";
import { nextCycle, SCIM_APP, scimJob } from "@/test/support/scim-job";
import { USER } from "../../directory/ids";

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
    expect(stub.requests.filter(isCreate)).toHaveLength((await job.logs()).length); // each object tried once
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

  it("a 401 to a create mid-cycle stops the cycle and quarantines the job", async () => {
    respond = endpoint((request) => (isCreate(request) ? { status: 401, body: scimError(401, "Token revoked") } : null));
    const job = await scimJob(emu, stub.url, TOKEN);
    await job.start();
    await nextCycle(emu);
    await job.read();
    expect(stub.requests.filter(isCreate)).toHaveLength(1);
    await emu.control("POST", "clock", { advance: "PT3M" });
    const status = (await job.read()).status;
    expect(status.code).toBe("Quarantine");
    expect(status.quarantine?.error?.code).toBe("SystemForCrossDomainIdentityManagementCredentialValidationFailure");
    const [entry] = await job.logs();
    expect(entry.provisioningStatusInfo.errorInformation?.errorCode).toBe("Unauthorized");
  });

  it("a 5xx to an update escrows it and leaves the data store as it was; the next cycle sends it again", async () => {
    let failing = false;
    respond = endpoint((request) => (failing && request.method === "PATCH" ? { status: 503, body: scimError(503, "Maintenance") } : null));
    const job = await scimJob(emu, stub.url, TOKEN);
    await job.start();
    await nextCycle(emu);
    await job.read();
    const before = (await target(job.id)) as unknown as { sourceId: string; attributes: Record<string, string> }[];
    const patti = before.find((account) => account.sourceId === USER.pattiFernandez)!;
    failing = true;
    expect((await emu.call("PATCH", `/v1.0/users/${USER.pattiFernandez}`, { body: { jobTitle: "Chair" } })).status).toBe(204);
    await nextCycle(emu);
    expect((await job.read()).status.lastExecution).toMatchObject({ state: "EntryLevelErrors", countEscrowed: 1 });
    const failed = (await job.logs()).find((entry) => entry.provisioningAction === "update")!;
    expect(failed.provisioningStatusInfo.errorInformation?.errorCode).toBe("InternalServerError");
    const kept = ((await target(job.id)) as unknown as { sourceId: string; attributes: Record<string, string> }[]).find((account) => account.sourceId === USER.pattiFernandez)!;
    expect(kept.attributes.title).toBe(patti.attributes.title);
    failing = false;
    stub.requests.length = 0;
    await nextCycle(emu);
    expect((await job.read()).status.lastExecution).toMatchObject({ state: "Succeeded", countExported: 1 });
    expect(stub.requests.filter((request) => request.method === "PATCH").map((request) => request.body)).toEqual([
      { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "title", value: "Chair" }] },
    ]);
  });

  it("a check the endpoint fails for now (503) skips the cycle without quarantine; the next one runs", async () => {
    let down = false;
    respond = endpoint((request) => (down && request.method === "GET" ? { status: 503, body: scimError(503, "Starting up") } : null));
    const job = await scimJob(emu, stub.url, TOKEN);
    await job.start();
    down = true;
    await nextCycle(emu);
    const skipped = (await job.read()).status;
    expect(skipped.code).toBe("Active");
    expect(skipped.lastExecution).toMatchObject({ state: "Failed", error: { code: "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable" } });
    expect(stub.requests.some(isCreate)).toBe(false);
    down = false;
    await nextCycle(emu);
    expect((await job.read()).status.lastExecution).toMatchObject({ state: "Succeeded" });
    expect(stub.requests.some(isCreate)).toBe(true);
  });

  it("a reset of the emulator stops a cycle in flight: the endpoint hears nothing more from it", async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const answer = endpoint(() => null);
    const slow = await startScimStub(async (request) => (isCreate(request) ? await sleep(150) : undefined, answer(request)));
    try {
      const job = await scimJob(emu, slow.url, TOKEN);
      await job.start();
      await nextCycle(emu);
      const reading = job.read(); // runs the initial cycle, one slow create after another
      await expect.poll(() => slow.requests.filter(isCreate).length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
      await emu.control("POST", "reset");
      await reading;
      const heard = slow.requests.length;
      await sleep(500);
      expect(slow.requests.length).toBe(heard);
      expect(slow.requests.filter(isCreate).length).toBeLessThan(5);
    } finally {
      await slow.close();
    }
  });
});
