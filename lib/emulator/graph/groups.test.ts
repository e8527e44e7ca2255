import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GROUP, USER } from "../directory/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ scale: 2000 }); // 200 generated people: All Company gets > 100 members
});
afterAll(() => emu.close());

const eventual = { ConsistencyLevel: "eventual" };
const pathOf = (link: string) => link.replace(emu.url, "");
const q = (value: string) => encodeURIComponent(value);
/** group-get "Example 1: Return all default properties" (v1.0), in order. */
const GROUP_DEFAULT_KEYS = [
  "id", "deletedDateTime", "classification", "createdDateTime", "description", "displayName", "expirationDateTime", "groupTypes", "isAssignableToRole", "mail",
  "mailEnabled", "mailNickname", "membershipRule", "membershipRuleProcessingState", "onPremisesDomainName", "onPremisesLastSyncDateTime", "onPremisesNetBiosName",
  "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "preferredDataLocation", "preferredLanguage", "proxyAddresses",
  "renewedDateTime", "resourceBehaviorOptions", "resourceProvisioningOptions", "securityEnabled", "securityIdentifier", "theme", "visibility",
  "onPremisesProvisioningErrors",
];

describe("GET /groups", () => {
  it("lists every group with the default properties; $select, $top and nextLink", async () => {
    const all = await emu.call("GET", "/v1.0/groups");
    expect(all.body["@odata.context"]).toBe(`${emu.url}/v1.0/$metadata#groups`);
    expect(all.body.value.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(all.body.value[0])).toEqual(GROUP_DEFAULT_KEYS);
    const first = await emu.call("GET", "/v1.0/groups?$top=5&$select=id,displayName");
    expect(first.body["@odata.context"]).toBe(`${emu.url}/v1.0/$metadata#groups(id,displayName)`);
    expect(Object.keys(first.body.value[0])).toEqual(["id", "displayName"]);
    const ids = first.body.value.map((g: { id: string }) => g.id);
    let next: string | undefined = first.body["@odata.nextLink"];
    while (next) {
      const page: { body: any } = await emu.call("GET", pathOf(next));
      ids.push(...page.body.value.map((g: { id: string }) => g.id));
      next = page.body["@odata.nextLink"];
    }
    expect(ids).toEqual(all.body.value.map((g: { id: string }) => g.id));
    // group-get: hasMembersWithLicenseErrors "is not returned in the $select query"
    expect((await emu.call("GET", `/v1.0/groups/${GROUP.sales}?$select=id,hasMembersWithLicenseErrors`)).body).toEqual({
      "@odata.context": `${emu.url}/v1.0/$metadata#groups(id,hasMembersWithLicenseErrors)/$entity`,
      id: GROUP.sales,
    });
  });

  it("$filter on groupTypes/any (Microsoft 365 groups), mailEnabled/securityEnabled; $search on displayName and description; $count", async () => {
    const unified = await emu.call("GET", `/v1.0/groups?$filter=${q("groupTypes/any(c:c eq 'Unified')")}&$select=displayName`);
    expect(unified.body.value.map((g: { displayName: string }) => g.displayName).sort()).toEqual(["All Company", "Project Falcon"]);
    const security = await emu.call("GET", `/v1.0/groups?$filter=${q("mailEnabled eq false and securityEnabled eq true")}&$select=displayName`);
    expect(security.body.value.map((g: { displayName: string }) => g.displayName)).toContain("Slack Users");
    expect((await emu.call("GET", `/v1.0/groups?$filter=${q("groupTypes eq 'Unified'")}`)).status).toBe(400);
    const search = await emu.call("GET", `/v1.0/groups?$search=${q('"description:fabrikam"')}&$count=true`, { headers: eventual });
    expect(search.body.value.map((g: { displayName: string }) => g.displayName).sort()).toEqual(["Fabrikam Partners", "Project Falcon"]);
    expect(search.body["@odata.count"]).toBe(2);
    expect((await emu.call("GET", `/v1.0/groups?$search=${q('"displayName:sales"')}`)).status).toBe(400);
    expect((await emu.call("GET", "/v1.0/groups/$count", { headers: eventual })).text).toBe("17");
  });

  it("GET /groups/{id}: the default properties; 404 for an unknown id", async () => {
    const res = await emu.call("GET", `/beta/groups/${GROUP.allCompany}`);
    expect(res.body["@odata.context"]).toBe(`${emu.url}/beta/$metadata#groups/$entity`);
    expect(res.body).toMatchObject({ displayName: "All Company", groupTypes: ["Unified"], mailEnabled: true, securityEnabled: false, mail: "allcompany@contoso.example", resourceProvisioningOptions: ["Team"] });
    expect((await emu.call("GET", "/v1.0/groups/00000000-0000-0000-0000-00000000dead")).status).toBe(404);
  });
});

describe("members", () => {
  it("lists direct members with @odata.type (users and groups), not transitive ones", async () => {
    const res = await emu.call("GET", `/v1.0/groups/${GROUP.slackUsers}/members?$select=id,displayName`);
    expect(res.body["@odata.context"]).toBe(`${emu.url}/v1.0/$metadata#directoryObjects(id,displayName)`);
    expect(res.body.value).toContainEqual({ "@odata.type": "#microsoft.graph.group", id: GROUP.marketing, displayName: "Marketing" });
    expect(res.body.value).toContainEqual({ "@odata.type": "#microsoft.graph.user", id: USER.lynneRobbins, displayName: "Lynne Robbins" });
    expect(res.body.value.map((m: { id: string }) => m.id)).not.toContain(USER.meganBowen);
    const plain = await emu.call("GET", `/v1.0/groups/${GROUP.slackUsers}/members`);
    const user = plain.body.value.find((m: { "@odata.type": string }) => m["@odata.type"] === "#microsoft.graph.user");
    expect(Object.keys(user)).toEqual(["@odata.type", "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"]);
  });

  it("transitiveMembers reaches through Marketing and Brand Studio, each member once", async () => {
    const res = await emu.call("GET", `/v1.0/groups/${GROUP.slackUsers}/transitiveMembers?$select=id&$top=999`);
    const ids = res.body.value.map((m: { id: string }) => m.id);
    expect(ids).toEqual(expect.arrayContaining([USER.meganBowen, USER.emilyBraun, GROUP.marketing, GROUP.brandStudio]));
    expect(new Set(ids).size).toBe(ids.length);
    const users = await emu.call("GET", `/v1.0/groups/${GROUP.slackUsers}/transitiveMembers/microsoft.graph.user/$count`, { headers: eventual });
    expect(Number(users.text)).toBe(ids.length - 2);
  });

  it("pages more than 100 members with a nextLink; $count, cast, and $filter only as an advanced query", async () => {
    const first = await emu.call("GET", `/v1.0/groups/${GROUP.allCompany}/members?$select=id`);
    expect(first.body.value).toHaveLength(100);
    const total = Number((await emu.call("GET", `/v1.0/groups/${GROUP.allCompany}/members/$count`, { headers: eventual })).text);
    expect(total).toBeGreaterThan(100);
    const seen = new Set(first.body.value.map((m: { id: string }) => m.id));
    let next: string | undefined = first.body["@odata.nextLink"];
    while (next) {
      const page: { body: any } = await emu.call("GET", pathOf(next));
      for (const m of page.body.value) seen.add(m.id);
      next = page.body["@odata.nextLink"];
    }
    expect(seen.size).toBe(total);
    const filter = `/v1.0/groups/${GROUP.allCompany}/members?$filter=${q("startswith(displayName,'Aisha')")}`;
    const refused = await emu.call("GET", filter);
    expect([refused.status, refused.body.error.code]).toEqual([400, "Request_UnsupportedQuery"]);
    const advanced = await emu.call("GET", `${filter}&$count=true`, { headers: eventual });
    expect(advanced.body.value.map((m: { id: string }) => m.id)).toEqual([USER.aishaKhan]);
    expect(advanced.body["@odata.count"]).toBe(1);
    const cast = await emu.call("GET", `/v1.0/groups/${GROUP.marketing}/members/microsoft.graph.group?$select=displayName`);
    expect(cast.body).toEqual({ "@odata.context": `${emu.url}/v1.0/$metadata#groups(displayName)`, value: [{ displayName: "Brand Studio" }] });
    expect((await emu.call("GET", `/v1.0/groups/${GROUP.marketing}/members/$count`)).status).toBe(400);
  });
});

describe("permissions", () => {
  it("follows each page: /groups needs Group.* or Directory.*; v1.0 members also take GroupMember.Read.All, beta members do not", async () => {
    const nosync = await emu.token("nosync");
    for (const path of ["/v1.0/groups", `/v1.0/groups/${GROUP.sales}`, `/v1.0/groups/${GROUP.sales}/members`, `/v1.0/groups/${GROUP.sales}/transitiveMembers`]) {
      const res = await emu.call("GET", path, { token: nosync });
      expect([res.status, res.body.error.code]).toEqual([403, "Authorization_RequestDenied"]);
    }
    const memberOnly = await emu.token("admin", { scopes: ["GroupMember.Read.All"] });
    expect((await emu.call("GET", `/v1.0/groups/${GROUP.sales}/members`, { token: memberOnly })).status).toBe(200);
    expect((await emu.call("GET", `/v1.0/groups/${GROUP.sales}`, { token: memberOnly })).status).toBe(200);
    expect((await emu.call("GET", `/beta/groups/${GROUP.sales}/members`, { token: memberOnly })).status).toBe(403);
    expect((await emu.call("GET", "/v1.0/groups", { token: memberOnly })).status).toBe(403);
    const reader = await emu.token("reader");
    expect((await emu.call("GET", `/beta/groups/${GROUP.sales}/members`, { token: reader })).status).toBe(200);
  });
});

describe("GET /groups/{id}/appRoleAssignments", () => {
  it("lists the group's own assignments (Slack Users → Slack), not those of groups it is in", async () => {
    const slack = await emu.call("GET", `/v1.0/groups/${GROUP.slackUsers}/appRoleAssignments`);
    expect(slack.status).toBe(200);
    expect(slack.body["@odata.context"]).toMatch(/\$metadata#appRoleAssignments$/);
    expect(slack.body.value.map((a: { principalId: string; resourceDisplayName: string }) => [a.principalId, a.resourceDisplayName])).toEqual([[GROUP.slackUsers, "Slack"]]);
    // Marketing is a member of Slack Users: it is assigned to nothing itself.
    expect((await emu.call("GET", `/beta/groups/${GROUP.marketing}/appRoleAssignments`)).body.value).toEqual([]);
  });

  it("needs Directory.Read.All (or an assignment-writing permission), and answers GET only", async () => {
    const token = await emu.token("admin", { scopes: ["GroupMember.Read.All", "User.Read.All"] });
    expect((await emu.call("GET", `/v1.0/groups/${GROUP.slackUsers}/appRoleAssignments`, { token })).status).toBe(403);
    expect((await emu.call("POST", `/v1.0/groups/${GROUP.slackUsers}/appRoleAssignments`, { body: {} })).status).toBe(405);
  });
});
