import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GROUP, USER } from "../directory/ids";
import { DEFAULT_APP_ROLE_ID } from "../directory/types";
import { APP_ID, SP } from "../seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

const eventual = { ConsistencyLevel: "eventual" };
const q = (value: string) => encodeURIComponent(value);
const V1_KEYS = ["id", "deletedDateTime", "appRoleId", "createdDateTime", "principalDisplayName", "principalId", "principalType", "resourceDisplayName", "resourceId"];
const assignments = () => emu.instance.state.tenant.assignments;

describe("GET /servicePrincipals/{id}/appRoleAssignedTo", () => {
  it("lists the app's assignments in the documented shape (v1.0 createdDateTime, beta creationTimestamp)", async () => {
    const v1 = await emu.call("GET", `/v1.0/servicePrincipals/${SP.slack}/appRoleAssignedTo`);
    expect(v1.body["@odata.context"]).toBe(`${emu.url}/v1.0/$metadata#servicePrincipals('${SP.slack}')/appRoleAssignedTo`);
    expect(v1.body.value.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(v1.body.value[0])).toEqual(V1_KEYS);
    expect(v1.body.value).toContainEqual(
      expect.objectContaining({ principalId: GROUP.slackUsers, principalType: "Group", principalDisplayName: "Slack Users", resourceId: SP.slack, resourceDisplayName: "Slack", appRoleId: DEFAULT_APP_ROLE_ID }),
    );
    const beta = await emu.call("GET", `/beta/servicePrincipals/${SP.slack}/appRoleAssignedTo`);
    expect(Object.keys(beta.body.value[0])).toEqual(V1_KEYS.map((key) => (key === "createdDateTime" ? "creationTimestamp" : key)));
    expect(beta.body.value[0].creationTimestamp).toBe(v1.body.value[0].createdDateTime);
    const byAppId = await emu.call("GET", `/v1.0/servicePrincipals(appId='${APP_ID.slack}')/appRoleAssignedTo`);
    expect(byAppId.body.value).toEqual(v1.body.value);
  });

  it("pages with $top and nextLink, filters on principalDisplayName and resourceId, counts with $count", async () => {
    const first = await emu.call("GET", `/v1.0/servicePrincipals/${SP.slack}/appRoleAssignedTo?$top=2&$select=id,principalDisplayName`);
    expect(first.body.value).toHaveLength(2);
    expect(Object.keys(first.body.value[0])).toEqual(["id", "principalDisplayName"]);
    const second = await emu.call("GET", first.body["@odata.nextLink"].replace(emu.url, ""));
    expect(second.body.value[0].id).not.toBe(first.body.value[0].id);
    const starts = await emu.call("GET", `/v1.0/servicePrincipals/${SP.slack}/appRoleAssignedTo?$filter=${q("startswith(principalDisplayName,'Jordan')")}`);
    expect(starts.body.value.map((a: { principalId: string }) => a.principalId)).toEqual([USER.jordanReyes]);
    expect((await emu.call("GET", `/v1.0/servicePrincipals/${SP.slack}/appRoleAssignedTo?$filter=${q(`resourceId eq ${SP.slack}`)}&$count=true`, { headers: eventual })).body["@odata.count"]).toBe(5);
    expect((await emu.call("GET", `/v1.0/servicePrincipals/${SP.slack}/appRoleAssignedTo?$filter=${q(`principalId eq ${USER.adeleVance}`)}`)).status).toBe(400);
    expect((await emu.call("GET", `/v1.0/servicePrincipals/${SP.slack}/appRoleAssignedTo/$count`, { headers: eventual })).text).toBe("5");
    expect((await emu.call("GET", `/v1.0/servicePrincipals/${SP.salesforceSandbox}/appRoleAssignedTo`)).body.value).toEqual([]);
  });
});

describe("POST and DELETE …/appRoleAssignedTo", () => {
  it("round trip: 201 with the assignment, visible in the list and on the user, version bumped; 204 on delete, then 404", async () => {
    const before = assignments().version;
    const created = await emu.call("POST", `/v1.0/servicePrincipals/${SP.salesforceSandbox}/appRoleAssignedTo`, {
      body: { principalId: USER.nestorWilke, resourceId: SP.salesforceSandbox, appRoleId: DEFAULT_APP_ROLE_ID },
    });
    expect(created.status).toBe(201);
    expect(created.body["@odata.context"]).toBe(`${emu.url}/v1.0/$metadata#servicePrincipals('${SP.salesforceSandbox}')/appRoleAssignedTo/$entity`);
    expect(Object.keys(created.body)).toEqual(["@odata.context", ...V1_KEYS]);
    expect(created.body).toMatchObject({ principalId: USER.nestorWilke, principalType: "User", principalDisplayName: "Nestor Wilke", resourceId: SP.salesforceSandbox, resourceDisplayName: "Salesforce Sandbox", deletedDateTime: null });
    expect(created.body.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.body.createdDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    expect(assignments().version).toBe(before + 1);

    const listed = await emu.call("GET", `/v1.0/servicePrincipals/${SP.salesforceSandbox}/appRoleAssignedTo`);
    expect(listed.body.value).toEqual([Object.fromEntries(Object.entries(created.body).filter(([key]) => key !== "@odata.context"))]);
    const mine = await emu.call("GET", `/v1.0/users/${USER.nestorWilke}/appRoleAssignments`);
    expect(mine.body.value.map((a: { id: string }) => a.id)).toEqual([created.body.id]);
    const one = await emu.call("GET", `/beta/servicePrincipals/${SP.salesforceSandbox}/appRoleAssignedTo/${created.body.id}`);
    expect(one.body).toMatchObject({ id: created.body.id, creationTimestamp: created.body.createdDateTime });

    const duplicate = await emu.call("POST", `/v1.0/servicePrincipals/${SP.salesforceSandbox}/appRoleAssignedTo`, {
      body: { principalId: USER.nestorWilke, resourceId: SP.salesforceSandbox, appRoleId: DEFAULT_APP_ROLE_ID },
    });
    expect([duplicate.status, duplicate.body.error.code, duplicate.body.error.message]).toEqual([400, "Request_BadRequest", "Permission being assigned already exists on the object."]);

    const deleted = await emu.call("DELETE", `/v1.0/servicePrincipals/${SP.salesforceSandbox}/appRoleAssignedTo/${created.body.id}`);
    expect([deleted.status, deleted.text]).toEqual([204, ""]);
    expect(assignments().version).toBe(before + 2);
    expect((await emu.call("GET", `/v1.0/servicePrincipals/${SP.salesforceSandbox}/appRoleAssignedTo`)).body.value).toEqual([]);
    const again = await emu.call("DELETE", `/v1.0/servicePrincipals/${SP.salesforceSandbox}/appRoleAssignedTo/${created.body.id}`);
    expect([again.status, again.body.error.code]).toEqual([404, "Request_ResourceNotFound"]);
  });

  it("assigns a group too (principalType Group), and a service principal (ServicePrincipal)", async () => {
    const group = await emu.call("POST", `/beta/servicePrincipals/${SP.salesforceSandbox}/appRoleAssignedTo`, { body: { principalId: GROUP.sales, resourceId: SP.salesforceSandbox, appRoleId: DEFAULT_APP_ROLE_ID } });
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({ principalType: "Group", principalDisplayName: "Sales", creationTimestamp: expect.any(String) });
    expect(group.body.createdDateTime).toBeUndefined();
    const sp = await emu.call("POST", `/v1.0/servicePrincipals/${SP.salesforceSandbox}/appRoleAssignedTo`, { body: { principalId: SP.box, resourceId: SP.salesforceSandbox, appRoleId: DEFAULT_APP_ROLE_ID } });
    expect(sp.body).toMatchObject({ principalType: "ServicePrincipal", principalDisplayName: "Box" });
    for (const id of [group.body.id, sp.body.id]) expect((await emu.call("DELETE", `/v1.0/servicePrincipals/${SP.salesforceSandbox}/appRoleAssignedTo/${id}`)).status).toBe(204);
  });

  it("validates the body as Graph does: unknown principal, role the app does not expose, bad or mismatched ids", async () => {
    const post = (body: unknown, sp: string = SP.salesforceSandbox) => emu.call("POST", `/v1.0/servicePrincipals/${sp}/appRoleAssignedTo`, { body });
    const unknown = await post({ principalId: "0badc0de-0000-4000-8000-000000000000", resourceId: SP.salesforceSandbox, appRoleId: DEFAULT_APP_ROLE_ID });
    expect([unknown.status, unknown.body.error.code, unknown.body.error.message]).toEqual([400, "Request_BadRequest", "Not a valid reference update."]);
    const role = await post({ principalId: USER.nestorWilke, resourceId: SP.salesforceSandbox, appRoleId: "11111111-2222-4333-8444-555555555555" });
    expect([role.status, role.body.error.code, role.body.error.message]).toEqual([400, "Request_BadRequest", "Permission being assigned was not found on application."]);
    // Microsoft Graph's app roles allow only Application members: a user cannot get one
    const graphRole = await post({ principalId: USER.nestorWilke, resourceId: SP.microsoftGraph, appRoleId: "9b50c33d-700f-43b1-b2eb-87e89b703581" }, SP.microsoftGraph);
    expect(graphRole.status).toBe(400);
    for (const [body, property] of [
      [{ resourceId: SP.salesforceSandbox, appRoleId: DEFAULT_APP_ROLE_ID }, "principalId"],
      [{ principalId: "nestor", resourceId: SP.salesforceSandbox, appRoleId: DEFAULT_APP_ROLE_ID }, "principalId"],
      [{ principalId: USER.nestorWilke, resourceId: SP.box, appRoleId: DEFAULT_APP_ROLE_ID }, "resourceId"],
      [{ principalId: USER.nestorWilke, resourceId: SP.salesforceSandbox }, "appRoleId"],
    ] as const) {
      const res = await post(body);
      expect([res.status, res.body.error.message]).toEqual([400, `Invalid value specified for property '${property}' of resource 'AppRoleAssignment'.`]);
    }
    expect((await post({ principalId: USER.nestorWilke, resourceId: SP.salesforceSandbox, appRoleId: DEFAULT_APP_ROLE_ID, colour: "red" })).status).toBe(400);
    expect((await post([1, 2])).status).toBe(400);
    expect((await post({ principalId: USER.nestorWilke, resourceId: "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5dff", appRoleId: DEFAULT_APP_ROLE_ID }, "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5dff")).status).toBe(404);
    expect(assignments().of(SP.salesforceSandbox)).toEqual([]);
  });
});

describe("permissions", () => {
  it("GET needs Application.Read.All or Directory.*; POST AppRoleAssignment.ReadWrite.All with a read permission; DELETE AppRoleAssignment.ReadWrite.All", async () => {
    const list = `/v1.0/servicePrincipals/${SP.slack}/appRoleAssignedTo`;
    const body = { principalId: USER.nestorWilke, resourceId: SP.slack, appRoleId: DEFAULT_APP_ROLE_ID };
    const denied = (res: { status: number; body: any }) => [res.status, res.body?.error?.code];
    const auditor = await emu.token("auditor");
    expect((await emu.call("GET", list, { token: auditor })).status).toBe(200);
    const reader = await emu.token("reader");
    expect(denied(await emu.call("POST", list, { token: reader, body }))).toEqual([403, "Authorization_RequestDenied"]);
    const writeOnly = await emu.token("admin", { scopes: ["AppRoleAssignment.ReadWrite.All"] });
    expect(denied(await emu.call("GET", list, { token: writeOnly }))).toEqual([403, "Authorization_RequestDenied"]);
    expect(denied(await emu.call("POST", list, { token: writeOnly, body }))).toEqual([403, "Authorization_RequestDenied"]);
    // v1.0 lists Application.ReadWrite.All alone; the beta page does not
    const appWrite = await emu.token("admin", { scopes: ["Application.ReadWrite.All"] });
    expect(denied(await emu.call("POST", `/beta/servicePrincipals/${SP.slack}/appRoleAssignedTo`, { token: appWrite, body }))).toEqual([403, "Authorization_RequestDenied"]);
    const created = await emu.call("POST", list, { token: appWrite, body });
    expect(created.status).toBe(201);
    // delete: AppRoleAssignment.ReadWrite.All only
    expect(denied(await emu.call("DELETE", `${list}/${created.body.id}`, { token: appWrite }))).toEqual([403, "Authorization_RequestDenied"]);
    expect((await emu.call("DELETE", `${list}/${created.body.id}`, { token: writeOnly })).status).toBe(204);
    const nosync = await emu.token("nosync");
    expect(denied(await emu.call("DELETE", `${list}/${created.body.id}`, { token: nosync }))).toEqual([403, "Authorization_RequestDenied"]);
  });
});
