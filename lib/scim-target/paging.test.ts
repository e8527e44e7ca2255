import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTERPRISE, USER_SCHEMA, startTestTarget, type TestTarget } from "@/test/support/scim-target-client";

/** startIndex/count (RFC 7644 §3.4.2.4), sortBy/sortOrder (§3.4.2.3), attributes/excludedAttributes (§3.4.2.5). */
let t: TestTarget;
const names = ["dave", "Alice", "carol", "Bob", "erin"];
beforeAll(async () => {
  t = await startTestTarget();
  for (const [i, name] of names.entries())
    await t.createUser(name, { schemas: [USER_SCHEMA, ENTERPRISE], emails: [{ value: `${name}@example.com`, type: "work" }], name: { givenName: name }, [ENTERPRISE]: { employeeNumber: String(i) } });
});
afterAll(() => t.close());

const list = async (query: string) => {
  const answer = await t.call("GET", `/Users?${query}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
};
const userNames = (body: { Resources: { userName: string }[] }) => body.Resources.map((u) => u.userName);

describe("paging", () => {
  it("pages in creation order with startIndex and count; totalResults counts all matches", async () => {
    expect(await list("startIndex=2&count=2")).toMatchObject({ totalResults: 5, startIndex: 2, itemsPerPage: 2, Resources: [{ userName: "Alice" }, { userName: "carol" }] });
    expect(await list("startIndex=5&count=10")).toMatchObject({ totalResults: 5, itemsPerPage: 1, Resources: [{ userName: "erin" }] });
    expect(await list("startIndex=6")).toMatchObject({ totalResults: 5, startIndex: 6, itemsPerPage: 0, Resources: [] });
    expect(await list("count=0")).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
    expect(await list("count=-3")).toMatchObject({ totalResults: 5, itemsPerPage: 0 });
    expect(await list("startIndex=0&count=1")).toMatchObject({ startIndex: 1, Resources: [{ userName: "dave" }] });
    expect(userNames(await list(""))).toEqual(names);
  });

  it("refuses a startIndex or count that is not an integer, or given twice", async () => {
    for (const query of ["startIndex=abc", "count=1.5", "count=10&count=20"]) {
      const answer = await t.call("GET", `/Users?${query}`);
      expect({ query, status: answer.status, scimType: answer.body.scimType }).toEqual({ query, status: 400, scimType: "invalidValue" });
    }
  });

  it("sorts with sortBy and sortOrder, case-insensitively for caseExact=false strings", async () => {
    expect(userNames(await list("sortBy=userName"))).toEqual(["Alice", "Bob", "carol", "dave", "erin"]);
    expect(userNames(await list("sortBy=userName&sortOrder=descending&count=2"))).toEqual(["erin", "dave"]);
    expect(userNames(await list("sortBy=emails&startIndex=4"))).toEqual(["dave", "erin"]);
    expect((await t.call("GET", "/Users?sortBy=nosuch")).body.scimType).toBe("invalidValue");
    expect((await t.call("GET", "/Users?sortBy=userName&sortOrder=up")).body.scimType).toBe("invalidValue");
  });

  it("returns only the attributes asked for, and always id and schemas", async () => {
    const [first] = (await list("count=1&attributes=userName,emails.value")).Resources;
    expect(first).toEqual({ schemas: [USER_SCHEMA, ENTERPRISE], id: expect.any(String), userName: "dave", emails: [{ value: "dave@example.com" }] });
    const [urn] = (await list(`count=1&attributes=urn:ietf:params:scim:schemas:core:2.0:User:userName,${ENTERPRISE}:employeeNumber`)).Resources;
    expect(urn).toEqual({ schemas: [USER_SCHEMA, ENTERPRISE], id: expect.any(String), userName: "dave", [ENTERPRISE]: { employeeNumber: "0" } });
    const [excluded] = (await list(`count=1&excludedAttributes=emails,name.givenName,meta,id,${ENTERPRISE}`)).Resources;
    expect(Object.keys(excluded)).toEqual(["schemas", "id", "userName"]);
    expect((await t.call("GET", "/Users?attributes=nosuch")).body.scimType).toBe("invalidValue");
  });
});
