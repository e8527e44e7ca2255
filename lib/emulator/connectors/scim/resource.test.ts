import { describe, expect, it } from "vitest";
import { CORE_GROUP, CORE_USER, ENTERPRISE_USER, parsePath, patchOperations, readAttribute, resourceBody } from "./resource";

const DEPARTMENT = `${ENTERPRISE_USER}:department`;
const TYPES = { active: "Boolean", userName: "String" };

describe("SCIM resources from mapped attributes", () => {
  it("reads the path forms the mappings use", () => {
    expect(parsePath('emails[type eq "work"].value')).toEqual({ extension: null, attribute: "emails", filterType: "work", subAttribute: "value" });
    expect(parsePath("name.givenName")).toEqual({ extension: null, attribute: "name", filterType: null, subAttribute: "givenName" });
    expect(parsePath(DEPARTMENT)).toEqual({ extension: ENTERPRISE_USER, attribute: "department", filterType: null, subAttribute: null });
  });

  it("builds a create body as the SCIM tutorial's Create User: schemas, typed active, work email, name, extension; nulls left out", () => {
    const body = resourceBody("User", { userName: "a@contoso.example", active: "True", 'emails[type eq "work"].value': "a@contoso.example", "name.givenName": "Adele", [DEPARTMENT]: "IT", title: null }, TYPES);
    expect(body).toEqual({
      schemas: [CORE_USER, ENTERPRISE_USER],
      userName: "a@contoso.example",
      active: true,
      emails: [{ type: "work", primary: true, value: "a@contoso.example" }],
      name: { givenName: "Adele" },
      [ENTERPRISE_USER]: { department: "IT" },
    });
  });

  it("creates groups with an empty members list (members are added after)", () => {
    expect(resourceBody("Group", { displayName: "Sales", externalId: "g1", members: "u1,u2" }, {})).toEqual({ schemas: [CORE_GROUP], displayName: "Sales", externalId: "g1", members: [] });
  });

  it("reads a resource back into the mapped attributes, booleans as the mappings spell them", () => {
    const resource = { id: "1", active: false, emails: [{ type: "home", value: "h" }, { type: "work", value: "w" }], name: { familyName: "Vance" }, [ENTERPRISE_USER]: { department: "IT" }, members: [{ value: "b" }, { value: "a" }] };
    expect(readAttribute(resource, "active")).toBe("False");
    expect(readAttribute(resource, 'emails[type eq "work"].value')).toBe("w");
    expect(readAttribute(resource, "name.familyName")).toBe("Vance");
    expect(readAttribute(resource, DEPARTMENT)).toBe("IT");
    expect(readAttribute(resource, "members")).toBe("a,b");
    expect(readAttribute(resource, "title")).toBeNull();
  });
});

describe("PATCH operations", () => {
  it("sends only what changed: replace, remove for a value that became null, disable as a boolean", () => {
    const before = { userName: "a", active: "True", title: "Engineer", [DEPARTMENT]: "IT" };
    const after = { userName: "a", active: "False", title: null, [DEPARTMENT]: "Sales" };
    expect(patchOperations(before, after, TYPES)).toEqual([
      { op: "replace", path: "active", value: false },
      { op: "remove", path: "title" },
      { op: "replace", path: DEPARTMENT, value: "Sales" },
    ]);
  });

  it("adds a typed list element the account does not have yet instead of replacing a missing one", () => {
    expect(patchOperations({ 'emails[type eq "work"].value': null }, { 'emails[type eq "work"].value': "w@x" }, {})).toEqual([{ op: "add", path: "emails", value: [{ type: "work", value: "w@x" }] }]);
  });

  it("changes group members by adding and removing ids", () => {
    expect(patchOperations({ members: "a,b" }, { members: "b,c" }, {})).toEqual([
      { op: "add", path: "members", value: [{ value: "c" }] },
      { op: "remove", path: "members", value: [{ value: "a" }] },
    ]);
    expect(patchOperations({ members: "a" }, { members: "a" }, {})).toEqual([]);
  });
});
