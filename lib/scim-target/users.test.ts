import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENTERPRISE, USER_SCHEMA, startTestTarget, type TestTarget } from "@/test/support/scim-target-client";

/** Users: POST, GET by id, GET list, PUT, DELETE (RFC 7644 §3.3–3.6) and the schema checks on a body. */
let t: TestTarget;
beforeAll(async () => {
  t = await startTestTarget();
});
afterAll(() => t.close());
beforeEach(() => t.target.reset());

describe("Users", () => {
  it("creates a User: 201, Location, ETag, server-assigned id and meta, password not returned", async () => {
    const created = await t.createUser("alice@example.com", {
      schemas: [USER_SCHEMA, ENTERPRISE],
      id: "client-chosen",
      active: true,
      password: "pw",
      emails: [{ value: "alice@example.com", type: "work", primary: true }],
      [ENTERPRISE]: { employeeNumber: "42" },
    });
    expect(created.status).toBe(201);
    const user = created.body;
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get("location")).toBe(`${t.target.url}/Users/${user.id}`);
    expect(created.headers.get("etag")).toBe('W/"1"');
    expect(user.meta).toEqual({ resourceType: "User", created: expect.any(String), lastModified: user.meta.created, version: 'W/"1"', location: `${t.target.url}/Users/${user.id}` });
    expect(user).toMatchObject({ schemas: [USER_SCHEMA, ENTERPRISE], userName: "alice@example.com", active: true, [ENTERPRISE]: { employeeNumber: "42" } });
    expect(user).not.toHaveProperty("password");

    const read = await t.call("GET", `/Users/${user.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(user);
    expect((await t.call("GET", "/Users")).body).toMatchObject({ totalResults: 1, itemsPerPage: 1, startIndex: 1, Resources: [user] });
  });

  it("answers 404 for an unknown id", async () => {
    const answer = await t.call("GET", "/Users/2819c223-7f76-453a-919d-413861904646");
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ status: "404", detail: expect.stringContaining("not found") });
  });

  it("keeps userName unique, compared case-insensitively: 409 uniqueness", async () => {
    expect((await t.createUser("Alice")).status).toBe(201);
    const again = await t.createUser("aLiCe");
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: "409", scimType: "uniqueness" });
  });

  it("replaces a User with PUT: omitted attributes go, readOnly ones are ignored, userName stays unique", async () => {
    const alice = (await t.createUser("alice", { displayName: "Alice", title: "Engineer" })).body;
    await t.createUser("bob");
    const put = await t.call("PUT", `/Users/${alice.id}`, { body: { schemas: [USER_SCHEMA], id: "other", userName: "alice2", displayName: "Alice Two", meta: { created: "2000-01-01T00:00:00Z" } } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: alice.id, userName: "alice2", displayName: "Alice Two", meta: { created: alice.meta.created, version: 'W/"2"' } });
    expect(put.body).not.toHaveProperty("title");
    const taken = await t.call("PUT", `/Users/${alice.id}`, { body: { schemas: [USER_SCHEMA], userName: "BOB" } });
    expect(taken).toMatchObject({ status: 409, body: { scimType: "uniqueness" } });
    expect((await t.call("PUT", "/Users/unknown-id", { body: { schemas: [USER_SCHEMA], userName: "x" } })).status).toBe(404);
  });

  it("deletes a User: 204, then 404 for GET and DELETE", async () => {
    const alice = (await t.createUser("alice")).body;
    const deleted = await t.call("DELETE", `/Users/${alice.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await t.call("GET", `/Users/${alice.id}`)).status).toBe(404);
    expect((await t.call("DELETE", `/Users/${alice.id}`)).status).toBe(404);
    expect((await t.createUser("ALICE")).status).toBe(201);
  });

  it("refuses bodies that do not follow the schema", async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ schemas: [USER_SCHEMA] }, "invalidValue", /userName/],
      [{ schemas: [USER_SCHEMA], userName: "" }, "invalidValue", /userName/],
      [{ schemas: [USER_SCHEMA], userName: "x", active: "yes" }, "invalidValue", /active/],
      [{ schemas: [USER_SCHEMA], userName: 7 }, "invalidValue", /userName/],
      [{ schemas: [USER_SCHEMA], userName: "x", emails: { value: "x@example.com" } }, "invalidValue", /emails/],
      [{ userName: "x" }, "invalidSyntax", /schemas/],
      [{ schemas: [USER_SCHEMA, "urn:example:params:scim:schemas:Custom"], userName: "x" }, "invalidSyntax", /urn:example/],
      [{ schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], userName: "x" }, "invalidSyntax", /Group/],
      [{ schemas: [USER_SCHEMA], userName: "x", nickname2: "y" }, "invalidSyntax", /nickname2/],
      [{ schemas: [USER_SCHEMA], userName: "x", emails: [{ value: "x@example.com", kind: "work" }] }, "invalidSyntax", /kind/],
      [{ schemas: [USER_SCHEMA], userName: "x", [ENTERPRISE]: { employeeNumber: "1" } }, "invalidSyntax", /enterprise/],
      [[{ schemas: [USER_SCHEMA], userName: "x" }], "invalidSyntax", /object/],
    ];
    for (const [body, scimType, detail] of cases) {
      const answer = await t.call("POST", "/Users", { body });
      expect({ body, status: answer.status, scimType: answer.body.scimType }).toEqual({ body, status: 400, scimType });
      expect(answer.body.detail).toMatch(detail);
    }
    expect((await t.call("POST", "/Users")).body).toMatchObject({ status: "400", scimType: "invalidSyntax" });
    expect((await t.call("GET", "/Users")).body.totalResults).toBe(0);
  });
});
