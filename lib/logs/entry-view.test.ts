import { describe, expect, it } from "vitest";
import { docExampleBody } from "@/test/support/doc-examples";
import { entraUserId, toLogEntryView, toLogRow } from "./entry-view";

const now = new Date("2019-06-25T20:53:08Z");
const example = (version: "v1.0" | "beta", name: string) => docExampleBody(`docs/examples/${version}/provisioningobjectsummary-list__${name}__response.http`).value[0];

describe("toLogEntryView", () => {
  it("reshapes the docs' failed entry: who, what, when, error, properties and every id", () => {
    const view = toLogEntryView(example("v1.0", "list_provisioningobjectsummary_error"), now);
    expect(view).toMatchObject({
      id: "gc532ff9-r265-ec76-861e-42e2970a8218",
      when: { kind: "date", text: "yesterday", iso: "2019-06-24T20:53:08.000Z" },
      action: { code: "create", label: "Create" },
      status: { code: "failure", label: "Failure" },
      title: "Self-service Pilot",
      source: { displayName: "Self-service Pilot", id: "5e6c9rae-ab4d-5239-8ad0-174391d110eb", type: "Group", system: "Azure Active Directory" },
      target: { displayName: null, id: null, type: "Group", system: "Contoso" },
      app: { id: "chc46a42-966b-47d7-9774-576b1c8bd0b8", displayName: "Contoso" },
      durationMs: 2785,
      initiatedBy: "Azure AD Provisioning Service",
      errorCode: "ContosoEntryConflict",
    });
    expect(view.error).toMatchObject({ code: "ContosoEntryConflict", category: "nonServiceFailure", recommendedActionSource: "docs" });
    expect(view.error?.reason).toMatch(/^Message: Contoso returned an error response with the HTTP status code 409/);
    // Graph sent no recommendedAction: the docs' error table has one for EntryConflict.
    expect(view.error?.recommendedAction).toMatch(/^Correct the conflicting attribute values/);
    expect(view.modifiedProperties[0]).toEqual({ name: "objectId", oldValue: null, newValue: "5e0c9eae-ad3d-4139-5ad0-174391d110eb" });
    expect(view.modifiedProperties).toHaveLength(6);
    expect(view.steps).toHaveLength(3);
    expect(view.ids.map((id) => [id.key, id.value])).toEqual([
      ["changeId", "eaad2f8b-e6e3-409b-83bd-e4e2e57177d5"],
      ["cycleId", "44576n58-v14b-70fj-8404-3d22tt46ed93"],
      ["jobId", "ContosoOutDelta.7928d5b574424a97ne2d66f9j9972ecn"],
      ["sourceId", "5e6c9rae-ab4d-5239-8ad0-174391d110eb"],
      ["entryId", "gc532ff9-r265-ec76-861e-42e2970a8218"],
      ["servicePrincipalId", "chc46a42-966b-47d7-9774-576b1c8bd0b8"],
      ["tenantId", "7928d5b5-7442-4a97-ne2d-66f9j9972ecn"],
    ]);
  });

  it("reads the docs' successful entry: no error, Graph's step types in any case", () => {
    const view = toLogEntryView(example("v1.0", "list_provisioningobjectsummary"), now);
    expect(view.status.code).toBe("success");
    expect(view.error).toBeNull();
    expect(view.steps.map((s) => s.type.code)).toEqual(["import", "export"]);
    // No display names: the list names the object by its source id.
    expect(view.title).toBe("60a7a801-7101-4c69-ae00-ce9f75f8460a");
  });

  it("prefers Graph's recommended action, and reads beta's statusInfo when provisioningStatusInfo is missing", () => {
    const entry = example("beta", "list_provisioningobjectsummary_error");
    const { provisioningStatusInfo: _, ...betaOnly } = entry;
    const view = toLogEntryView({ ...betaOnly, statusInfo: { ...entry.statusInfo, recommendedAction: "Remove the duplicate group." } }, now);
    expect(view.status.code).toBe("failure");
    expect(view.error).toMatchObject({ code: "ContosoEntryConflict", recommendedAction: "Remove the duplicate group.", recommendedActionSource: "graph" });
  });

  it("survives an entry with nothing but an id", () => {
    expect(toLogRow({ id: "x" }, now)).toMatchObject({ id: "x", title: "Unnamed object", when: { kind: "unset" }, status: { code: "unknown", label: "Not reported" } });
    expect(toLogEntryView({ id: "x" }, now)).toMatchObject({ steps: [], modifiedProperties: [], error: null, ids: [{ key: "entryId", value: "x" }], durationMs: null });
  });
});

describe("entraUserId", () => {
  const id = "5E7B1C2D-3A4B-4C5D-8E9F-0A1B2C3D4E5F";
  it("is the id of a user in Microsoft Entra ID, lower-cased", () => {
    expect(entraUserId({ type: "User", id, system: "Azure Active Directory", displayName: "A" })).toBe(id.toLowerCase());
    expect(entraUserId({ type: "user", id, system: "Microsoft Entra ID", displayName: null })).toBe(id.toLowerCase());
  });
  it("is null for an account in the target app, a group, another tenant or an id that is not a GUID", () => {
    expect(entraUserId({ type: "urn:ietf:params:scim:schemas:core:2.0:User", id, system: "Box", displayName: "A" })).toBeNull();
    expect(entraUserId({ type: "Group", id, system: "Azure Active Directory", displayName: "A" })).toBeNull();
    expect(entraUserId({ type: "User", id, system: "Azure Active Directory (target tenant)", displayName: "A" })).toBeNull();
    expect(entraUserId({ type: "User", id: "CN=AdeleV,CN=Users,DC=corp", system: "Azure Active Directory", displayName: "A" })).toBeNull();
  });
});
