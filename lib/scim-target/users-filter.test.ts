import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTERPRISE, USER_SCHEMA, filterQuery, startTestTarget, type TestTarget } from "@/test/support/scim-target-client";

/** GET /Users?filter=… over HTTP (RFC 7644 §3.4.2.2), on a few Users created once. */
let t: TestTarget;
beforeAll(async () => {
  t = await startTestTarget();
  await t.createUser("alice@example.com", {
    externalId: "EXT-1",
    displayName: "Alice Archer",
    active: true,
    emails: [
      { value: "alice@work.example.com", type: "work", primary: true },
      { value: "alice@home.example.org", type: "home" },
    ],
    name: { givenName: "Alice", familyName: "Archer" },
  });
  await t.createUser("bob@example.com", { externalId: "ext-2", displayName: "Bob Baker", active: false, emails: [{ value: "bob@home.example.com", type: "home" }] });
  await t.createUser("carol@example.org", { schemas: [USER_SCHEMA, ENTERPRISE], displayName: "Carol", active: true, [ENTERPRISE]: { employeeNumber: "7", department: "Sales" } });
});
afterAll(() => t.close());

async function userNames(expression: string): Promise<string[]> {
  const answer = await t.call("GET", `/Users?${filterQuery(expression)}`);
  expect(answer.status, answer.text).toBe(200);
  expect(answer.body.totalResults).toBe(answer.body.Resources.length);
  return answer.body.Resources.map((u: { userName: string }) => u.userName).sort();
}

describe("filters", () => {
  it("eq on userName ignores case (caseExact false); on externalId it does not (caseExact true)", async () => {
    expect(await userNames('userName eq "ALICE@example.com"')).toEqual(["alice@example.com"]);
    expect(await userNames('UserName EQ "bob@example.com"')).toEqual(["bob@example.com"]);
    expect(await userNames('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "carol@example.org"')).toEqual(["carol@example.org"]);
    expect(await userNames('externalId eq "EXT-1"')).toEqual(["alice@example.com"]);
    expect(await userNames('externalId eq "ext-1"')).toEqual([]);
  });

  it("co, sw, ew, pr, booleans and dates", async () => {
    expect(await userNames('displayName co "ar"')).toEqual(["alice@example.com", "carol@example.org"]);
    expect(await userNames('userName sw "B"')).toEqual(["bob@example.com"]);
    expect(await userNames('userName ew ".org"')).toEqual(["carol@example.org"]);
    expect(await userNames("name.givenName pr")).toEqual(["alice@example.com"]);
    expect(await userNames("active eq false")).toEqual(["bob@example.com"]);
    expect(await userNames('meta.created gt "2000-01-01T00:00:00Z"')).toHaveLength(3);
    expect(await userNames('meta.created lt "2000-01-01T00:00:00Z"')).toEqual([]);
  });

  it("and, or, not and precedence groups", async () => {
    expect(await userNames('userName sw "a" or userName sw "b"')).toEqual(["alice@example.com", "bob@example.com"]);
    expect(await userNames('active eq true and displayName co "Archer"')).toEqual(["alice@example.com"]);
    expect(await userNames('not (active eq true and displayName co "Archer")')).toEqual(["bob@example.com", "carol@example.org"]);
    expect(await userNames('not (userName sw "a" or userName sw "b")')).toEqual(["carol@example.org"]);
    expect(await userNames('(userName sw "a" or userName sw "c") and (active eq true)')).toEqual(["alice@example.com", "carol@example.org"]);
  });

  it("multi-valued attributes and value paths, incl. emails[type eq \"work\"].value eq (as Entra ID sends it)", async () => {
    expect(await userNames('emails[type eq "work"].value eq "alice@work.example.com"')).toEqual(["alice@example.com"]);
    // The same email must be both: Alice's home address is not her work one.
    expect(await userNames('emails[type eq "work"].value eq "alice@home.example.org"')).toEqual([]);
    expect(await userNames('emails[type eq "home" and value co "example.com"]')).toEqual(["bob@example.com"]);
    expect(await userNames('emails[type eq "work"] and emails[type eq "home"]')).toEqual(["alice@example.com"]);
    expect(await userNames('emails.value ew ".org"')).toEqual(["alice@example.com"]);
    expect(await userNames('emails co "bob@"')).toEqual(["bob@example.com"]);
  });

  it("Enterprise extension attributes by their URN", async () => {
    expect(await userNames(`${ENTERPRISE}:employeeNumber eq "7"`)).toEqual(["carol@example.org"]);
    expect(await userNames(`${ENTERPRISE}:department eq "sales"`)).toEqual(["carol@example.org"]);
  });

  it("answers 200 with an empty ListResponse when nothing matches (Entra ID's Test Connection)", async () => {
    const answer = await t.call("GET", `/Users?${filterQuery('userName eq "4f6c0e2a-2b7e-4d1f-9a55-1f0c3d9e7b21"')}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: 0, itemsPerPage: 0, startIndex: 1, Resources: [] });
  });

  it("answers 400 invalidFilter for a filter that is not valid here", async () => {
    for (const expression of ['userName eq "a" or', "userName eq", 'userName xx "a"', 'nosuch eq "a"', 'active eq "true"', 'userName gt true', "emails[type eq \"work\"", 'active co "t"', "userName", '(userName eq "a"', ""]) {
      const answer = await t.call("GET", `/Users?${filterQuery(expression)}`);
      expect({ expression, status: answer.status, scimType: answer.body.scimType }).toEqual({ expression, status: 400, scimType: "invalidFilter" });
    }
  });
});
