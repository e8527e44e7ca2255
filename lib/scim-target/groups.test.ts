import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GROUP_SCHEMA, filterQuery, startTestTarget, type TestTarget } from "@/test/support/scim-target-client";

/** Groups and their members (RFC 7643 §4.2): members must exist; PATCH adds and removes them. */
let t: TestTarget;
let alice: string;
let bob: string;
beforeAll(async () => {
  t = await startTestTarget();
});
afterAll(() => t.close());
beforeEach(async () => {
  t.target.reset();
  alice = (await t.createUser("alice", { displayName: "Alice" })).body.id;
  bob = (await t.createUser("bob")).body.id;
});

const memberIds = (group: { members?: { value: string }[] }) => (group.members ?? []).map((m) => m.value);

describe("Groups", () => {
  it("creates a group whose members reference Users, with $ref and type filled in", async () => {
    const created = await t.createGroup("Engineering", { members: [{ value: alice, display: "Alice" }] });
    expect(created.status).toBe(201);
    expect(created.body.members).toEqual([{ value: alice, display: "Alice", $ref: `${t.target.url}/Users/${alice}`, type: "User" }]);
    const user = (await t.call("GET", `/Users/${alice}`)).body;
    expect(user.groups).toEqual([{ value: created.body.id, $ref: `${t.target.url}/Groups/${created.body.id}`, display: "Engineering", type: "direct" }]);
  });

  it("refuses members that do not exist or are not of the stated type: 400 invalidValue", async () => {
    for (const members of [[{ value: "no-such-id" }], [{ display: "no value" }], [{ value: alice, type: "Group" }]]) {
      const answer = await t.createGroup("G", { members });
      expect(answer).toMatchObject({ status: 400, body: { scimType: "invalidValue" } });
    }
    const group = (await t.createGroup("G")).body.id;
    const answer = await t.patch(`/Groups/${group}`, [{ op: "add", path: "members", value: [{ value: "no-such-id" }] }]);
    expect(answer).toMatchObject({ status: 400, body: { scimType: "invalidValue" } });
  });

  it("adds and removes members with PATCH, as Entra ID sends them", async () => {
    const group = (await t.createGroup("Sales")).body.id;
    let answer = await t.patch(`/Groups/${group}`, [{ op: "Add", path: "members", value: [{ value: alice }, { value: bob }] }]);
    expect(answer.status).toBe(200);
    expect(memberIds(answer.body)).toEqual([alice, bob]);
    answer = await t.patch(`/Groups/${group}`, [{ op: "Add", path: "members", value: [{ value: alice }] }]);
    expect(memberIds(answer.body)).toEqual([alice, bob]);
    expect(answer.body.meta.version).toBe('W/"2"');
    answer = await t.patch(`/Groups/${group}`, [{ op: "Remove", path: "members", value: [{ value: alice }] }]);
    expect(memberIds(answer.body)).toEqual([bob]);
    answer = await t.patch(`/Groups/${group}`, [{ op: "remove", path: `members[value eq "${bob}"]` }]);
    expect(answer.body).not.toHaveProperty("members");
    answer = await t.patch(`/Groups/${group}`, [{ op: "replace", path: "members", value: [{ value: bob }] }, { op: "replace", value: { displayName: "Sales EU" } }]);
    expect(answer.body).toMatchObject({ displayName: "Sales EU", members: [{ value: bob }] });
  });

  it("finds a group by displayName without its members (Entra ID: excludedAttributes=members)", async () => {
    await t.createGroup("Engineering", { members: [{ value: alice }] });
    const answer = await t.call("GET", `/Groups?excludedAttributes=members&${filterQuery('displayName eq "engineering"')}`);
    expect(answer.status).toBe(200);
    expect(answer.body.totalResults).toBe(1);
    expect(answer.body.Resources[0]).toMatchObject({ schemas: [GROUP_SCHEMA], displayName: "Engineering" });
    expect(answer.body.Resources[0]).not.toHaveProperty("members");
    const byMember = await t.call("GET", `/Groups?${filterQuery(`members eq "${alice}"`)}`);
    expect(byMember.body.totalResults).toBe(1);
  });

  it("does not require unique displayNames (RFC 7643 §4.2: uniqueness none)", async () => {
    expect((await t.createGroup("Same")).status).toBe(201);
    expect((await t.createGroup("Same")).status).toBe(201);
  });

  it("nests groups: a User's groups lists the indirect ones too", async () => {
    const inner = (await t.createGroup("Inner", { members: [{ value: alice }] })).body.id;
    const outer = (await t.createGroup("Outer", { members: [{ value: inner, type: "Group" }] })).body.id;
    const groups = (await t.call("GET", `/Users/${alice}`)).body.groups;
    expect(groups.map((g: { value: string; type: string }) => [g.value, g.type])).toEqual([
      [inner, "direct"],
      [outer, "indirect"],
    ]);
  });

  it("takes a deleted User out of its groups, which get a new version", async () => {
    const group = (await t.createGroup("Team", { members: [{ value: alice }, { value: bob }] })).body;
    expect((await t.call("DELETE", `/Users/${alice}`)).status).toBe(204);
    const after = (await t.call("GET", `/Groups/${group.id}`)).body;
    expect(memberIds(after)).toEqual([bob]);
    expect(after.meta.version).toBe('W/"2"');
    expect((await t.call("DELETE", `/Groups/${group.id}`)).status).toBe(204);
    expect((await t.call("GET", `/Groups/${group.id}`)).status).toBe(404);
    expect((await t.call("GET", `/Users/${bob}`)).body).not.toHaveProperty("groups");
  });
});
