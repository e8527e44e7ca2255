import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENTERPRISE, PATCH_OP, USER_SCHEMA, startTestTarget, type TestTarget } from "@/test/support/scim-target-client";

/** PATCH on Users (RFC 7644 §3.5.2) with scimmy's PatchOp: always 200 with the resource. */
let t: TestTarget;
let id: string;
beforeAll(async () => {
  t = await startTestTarget();
});
afterAll(() => t.close());
beforeEach(async () => {
  t.target.reset();
  const created = await t.createUser("alice", {
    displayName: "Alice",
    active: true,
    emails: [
      { value: "alice@work.example.com", type: "work", primary: true },
      { value: "alice@home.example.com", type: "home" },
    ],
  });
  id = created.body.id;
});

describe("PATCH", () => {
  it("replaces active with false, op names in any case (Entra ID sends \"Replace\")", async () => {
    const answer = await t.patch(`/Users/${id}`, [{ op: "Replace", path: "active", value: false }]);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id, active: false, meta: { version: 'W/"2"' } });
    expect(answer.headers.get("etag")).toBe('W/"2"');
    expect((await t.call("GET", `/Users/${id}`)).body.active).toBe(false);
    expect((await t.patch(`/Users/${id}`, [{ op: "REPLACE", value: { active: true, displayName: "Alice A." } }])).body).toMatchObject({ active: true, displayName: "Alice A." });
  });

  it("adds, with a path or without one", async () => {
    const answer = await t.patch(`/Users/${id}`, [
      { op: "Add", path: "emails", value: [{ value: "alice@other.example.com", type: "other" }] },
      { op: "add", value: { title: "Engineer", [`${ENTERPRISE}:department`]: "R&D" } },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.emails.map((e: { type: string }) => e.type)).toEqual(["work", "home", "other"]);
    expect(answer.body).toMatchObject({ title: "Engineer", schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { department: "R&D" } });
  });

  it("removes an attribute, and values picked by a value filter", async () => {
    const answer = await t.patch(`/Users/${id}`, [
      { op: "remove", path: "displayName" },
      { op: "remove", path: 'emails[type eq "home"]' },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body).not.toHaveProperty("displayName");
    expect(answer.body.emails).toEqual([{ value: "alice@work.example.com", type: "work", primary: true }]);
  });

  it("replaces a sub-attribute picked by a value filter path: emails[type eq \"work\"].value", async () => {
    const answer = await t.patch(`/Users/${id}`, [{ op: "replace", path: 'emails[type eq "work"].value', value: "alice@new.example.com" }]);
    expect(answer.body.emails).toEqual([
      { value: "alice@new.example.com", type: "work", primary: true },
      { value: "alice@home.example.com", type: "home" },
    ]);
  });

  it("changes nothing, version included, when the operations change nothing", async () => {
    const answer = await t.patch(`/Users/${id}`, [{ op: "replace", path: "displayName", value: "Alice" }]);
    expect(answer.status).toBe(200);
    expect(answer.body.meta.version).toBe('W/"1"');
  });

  it("refuses what RFC 7644 §3.5.2 and the schema refuse", async () => {
    const other = (await t.createUser("bob")).body.id;
    const cases: [unknown, number, string | undefined][] = [
      [{ schemas: [PATCH_OP], Operations: [{ op: "replace", path: 'emails[type eq "other"].value', value: "x@example.com" }] }, 400, "noTarget"],
      [{ schemas: [PATCH_OP], Operations: [{ op: "replace", path: "nosuch", value: "x" }] }, 400, "invalidPath"],
      [{ schemas: [PATCH_OP], Operations: [{ op: "move", path: "displayName", value: "x" }] }, 400, "invalidSyntax"],
      [{ schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: "False" }] }, 400, "invalidValue"],
      [{ schemas: [PATCH_OP], Operations: [{ op: "remove", path: "userName" }] }, 400, "invalidValue"],
      [{ schemas: [PATCH_OP], Operations: [{ op: "replace", path: "id", value: other }] }, 400, "mutability"],
      [{ schemas: [PATCH_OP], Operations: [{ op: "add", path: `${ENTERPRISE}:manager`, value: other }] }, 400, "invalidValue"],
      [{ schemas: [PATCH_OP], Operations: [] }, 400, "invalidValue"],
      [{ schemas: [USER_SCHEMA], Operations: [{ op: "add", value: { title: "x" } }] }, 400, "invalidSyntax"],
      [{ schemas: [PATCH_OP], Operations: [{ op: "replace", path: "userName", value: "BOB" }] }, 409, "uniqueness"],
    ];
    for (const [body, status, scimType] of cases) {
      const answer = await t.call("PATCH", `/Users/${id}`, { body });
      expect({ body, status: answer.status, scimType: answer.body.scimType }).toEqual({ body, status, scimType });
    }
    expect((await t.call("GET", `/Users/${id}`)).body.meta.version).toBe('W/"1"');
    expect((await t.patch("/Users/unknown", [{ op: "add", value: { title: "x" } }])).status).toBe(404);
  });
});

describe("PATCH values", () => {
  it("refuses attributes the schema does not define inside a value, as POST does", async () => {
    for (const operation of [
      { op: "add", path: "emails", value: [{ value: "x@example.com", kind: "work" }] },
      { op: "add", value: { nickname2: "x" } },
      { op: "replace", path: `${ENTERPRISE}`, value: { costcentre: "1" } },
    ]) {
      const answer = await t.patch(`/Users/${id}`, [operation]);
      expect({ operation, status: answer.status, scimType: answer.body.scimType }).toEqual({ operation, status: 400, scimType: "invalidSyntax" });
    }
  });
});
