import type { ObjectMapping, SynchronizationSchema } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it } from "vitest";
import { docExampleBody } from "@/test/support/doc-examples";
import cloudSyncMapping from "./fixtures/entra-cloud-sync-object-mapping.json";
import scopedSchema from "./fixtures/scoped-schema.json";
import { toMappingsView } from "./mapping-view";

const SCOPED = scopedSchema as unknown as SynchronizationSchema;

describe("toMappingsView, the docs' GET schema example (v1.0, shortened: empty objects)", () => {
  const schema = docExampleBody<SynchronizationSchema>("v1.0/synchronization-synchronizationschema-get__get_synchronizationschema_1__response.http");
  const view = toMappingsView(schema);

  it("keeps every rule, object mapping and attribute mapping, the empty ones too", () => {
    expect(view.rules.map((rule) => rule.name)).toEqual(["USER_TO_USER", null]);
    expect(view.rules[0].objectMappings).toHaveLength(2);
    expect(view.rules[1].objectMappings).toEqual([]);
    expect(view.attributeCount).toBe(2);
  });

  it("names the directories and objects, and fills what the example leaves out with Graph's defaults", () => {
    const [rule] = view.rules;
    expect([rule.sourceDirectory, rule.targetDirectory]).toEqual(["Azure Active Directory", "Salesforce"]);
    const [users] = rule.objectMappings;
    expect([users.sourceObject, users.targetObject, users.name, users.enabled]).toEqual(["User", "User", null, true]);
    expect(users.actions).toMatchObject({ text: "Create, Update, Delete", graphDefault: true });
    expect(users.scope.groups).toEqual([]);
    const [userName, empty] = users.attributes;
    expect(userName).toMatchObject({ targetAttribute: "userName", source: { kind: "none" }, matchingPrecedence: null, defaultValue: null });
    expect(userName.apply).toMatchObject({ code: "Always", label: "Always" });
    expect(empty).toMatchObject({ targetAttribute: null, source: { kind: "none" } });
  });
});

describe("toMappingsView, Entra's cloud sync object mapping", () => {
  const view = toMappingsView({ synchronizationRules: [{ name: "AD2AADProvisioning", objectMappings: [cloudSyncMapping as unknown as ObjectMapping] }] });
  const [mapping] = view.rules[0].objectMappings;

  it("reads flowTypes sent without spaces and an attribute source from its name", () => {
    expect(mapping).toMatchObject({ name: "Provision Active Directory users", enabled: true, sourceObject: "user", targetObject: "User" });
    expect(mapping.actions).toMatchObject({ text: "Create, Update, Delete", graphDefault: false });
    expect(mapping.attributes).toHaveLength(1);
    expect(mapping.attributes[0]).toMatchObject({
      targetAttribute: "CredentialData",
      source: { kind: "attribute", text: "PasswordHash" },
      matchingPrecedence: null,
      defaultValue: null,
      exportBehavior: null,
    });
    expect(mapping.matching).toEqual([]);
  });
});

describe("toMappingsView, a scoped SCIM schema", () => {
  const view = toMappingsView(SCOPED);
  const [users, groups] = view.rules[0].objectMappings;

  it("keeps the schema's order of attribute mappings and lists matching attributes by precedence", () => {
    expect(users.attributes.map((row) => row.targetAttribute)).toEqual(["userName", "active", "externalId", "preferredLanguage", "userType"]);
    expect(users.matching.map((row) => [row.targetAttribute, row.matchingPrecedence])).toEqual([
      ["externalId", 1],
      ["userName", 2],
    ]);
  });

  it("shows each source kind, the apply rule and the default value", () => {
    const byTarget = Object.fromEntries(users.attributes.map((row) => [row.targetAttribute, row]));
    expect(byTarget.active.source).toMatchObject({ kind: "expression", text: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")' });
    expect(byTarget.userType.source).toMatchObject({ kind: "constant", text: "Employee of Contoso" });
    expect(byTarget.externalId.apply.label).toBe("Only during object creation");
    expect(byTarget.preferredLanguage).toMatchObject({ defaultValue: "en-US", exportBehavior: { code: "FlowAlways" } });
  });

  it("reads actions, enabled and scope per object mapping", () => {
    expect(users.actions.text).toBe("Create, Update");
    expect(users.scope.groups.map((group) => group.text)).toEqual(["department EQUALS Sales and accountEnabled IS TRUE", "jobTitle REGEX MATCH ^Contract.*"]);
    expect(groups).toMatchObject({ enabled: false, scope: { groups: [] } });
    expect(groups.attributes[1].apply.label).toBe("Only when values are added");
  });

  it("keeps a rule without object mappings and counts every attribute mapping", () => {
    expect(view.rules[1]).toMatchObject({ name: "GROUP_WRITEBACK", objectMappings: [] });
    expect(view.attributeCount).toBe(7);
  });

  it("treats lists that are not lists as empty instead of failing", () => {
    const odd = toMappingsView({ synchronizationRules: [{ objectMappings: "none" as never }, null as never] });
    expect(odd.rules).toHaveLength(1);
    expect(odd.rules[0].objectMappings).toEqual([]);
    expect(toMappingsView({}).rules).toEqual([]);
  });
});
