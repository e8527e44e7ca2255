import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GROUP, USER } from "../../directory/ids";
import { startScimTarget, type ScimTarget } from "@/lib/scim-target/server";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { nextCycle, SCIM_APP, scimJob, type ProvisioningEntry } from "@/test/support/scim-job";
import { ENTERPRISE_USER } from "./resource";
import { VALIDATION_FAILURE } from "./codes";

/**
 * The emulator's engine provisions the custom SCIM app into the built-in SCIM server over HTTP, and everything
 * is read back over SCIM: the initial cycle's users and groups (with members), an update, a disable, taking over
 * an account that already exists, on demand with its SCIM requests as steps, a refused token.
 */

let emu: TestEmulator;
let target: ScimTarget;
beforeAll(async () => {
  emu = await startTestEmulator({ clockSpeed: 0 });
  target = await startScimTarget({ port: 0 });
});
afterAll(async () => {
  await target.close();
  await emu.close();
});
beforeEach(async () => {
  await emu.control("POST", "reset");
  target.reset();
  target.clearRequests();
});

interface ScimUser {
  id: string;
  userName: string;
  active: boolean;
  externalId?: string;
  title?: string;
  [ENTERPRISE_USER]?: { department?: string };
}
const scim = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${target.url}${path}`, { ...init, headers: { Authorization: `Bearer ${target.token}`, "Content-Type": "application/scim+json", ...init.headers } });
  return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
};
const users = async () => ((await scim("/Users?count=1000")).body.Resources as ScimUser[]).sort((a, b) => a.userName.localeCompare(b.userName));
const groups = async () => (await scim("/Groups?count=1000")).body.Resources as { id: string; displayName: string; externalId: string; members?: { value: string }[] }[];
const upn = async (id: string) => (await emu.call("GET", `/v1.0/users/${id}`)).body.userPrincipalName as string;
/** Who the HR portal provisions: its directly assigned users and the direct members of its assigned group. */
async function assignedUpns(): Promise<string[]> {
  const assignments = (await emu.call("GET", `/v1.0/servicePrincipals/${SCIM_APP}/appRoleAssignedTo`)).body.value as { principalId: string; principalType: string }[];
  const ids = new Set<string>();
  for (const a of assignments) {
    if (a.principalType === "User") ids.add(a.principalId);
    else for (const m of (await emu.call("GET", `/v1.0/groups/${a.principalId}/members`)).body.value) if (m["@odata.type"] === "#microsoft.graph.user") ids.add(m.id);
  }
  return (await Promise.all([...ids].map(upn))).sort((a, b) => a.localeCompare(b));
}
const step = (entry: ProvisioningEntry, type: string) => entry.provisioningSteps.filter((s) => s.provisioningStepType === type).at(-1)!;

async function provisioned() {
  const job = await scimJob(emu, target.url, target.token);
  expect(await job.start()).toBe(204);
  await nextCycle(emu);
  await job.read(); // the due cycle runs before the read answers
  return job;
}

describe("provisioning into the built-in SCIM server", () => {
  it("the initial cycle creates every assigned person and the assigned group with its members, as SCIM resources", async () => {
    const job = await provisioned();
    const status = (await job.read()).status;
    expect(status.code).toBe("Active");
    const created = await users();
    expect(created.map((user) => user.userName)).toEqual(await assignedUpns());
    expect(status.lastExecution).toMatchObject({ state: "Succeeded", countEscrowed: 0, countExported: created.length + 1 });
    const patti = created.find((user) => user.userName.startsWith("patti.fernandez"))!;
    expect(patti).toMatchObject({ active: true, title: "President", [ENTERPRISE_USER]: { department: "Executive" } });
    const [hr] = await groups();
    expect(hr).toMatchObject({ displayName: "Human Resources", externalId: GROUP.humanResources });
    const memberUpns = await Promise.all(((await emu.call("GET", `/v1.0/groups/${GROUP.humanResources}/members`)).body.value as { id: string }[]).map((m) => upn(m.id)));
    const byName = new Map(created.map((user) => [user.userName, user.id]));
    expect(hr.members?.map((m) => m.value).sort()).toEqual(memberUpns.map((name) => byName.get(name)).sort());
    // The SCIM requests: the check, a query per object, a POST each, the group's members added by PATCH.
    const sent = target.requests().map((request) => `${request.method} ${request.path.split("?")[0]}`);
    expect(sent[0]).toBe("GET /scim/v2/Users");
    expect(sent.filter((request) => request === "POST /scim/v2/Users")).toHaveLength(created.length);
    expect(sent.filter((request) => request === "POST /scim/v2/Groups")).toHaveLength(1);
    expect(sent).toContain(`PATCH /scim/v2/Groups/${hr.id}`);
    // Each entry shows its exchanges as steps.
    const entry = (await job.logs()).find((e) => e.sourceIdentity.id === USER.pattiFernandez)!;
    expect(step(entry, "matching").details.Request).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/scim\/v2\/Users\?filter=userName\+eq\+"patti\.fernandez@/);
    expect(step(entry, "export").details).toMatchObject({ Request: expect.stringMatching(/^POST .*\/scim\/v2\/Users$/), ResponseStatusCode: "201 Created" });
    expect(entry.targetIdentity.id).toBe(patti.id);
    expect(JSON.stringify(await job.logs())).not.toContain(target.token);
  });

  it("a changed department is PATCHed in the next cycle; an unassigned person is disabled", async () => {
    const job = await provisioned();
    expect((await emu.call("PATCH", `/v1.0/users/${USER.pattiFernandez}`, { body: { department: "Board" } })).status).toBe(204);
    const assignment = ((await emu.call("GET", `/v1.0/servicePrincipals/${SCIM_APP}/appRoleAssignedTo`)).body.value as { id: string; principalId: string }[]).find((a) => a.principalId === USER.lidiaHolloway)!;
    expect((await emu.call("DELETE", `/v1.0/servicePrincipals/${SCIM_APP}/appRoleAssignedTo/${assignment.id}`)).status).toBe(204);
    target.clearRequests();
    await nextCycle(emu);
    await job.read();
    const after = await users();
    expect(after.find((user) => user.userName.startsWith("patti.fernandez"))?.[ENTERPRISE_USER]?.department).toBe("Board");
    expect(after.find((user) => user.userName.startsWith("lidia.holloway"))?.active).toBe(false);
    const patches = target.requests().filter((request) => request.method === "PATCH").map((request) => request.body as { Operations: unknown[] });
    expect(patches).toContainEqual(expect.objectContaining({ Operations: [{ op: "replace", path: `${ENTERPRISE_USER}:department`, value: "Board" }] }));
    expect(patches).toContainEqual(expect.objectContaining({ Operations: [{ op: "replace", path: "active", value: false }] }));
    expect(target.requests().filter((request) => request.method === "POST")).toEqual([]);
  });

  it("an account that already exists with the person's userName is taken over, not created twice", async () => {
    const name = await upn(USER.pattiFernandez);
    const existing = await scim("/Users", { method: "POST", body: JSON.stringify({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: name, active: true, title: "Old title" }) });
    expect(existing.status).toBe(201);
    await provisioned();
    const patti = (await users()).filter((user) => user.userName === name);
    expect(patti).toEqual([expect.objectContaining({ id: existing.body.id, title: "President" })]);
  });

  it("provision on demand shows the real SCIM requests as its steps", async () => {
    const job = await scimJob(emu, target.url, target.token);
    const schema = (await emu.call("GET", `${job.path}/schema`)).body;
    const answer = await emu.call("POST", `${job.path}/provisionOnDemand`, {
      body: { parameters: [{ ruleId: schema.synchronizationRules[0].id, subjects: [{ objectId: USER.debraBerger, objectTypeName: "User" }] }] },
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.key)).toEqual({ result: "Success", details: {} });
    const steps = JSON.parse(answer.body.value).provisioningSteps as { type: string; details: Record<string, string> }[];
    expect(steps.find((s) => s.type === "Matching")?.details.Request).toMatch(/^GET .*\/Users\?filter=userName\+eq\+"debra\.berger@/);
    expect(steps.at(-1)?.details).toMatchObject({ Request: expect.stringMatching(/^POST .*\/Users$/), ResponseStatusCode: "201 Created" });
    expect((await users()).map((user) => user.userName)).toEqual([await upn(USER.debraBerger)]);
  });

  it("a wrong token fails Test connection with the SCIM error and quarantines a started job; nothing reaches the server", async () => {
    const job = await scimJob(emu, target.url, "not-the-token");
    const check = await emu.call("POST", `${job.path}/validateCredentials`, { body: { useSavedCredentials: true } });
    expect(check.status).toBe(400);
    expect(check.body.error.code).toBe(VALIDATION_FAILURE);
    expect(check.body.error.message).toContain("Response Status Code: Unauthorized");
    expect(check.body.error.message).not.toContain("not-the-token");
    await job.start();
    await nextCycle(emu);
    const status = (await job.read()).status;
    expect(status.code).toBe("Quarantine");
    expect(status.quarantine?.error?.code).toBe(VALIDATION_FAILURE);
    expect(await users()).toEqual([]);
  });

  it("a token the endpoint stops accepting mid-life quarantines the job at its next cycle; the right one lifts it", async () => {
    const job = await provisioned();
    await job.saveCredentials(target.url, "revoked-token");
    await nextCycle(emu);
    await job.read(); // the cycle runs: its check is refused
    await emu.control("POST", "clock", { advance: "PT3M" });
    const status = (await job.read()).status;
    expect(status.code).toBe("Quarantine");
    expect(status.quarantine?.error?.message).toContain("Response Status Code: Unauthorized");
    await job.saveCredentials(target.url, target.token);
    await emu.control("POST", "clock", { advance: "PT3H" });
    expect((await job.read()).status.code).toBe("Active");
  });

  it("a restart with ConnectorDataStore forgets the accounts' ids: the next cycle matches each one again, creating none", async () => {
    const job = await provisioned();
    const count = (await users()).length;
    expect((await emu.call("POST", `${job.path}/restart`, { body: { criteria: { resetScope: "ConnectorDataStore" } } })).status).toBe(204);
    expect((await emu.control("GET", `target/${SCIM_APP}/${encodeURIComponent(job.id)}`)).body.value).toEqual([]);
    target.clearRequests();
    await nextCycle(emu);
    await job.read();
    expect(target.requests().filter((request) => request.method === "POST")).toEqual([]);
    expect(target.requests().filter((request) => request.method === "GET").length).toBeGreaterThan(count);
    expect((await emu.control("GET", `target/${SCIM_APP}/${encodeURIComponent(job.id)}`)).body.value).toHaveLength(count + 1);
  });
});
