import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERSONAS } from "../auth/personas";
import { GROUP, USER } from "../directory/ids";
import { SP } from "../seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ scale: 2480 }); // 65 seed people + 248 generated
});
afterAll(() => emu.close());

const eventual = { ConsistencyLevel: "eventual" };
const pathOf = (link: string) => link.replace(emu.url, "");
const q = (value: string) => encodeURIComponent(value);
const DEFAULT_KEYS = ["businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"];

describe("GET /users", () => {
  it("sends the documented default properties, 100 per page, and pages every user exactly once at $top=999", async () => {
    const first = await emu.call("GET", "/v1.0/users");
    expect(first.status).toBe(200);
    expect(first.body["@odata.context"]).toBe(`${emu.url}/v1.0/$metadata#users`);
    expect(first.body.value).toHaveLength(100);
    expect(Object.keys(first.body.value[0])).toEqual(DEFAULT_KEYS);
    const seen = new Set<string>();
    let path: string | undefined = "/beta/users?$top=999&$select=id,userPrincipalName";
    const sizes: number[] = [];
    while (path) {
      const page: { body: any } = await emu.call("GET", path);
      sizes.push(page.body.value.length);
      for (const user of page.body.value) {
        expect(Object.keys(user)).toEqual(["id", "userPrincipalName"]);
        seen.add(user.id);
      }
      path = page.body["@odata.nextLink"] ? pathOf(page.body["@odata.nextLink"]) : undefined;
    }
    expect(sizes).toEqual([313]);
    expect(seen.size).toBe(313);
    const paged = await emu.call("GET", "/v1.0/users?$top=150&$select=id");
    expect(paged.body["@odata.nextLink"]).toContain("$skiptoken=");
    const second = await emu.call("GET", pathOf(paged.body["@odata.nextLink"]));
    expect(second.body.value).toHaveLength(150);
    expect(second.body.value[0].id).not.toBe(paged.body.value[0].id);
    for (const top of ["0", "1000"]) expect((await emu.call("GET", `/v1.0/users?$top=${top}`)).status).toBe(400);
  });

  it("$select: non-default properties, @odata.context names them; unknown → 400; single-user-only ones → 501", async () => {
    const res = await emu.call("GET", `/v1.0/users?$select=displayName,department,accountEnabled,userType,employeeId,usageLocation&$filter=${q(`id eq '${USER.meganBowen}'`)}`);
    expect(res.body["@odata.context"]).toBe(`${emu.url}/v1.0/$metadata#users(displayName,department,accountEnabled,userType,employeeId,usageLocation)`);
    expect(res.body.value).toEqual([{ displayName: "Megan Bowen", department: "Marketing", accountEnabled: true, userType: "Member", employeeId: expect.any(String), usageLocation: "US" }]);
    const unknown = await emu.call("GET", "/v1.0/users?$select=shoeSize");
    expect([unknown.status, unknown.body.error.message]).toEqual([400, "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'."]);
    const aboutMe = await emu.call("GET", "/v1.0/users?$select=aboutMe");
    expect([aboutMe.status, aboutMe.body.error.code, aboutMe.body.error.message]).toEqual([501, "NotImplemented", "This operation target is not yet supported."]);
    expect((await emu.call("GET", `/v1.0/users/${USER.meganBowen}?$select=aboutMe,skills`)).body).toMatchObject({ aboutMe: null, skills: [] });
  });

  it("$filter: eq on booleans and strings, startswith, any() on collections; advanced operators need $count + ConsistencyLevel", async () => {
    const disabled = await emu.call("GET", `/v1.0/users?$filter=${q("accountEnabled eq false")}&$select=displayName&$top=999`);
    expect(disabled.body.value.map((u: { displayName: string }) => u.displayName)).toEqual(expect.arrayContaining(["Enrico Cattaneo", "Brian Johnson", "Ravi Kumar"]));
    const guests = await emu.call("GET", `/v1.0/users?$filter=${q("userType eq 'Guest'")}&$select=userPrincipalName,mail`);
    expect(guests.body.value).toContainEqual({ userPrincipalName: "jordan.reyes_fabrikam.example#EXT#@contoso.example", mail: "jordan.reyes@fabrikam.example" });
    const starts = await emu.call("GET", `/v1.0/users?$filter=${q("startswith(displayName,'Adele')")}`);
    expect(starts.body.value.map((u: { id: string }) => u.id)).toEqual([USER.adeleVance]);
    const proxy = await emu.call("GET", `/v1.0/users?$filter=${q("proxyAddresses/any(p:p eq 'SMTP:megan.bowen@contoso.example')")}`);
    expect(proxy.body.value.map((u: { id: string }) => u.id)).toEqual([USER.meganBowen]);
    // department supports eq, ne, not, ge, le, in — not startsWith (user resource page)
    const deptStarts = await emu.call("GET", `/v1.0/users?$filter=${q("startswith(department,'Mark')")}`);
    expect([deptStarts.status, deptStarts.body.error.code]).toEqual([400, "Request_UnsupportedQuery"]);
    const ends = `/v1.0/users?$filter=${q("endswith(mail,'@fabrikam.example')")}`;
    expect((await emu.call("GET", ends)).status).toBe(400);
    const endsAdvanced = await emu.call("GET", `${ends}&$count=true`, { headers: eventual });
    expect(endsAdvanced.body["@odata.count"]).toBe(3);
  });

  it("$search needs ConsistencyLevel: eventual and tokenizes displayName; $count and /users/$count", async () => {
    const without = await emu.call("GET", `/v1.0/users?$search=${q('"displayName:megan"')}`);
    expect([without.status, without.body.error.code]).toEqual([400, "Request_UnsupportedQuery"]);
    const found = await emu.call("GET", `/v1.0/users?$search=${q('"displayName:bow"')}&$count=true`, { headers: eventual });
    expect(found.body.value.map((u: { displayName: string }) => u.displayName)).toEqual(["Megan Bowen"]);
    expect(found.body["@odata.count"]).toBe(1);
    expect((await emu.call("GET", "/v1.0/users?$count=true")).body["@odata.count"]).toBeUndefined();
    expect((await emu.call("GET", "/v1.0/users?$count=true", { headers: eventual })).body["@odata.count"]).toBe(313);
    expect((await emu.call("GET", "/v1.0/users/$count")).status).toBe(400);
    const count = await emu.call("GET", "/v1.0/users/$count", { headers: eventual });
    expect([count.text, count.headers.get("content-type")]).toEqual(["313", "text/plain;charset=utf-8"]);
    expect((await emu.call("GET", `/v1.0/users/$count?$filter=${q("userType eq 'Guest'")}`, { headers: eventual })).text).toBe("4");
  });

  it("$orderby=displayName alone needs no advanced query; with $filter it does", async () => {
    const sorted = await emu.call("GET", "/v1.0/users?$orderby=displayName&$select=displayName&$top=3");
    expect(sorted.status).toBe(200);
    const names = sorted.body.value.map((u: { displayName: string }) => u.displayName);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    expect((await emu.call("GET", `/v1.0/users?$orderby=displayName&$filter=${q("userType eq 'Guest'")}`)).status).toBe(400);
  });
});

describe("GET /users/{id | userPrincipalName}", () => {
  it("finds a user by id or UPN (case-insensitive, #EXT# percent-encoded, users('…')); 404 otherwise", async () => {
    const byId = await emu.call("GET", `/v1.0/users/${USER.adeleVance}`);
    expect(byId.body["@odata.context"]).toBe(`${emu.url}/v1.0/$metadata#users/$entity`);
    expect(Object.keys(byId.body)).toEqual(["@odata.context", ...DEFAULT_KEYS]);
    expect(byId.body).toMatchObject({ id: PERSONAS.admin.oid, displayName: "Adele Vance", userPrincipalName: "adele.vance@contoso.example" });
    expect((await emu.call("GET", "/v1.0/users/Adele.Vance@Contoso.example")).body.id).toBe(USER.adeleVance);
    expect((await emu.call("GET", `/v1.0/users/${q("jordan.reyes_fabrikam.example#EXT#@contoso.example")}`)).body.id).toBe(USER.jordanReyes);
    expect((await emu.call("GET", "/v1.0/users('megan.bowen@contoso.example')")).body.id).toBe(USER.meganBowen);
    const select = await emu.call("GET", `/beta/users/${USER.meganBowen}?$select=displayName,department,employeeType`);
    expect(select.body).toEqual({ "@odata.context": `${emu.url}/beta/$metadata#users(displayName,department,employeeType)/$entity`, displayName: "Megan Bowen", department: "Marketing", employeeType: "Employee" });
    const missing = await emu.call("GET", "/v1.0/users/nobody@contoso.example");
    expect([missing.status, missing.body.error.code, missing.body.error.message]).toEqual([
      404,
      "Request_ResourceNotFound",
      "Resource 'nobody@contoso.example' does not exist or one of its queried reference-property objects are not present.",
    ]);
  });

  it("/manager: the user's manager as a directoryObject; 404 for the president", async () => {
    const res = await emu.call("GET", `/v1.0/users/${USER.meganBowen}/manager`);
    expect(res.body).toMatchObject({ "@odata.context": `${emu.url}/v1.0/$metadata#directoryObjects/$entity`, "@odata.type": "#microsoft.graph.user", id: USER.christieCline });
    expect((await emu.call("GET", `/v1.0/users/${USER.pattiFernandez}/manager`)).status).toBe(404);
  });
});

describe("memberships of a user", () => {
  it("/memberOf lists direct groups with @odata.type; /transitiveMemberOf adds the nesting; cast and $count", async () => {
    const direct = await emu.call("GET", `/v1.0/users/${USER.meganBowen}/memberOf?$select=id,displayName`);
    expect(direct.body["@odata.context"]).toBe(`${emu.url}/v1.0/$metadata#directoryObjects(id,displayName)`);
    expect(direct.body.value).toEqual(
      expect.arrayContaining([
        { "@odata.type": "#microsoft.graph.group", id: GROUP.marketing, displayName: "Marketing" },
        { "@odata.type": "#microsoft.graph.group", id: GROUP.allCompany, displayName: "All Company" },
      ]),
    );
    expect(direct.body.value).toHaveLength(2);
    const transitive = await emu.call("GET", `/v1.0/users/${USER.meganBowen}/transitiveMemberOf?$select=displayName`);
    expect(transitive.body.value.map((g: { displayName: string }) => g.displayName).sort()).toEqual(["All Company", "Marketing", "Slack Users"]);
    const cast = await emu.call("GET", `/v1.0/users/${USER.emilyBraun}/transitiveMemberOf/microsoft.graph.group?$select=displayName`);
    expect(cast.body["@odata.context"]).toBe(`${emu.url}/v1.0/$metadata#groups(displayName)`);
    expect(cast.body.value[0]["@odata.type"]).toBeUndefined();
    const count = await emu.call("GET", `/v1.0/users/${USER.emilyBraun}/transitiveMemberOf/$count`, { headers: eventual });
    expect(count.text).toBe("4");
    const filtered = `/v1.0/users/${USER.meganBowen}/memberOf?$filter=${q("startswith(displayName,'Mark')")}`;
    const refused = await emu.call("GET", filtered);
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([400, "Request_UnsupportedQuery", "The specified filter to the reference property query is currently not supported."]);
    expect((await emu.call("GET", `${filtered}&$count=true`, { headers: eventual })).body.value.map((g: { id: string }) => g.id)).toEqual([GROUP.marketing]);
  });

  it("/appRoleAssignments: the user's own and those of groups the user is a direct member of (not nested ones)", async () => {
    const megan = await emu.call("GET", `/v1.0/users/${USER.meganBowen}/appRoleAssignments`);
    expect(megan.status).toBe(200);
    expect(megan.body.value).toEqual([]); // Megan reaches Slack only through Marketing ⊂ Slack Users
    const enrico = await emu.call("GET", `/v1.0/users/${USER.enricoCattaneo}/appRoleAssignments`);
    expect(enrico.body["@odata.context"]).toBe(`${emu.url}/v1.0/$metadata#appRoleAssignments`);
    const resources = enrico.body.value.map((a: { resourceId: string }) => a.resourceId);
    expect(resources).toEqual(expect.arrayContaining([SP.slack, SP.githubEmu]));
    expect(enrico.body.value.find((a: { resourceId: string; principalType: string }) => a.resourceId === SP.githubEmu && a.principalType === "Group")).toBeTruthy();
    const lynne = await emu.call("GET", `/v1.0/users/${USER.lynneRobbins}/appRoleAssignments?$filter=${q(`resourceId eq ${SP.slack}`)}`);
    expect(lynne.body.value).toMatchObject([{ principalId: GROUP.slackUsers, principalType: "Group", principalDisplayName: "Slack Users", resourceDisplayName: "Slack" }]);
    const nestor = await emu.call("GET", `/beta/users/${USER.nestorWilke}/appRoleAssignments`);
    expect(nestor.body.value).toEqual([]);
  });
});

describe("PATCH /users/{id}", () => {
  it("changes a department (204), bumps the directory version, and GET shows it", async () => {
    const directory = () => emu.instance.state.tenant.directory;
    const before = directory().version;
    const res = await emu.call("PATCH", `/v1.0/users/${USER.alexWilber}`, { body: { department: "Sales", jobTitle: "Account Executive" } });
    expect([res.status, res.text]).toEqual([204, ""]);
    const after = await emu.call("GET", `/v1.0/users/${USER.alexWilber}?$select=department,jobTitle`);
    expect(after.body).toMatchObject({ department: "Sales", jobTitle: "Account Executive" });
    expect(directory().version).toBe(before + 1);
    expect(directory().user(USER.alexWilber)!.department).toBe("Sales");
  });

  it("refuses read-only or unknown properties and wrong value kinds; a UPN must be on the verified domain and free", async () => {
    const path = `/v1.0/users/${USER.alexWilber}`;
    for (const body of [{ createdDateTime: "2020-01-01T00:00:00Z" }, { shoeSize: 44 }, { accountEnabled: "no" }, { displayName: "" }, { businessPhones: ["1", "2"] }]) {
      const res = await emu.call("PATCH", path, { body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("Request_BadRequest");
      expect(res.body.error.message).toMatch(/^Invalid value specified for property '\w+' of resource 'User'\.$/);
    }
    const taken = await emu.call("PATCH", path, { body: { userPrincipalName: "adele.vance@contoso.example" } });
    expect(taken.body.error.message).toBe("Another object with the same value for property userPrincipalName already exists.");
    expect((await emu.call("PATCH", path, { body: { userPrincipalName: "alex@fabrikam.example" } })).status).toBe(400);
    expect((await emu.call("PATCH", path, { body: "[1]" })).status).toBe(400);
    expect((await emu.call("PATCH", "/v1.0/users/nobody@contoso.example", { body: { department: "x" } })).status).toBe(404);
  });
});

describe("permissions", () => {
  it("refuses /users, /users/{id}, memberOf and PATCH without a user or directory permission (403 Authorization_RequestDenied)", async () => {
    const nosync = await emu.token("nosync");
    for (const [method, path] of [
      ["GET", "/v1.0/users"],
      ["GET", `/v1.0/users/${USER.meganBowen}`],
      ["GET", `/v1.0/users/${USER.meganBowen}/memberOf`],
      ["GET", `/v1.0/users/${USER.meganBowen}/appRoleAssignments`],
      ["PATCH", `/v1.0/users/${USER.meganBowen}`],
    ] as const) {
      const res = await emu.call(method, path, { token: nosync, body: method === "PATCH" ? { department: "x" } : undefined });
      expect([res.status, res.body.error.code, res.body.error.message]).toEqual([403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."]);
    }
    const reader = await emu.token("reader");
    expect((await emu.call("GET", "/v1.0/users", { token: reader })).status).toBe(200);
    expect((await emu.call("PATCH", `/v1.0/users/${USER.meganBowen}`, { token: reader, body: { department: "x" } })).status).toBe(403);
    const auditor = await emu.token("auditor");
    expect((await emu.call("GET", `/v1.0/users/${USER.meganBowen}/transitiveMemberOf`, { token: auditor })).status).toBe(200);
  });

  it("User.ReadBasic.All reads only the basic profile: other properties come back null, and filters cannot see them", async () => {
    const basic = await emu.token("admin", { scopes: ["User.ReadBasic.All"] });
    const res = await emu.call("GET", `/v1.0/users/${USER.meganBowen}?$select=displayName,mail,department,jobTitle`, { token: basic });
    expect(res.body).toMatchObject({ displayName: "Megan Bowen", mail: "megan.bowen@contoso.example", department: null, jobTitle: null });
    const filtered = await emu.call("GET", `/v1.0/users?$filter=${q("department eq 'Marketing'")}`, { token: basic });
    expect(filtered.body.value).toEqual([]);
    expect((await emu.call("GET", `/v1.0/users/${USER.meganBowen}/manager`, { token: basic })).status).toBe(403);
  });
});
