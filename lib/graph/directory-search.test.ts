import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GROUP, USER } from "@/lib/emulator/directory/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { createGraphGateway, type GraphGateway } from "./gateway";
import { groupUserMembers, searchGroups, searchUsers } from "./directory-search";

let emulator: TestEmulator;
let graph: GraphGateway;

beforeAll(async () => {
  emulator = await startTestEmulator();
  const token = await emulator.token("admin");
  graph = createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: async () => token });
});
afterAll(() => emulator.close());

describe("searchUsers (against the emulator)", () => {
  it("finds people by the start of their display name, first name, last name, UPN or mail", async () => {
    for (const text of ["Johanna", "Lorenz", "johanna.lorenz@", "Johanna Lor"]) {
      expect((await searchUsers(graph, text)).map((user) => user.id)).toContain(USER.johannaLorenz);
    }
    const [user] = await searchUsers(graph, "Johanna Lorenz");
    expect(user).toMatchObject({ displayName: "Johanna Lorenz", accountEnabled: true, userType: "Member" });
  });

  it("looks an object id up directly; an unknown one is nobody; a quote cannot break out of the filter", async () => {
    expect((await searchUsers(graph, USER.nestorWilke)).map((user) => user.displayName)).toEqual(["Nestor Wilke"]);
    expect(await searchUsers(graph, "00000000-0000-0000-0000-000000000000")).toEqual([]);
    expect(await searchUsers(graph, "x') or startswith(displayName,'")).toEqual([]);
  });
});

describe("searchGroups and groupUserMembers", () => {
  it("finds a group by name, and lists its direct user members only", async () => {
    expect((await searchGroups(graph, "Customer Sup")).map((group) => group.id)).toEqual([GROUP.customerSupport]);
    // Marketing has Brand Studio (a group) among its members: not listed.
    const { members, more } = await groupUserMembers(graph, GROUP.marketing);
    expect(members.length).toBeGreaterThan(0);
    expect(members.map((member) => member.id)).not.toContain(GROUP.brandStudio);
    expect(more).toBe(false);
  });
});
