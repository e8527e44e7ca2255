import { describe, expect, it } from "vitest";
import { PERSONAS } from "../auth/personas";
import { SP } from "../seed/ids";
import { buildTenant } from "../seed/build";
import { assignmentId } from "./assignments";
import { GROUP, USER } from "./ids";
import { generatedUserCount, securityIdentifierOf, seedDirectory } from "./seed";
import { DEFAULT_APP_ROLE_ID } from "./types";

const tenant = buildTenant({ now: Date.UTC(2025, 5, 1), scale: 0 });
const directory = tenant.directory;

/** Apps whose assignment (direct, or through a group the user is a direct member of) covers the user. */
const directScope = (userId: string) =>
  tenant.servicePrincipals
    .filter((sp) => tenant.assignments.of(sp.id).some((a) => a.principalId === userId || (a.principalType === "Group" && directory.memberIds(a.principalId).includes(userId))))
    .map((sp) => sp.id);
/** The same through nested groups too. */
const transitiveScope = (userId: string) =>
  tenant.servicePrincipals
    .filter((sp) => tenant.assignments.of(sp.id).some((a) => a.principalId === userId || (a.principalType === "Group" && directory.transitiveUserMembers(a.principalId).some((u) => u.id === userId))))
    .map((sp) => sp.id);

describe("seed directory", () => {
  it("has ≥ 60 users on contoso.example, ≥ 8 groups, guests in the #EXT# form, disabled users, every persona by oid", () => {
    expect(directory.users.length).toBeGreaterThanOrEqual(60);
    expect(directory.groups.length).toBeGreaterThanOrEqual(8);
    for (const user of directory.users) expect(user.userPrincipalName).toMatch(/@contoso\.example$/);
    const guests = directory.users.filter((user) => user.userType === "Guest");
    expect(guests.length).toBeGreaterThanOrEqual(3);
    for (const guest of guests) {
      expect(guest.userPrincipalName).toMatch(/^[a-z.]+_[a-z]+\.example#EXT#@contoso\.example$/);
      expect(guest.mailNickname).toBe(guest.userPrincipalName.split("@")[0]);
      expect(guest.creationType).toBe("Invitation");
    }
    expect(directory.user(USER.jordanReyes)!.userPrincipalName).toBe("jordan.reyes_fabrikam.example#EXT#@contoso.example");
    expect(directory.users.filter((user) => !user.accountEnabled).length).toBeGreaterThanOrEqual(2);
    for (const persona of Object.values(PERSONAS)) {
      const user = directory.user(persona.oid)!;
      expect(user.displayName).toBe(persona.name);
      expect(user.userPrincipalName).toBe(persona.upn);
    }
    const ids = directory.users.map((user) => user.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(directory.users.map((user) => user.userPrincipalName.toLowerCase())).size).toBe(ids.length);
  });

  it("gives members the properties a provisioning mapping reads, and a manager chain to the president", () => {
    for (const user of directory.users.filter((u) => u.userType === "Member")) {
      for (const property of ["givenName", "surname", "department", "jobTitle", "mail", "mailNickname", "employeeId", "usageLocation"] as const) expect(user[property]).toBeTruthy();
    }
    let user = directory.user(USER.gradyArchie)!;
    const chain = [user.displayName];
    while (directory.manager(user.id)) {
      user = directory.manager(user.id)!;
      chain.push(user.displayName);
    }
    expect(chain).toEqual(["Grady Archie", "Adele Vance", "Lee Gu", "Patti Fernandez"]);
    expect(directory.directReports(USER.adeleVance).map((u) => u.displayName)).toEqual(["Grady Archie", "Irvin Sayers"]);
  });

  it("has security, Microsoft 365, mail-enabled security and distribution groups as Graph flags them", () => {
    const all = directory.group(GROUP.allCompany)!;
    expect([all.groupTypes, all.mailEnabled, all.securityEnabled, all.visibility]).toEqual([["Unified"], true, false, "Public"]);
    const sales = directory.group(GROUP.sales)!;
    expect([sales.groupTypes, sales.mailEnabled, sales.securityEnabled, sales.mail]).toEqual([[], false, true, null]);
    expect(directory.group(GROUP.leadership)).toMatchObject({ groupTypes: [], mailEnabled: true, securityEnabled: true });
    expect(directory.group(GROUP.supportNotifications)).toMatchObject({ groupTypes: [], mailEnabled: true, securityEnabled: false });
    expect(securityIdentifierOf("02bd9fd6-8f93-4758-87c3-1fb73740a315")).toBe("S-1-12-1-45981654-1196986259-3072312199-363020343"); // group-get example
  });

  it("nests groups: Slack Users ⊃ Marketing ⊃ Brand Studio; transitive members each once; groupsOf through nesting", () => {
    expect(directory.memberIds(GROUP.slackUsers)).toContain(GROUP.marketing);
    expect(directory.memberIds(GROUP.marketing)).toContain(GROUP.brandStudio);
    const transitive = directory.transitiveUserMembers(GROUP.slackUsers).map((u) => u.id);
    expect(transitive).toEqual(expect.arrayContaining([USER.meganBowen, USER.emilyBraun, USER.lynneRobbins]));
    expect(new Set(transitive).size).toBe(transitive.length);
    expect(directory.memberOf(USER.meganBowen).map((g) => g.displayName).sort()).toEqual(["All Company", "Marketing"]);
    expect(directory.groupsOf(USER.emilyBraun).map((g) => g.displayName).sort()).toEqual(["All Company", "Brand Studio", "Marketing", "Slack Users"]);
  });

  it("scales by ⌊scale/10⌋ generated users (at most 5000), deterministically", () => {
    expect(generatedUserCount(0)).toBe(0);
    expect(generatedUserCount(2480)).toBe(248);
    expect(generatedUserCount(10_000_000)).toBe(5000);
    const a = seedDirectory(300);
    const b = seedDirectory(300);
    expect(a.users.length).toBe(directory.users.length + 30);
    expect(JSON.stringify(a.users)).toBe(JSON.stringify(b.users));
    expect(new Set(a.users.map((u) => u.userPrincipalName)).size).toBe(a.users.length);
  });

  it("updateUser changes the object in place and bumps version; so do memberships", () => {
    const copy = seedDirectory(0);
    const before = copy.version;
    const user = copy.updateUser(USER.nestorWilke, { department: "Facilities" });
    expect(user).toBe(copy.user(USER.nestorWilke));
    expect(user.department).toBe("Facilities");
    expect(copy.version).toBe(before + 1);
    copy.addMember(GROUP.sales, USER.nestorWilke);
    expect(copy.version).toBe(before + 2);
    copy.addMember(GROUP.sales, USER.nestorWilke);
    expect(copy.version).toBe(before + 2);
    copy.removeMember(GROUP.sales, USER.nestorWilke);
    expect(copy.version).toBe(before + 3);
    expect(() => copy.updateUser(USER.nestorWilke, { id: "x" })).toThrow();
    expect(() => copy.updateUser(USER.nestorWilke, { userPrincipalName: "adele.vance@contoso.example" })).toThrow();
  });
});

describe("seed assignments", () => {
  const outbound = [SP.box, SP.salesforce, SP.slack, SP.aws, SP.customScim, SP.databricks, SP.githubEmu, SP.crossTenant, SP.xss];

  it("assigns users and at least one group to every app with an outbound or cross-tenant job, different sets, Default Access", () => {
    const sets = outbound.map((id) => {
      const assignments = tenant.assignments.of(id);
      expect(assignments.filter((a) => a.principalType === "User").length).toBeGreaterThanOrEqual(3);
      expect(assignments.filter((a) => a.principalType === "Group").length).toBeGreaterThanOrEqual(1);
      for (const a of assignments) {
        expect(a.appRoleId).toBe(DEFAULT_APP_ROLE_ID);
        expect(a.resourceId).toBe(id);
        expect(a.createdDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
      }
      return assignments.map((a) => a.principalId).sort().join();
    });
    expect(new Set(sets).size).toBe(outbound.length);
    expect(tenant.assignments.of(SP.zoom).length).toBeGreaterThan(0); // no job yet, but people are assigned
    expect(tenant.assignments.of(SP.salesforceSandbox)).toEqual([]);
    expect(tenant.assignments.of(SP.cloudSync)).toEqual([]);
    expect(tenant.assignments.of(SP.inboundApi)).toEqual([]);
  });

  it("puts Megan in Slack's scope only through a nested group, and leaves Nestor Wilke assigned to nothing", () => {
    expect(tenant.assignments.ofPrincipal(USER.meganBowen)).toEqual([]);
    expect(directScope(USER.meganBowen)).toEqual([]);
    expect(transitiveScope(USER.meganBowen)).toEqual([SP.slack]);
    expect(transitiveScope(USER.nestorWilke)).toEqual([]);
    expect(directory.user(USER.enricoCattaneo)!.accountEnabled).toBe(false);
    expect(directScope(USER.enricoCattaneo)).toEqual(expect.arrayContaining([SP.slack, SP.githubEmu]));
    expect(directScope(USER.jordanReyes)).toContain(SP.slack);
  });

  it("makes ids in Graph's shape: base64url of the principal id (GUID byte order) and 16 more bytes", () => {
    // serviceprincipal-list-approleassignedto example: id 41W1zT6z1U-… for principal cdb555e3-…
    expect(assignmentId("cdb555e3-b33e-4fd5-a427-17fadacbdfa7", "x").slice(0, 21)).toBe("41W1zT6z1U-kJxf62svfp1HFE8pMZhxDun-ThPczmJE".slice(0, 21));
    for (const a of tenant.assignments.all()) expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tenant.assignments.all().map((a) => a.id)).size).toBe(tenant.assignments.all().length);
  });

  it("gives generated apps with a job a deterministic handful, never the unassigned person", () => {
    const a = buildTenant({ now: 0, scale: 70 });
    const b = buildTenant({ now: 0, scale: 70 });
    expect(JSON.stringify(a.assignments.all())).toBe(JSON.stringify(b.assignments.all()));
    const generated = a.servicePrincipals.filter((sp) => a.synchronization(sp.id).jobs.size > 0 && !Object.values(SP).includes(sp.id as never));
    expect(generated.length).toBe(10);
    for (const sp of generated) {
      expect(a.assignments.of(sp.id).length).toBeGreaterThanOrEqual(4);
      expect(a.assignments.of(sp.id).some((x) => x.principalId === USER.nestorWilke)).toBe(false);
    }
    expect(a.assignments.version).toBe(0);
  });
});
