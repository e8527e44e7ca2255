import type { SynchronizationSchema } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it } from "vitest";
import scopedSchema from "./fixtures/scoped-schema.json";
import { toMappingsView } from "./mapping-view";
import { countText, normalizeQuery, searchMappings } from "./search";

const view = toMappingsView(scopedSchema as unknown as SynchronizationSchema);
const targets = (query: string) => searchMappings(view, query).rules.flatMap((rule) => rule.objectMappings.flatMap((mapping) => mapping.attributes.map((row) => row.targetAttribute)));

describe("searchMappings", () => {
  it("shows everything without a query", () => {
    const result = searchMappings(view, "  ");
    expect(result).toMatchObject({ query: "", matches: 7, total: 7 });
    expect(result.rules).toBe(view.rules);
    expect(countText(result)).toBe("7 attribute mappings");
  });

  it("matches target attributes case-insensitively", () => {
    expect(targets("USERNAME")).toEqual(["userName"]);
  });

  it("matches source attributes, expressions, constants and default values", () => {
    expect(targets("objectid")).toEqual(["externalId"]);
    expect(targets("IsSoftDeleted")).toEqual(["active"]);
    expect(targets("employee of")).toEqual(["userType"]);
    expect(targets("en-us")).toEqual(["preferredLanguage"]);
  });

  it("hides object mappings without a matching row, and rules left empty", () => {
    const result = searchMappings(view, "members");
    expect(result.rules).toHaveLength(1);
    expect(result.rules[0].objectMappings.map((mapping) => mapping.name)).toEqual(["Provision Azure Active Directory Groups"]);
    expect(countText(result)).toBe("1 of 7 attribute mappings matches");
  });

  it("counts matches across object mappings", () => {
    const result = searchMappings(view, "name");
    expect(targets("name")).toEqual(["userName", "displayName"]);
    expect(result.rules[0].objectMappings).toHaveLength(2);
    expect(countText(result)).toBe("2 of 7 attribute mappings match");
  });

  it("says when nothing matches", () => {
    const result = searchMappings(view, "nothing like this");
    expect(result).toMatchObject({ rules: [], matches: 0, total: 7 });
    expect(countText(result)).toBe("0 of 7 attribute mappings match");
  });
});

describe("normalizeQuery", () => {
  it("trims and bounds the text from the URL", () => {
    expect(normalizeQuery("  mail ")).toBe("mail");
    expect(normalizeQuery(null)).toBe("");
    expect(normalizeQuery("x".repeat(500))).toHaveLength(200);
  });
});
