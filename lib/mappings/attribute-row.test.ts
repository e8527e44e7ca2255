import type { AttributeMapping } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it } from "vitest";
import { toAttributeRow, toSourceView } from "./attribute-row";

const row = (mapping: Record<string, unknown>) => toAttributeRow(mapping as AttributeMapping, 0);
/** Graph's JSON as sent: any text where the typings say an enum. */
const source = (value: Record<string, unknown> | null) => toSourceView(value as AttributeMapping["source"]);

describe("toSourceView", () => {
  it("reads an attribute by its name, or from its [expression]; the type defaults to Attribute", () => {
    expect(toSourceView({ type: "Attribute", name: "mail", expression: "[mail]" })).toEqual({ kind: "attribute", text: "mail", unknownType: null });
    expect(toSourceView({ expression: "[givenName]" })).toMatchObject({ kind: "attribute", text: "givenName" });
  });

  it("keeps a constant's value as sent, empty and spaced ones included", () => {
    expect(toSourceView({ type: "Constant", name: "Employee of Contoso" })).toMatchObject({ kind: "constant", text: "Employee of Contoso" });
    expect(toSourceView({ type: "Constant", name: "" })).toMatchObject({ kind: "constant", text: "" });
    expect(toSourceView({ type: "Constant", expression: '"Sales"' })).toMatchObject({ kind: "constant", text: "Sales" });
  });

  it("shows a function as its expression, unevaluated", () => {
    const expression = 'Join(" ", [givenName], [surname])';
    expect(toSourceView({ type: "Function", name: "Join", expression })).toMatchObject({ kind: "expression", text: expression });
    expect(source({ type: "function", name: "Join" })).toMatchObject({ kind: "expression", text: "Join(…)" });
  });

  it("says when there is no source (the docs' shortened `\"source\": {}`)", () => {
    expect(toSourceView({})).toMatchObject({ kind: "none" });
    expect(toSourceView(null)).toMatchObject({ kind: "none" });
  });

  it("shows a source of an unknown type as sent", () => {
    expect(source({ type: "Lookup", name: "x", expression: "Lookup([x])" })).toEqual({ kind: "expression", text: "Lookup([x])", unknownType: "Lookup" });
  });
});

describe("toAttributeRow", () => {
  it("uses an attribute for matching only when matchingPriority is above 0", () => {
    expect(row({ matchingPriority: 2 }).matchingPrecedence).toBe(2);
    for (const priority of [0, -1, undefined, "1"]) expect(row({ matchingPriority: priority }).matchingPrecedence, String(priority)).toBeNull();
  });

  it("labels when the value is applied; absent is Graph's default, Always", () => {
    expect(row({ flowType: "Always" }).apply.label).toBe("Always");
    expect(row({ flowType: "ObjectAddOnly" }).apply.label).toBe("Only during object creation");
    expect(row({ flowType: "MultiValueAddOnly" }).apply.label).toBe("Only when values are added");
    expect(row({ flowType: "ValueAddOnly" }).apply.label).toBe("Adds values, never removes");
    expect(row({ flowType: "AttributeAddOnly" }).apply.label).toBe("Only when the target has no value");
    expect(row({}).apply).toMatchObject({ code: "Always", known: true });
    expect(row({ flowType: "Sometimes" }).apply).toMatchObject({ known: false, label: "Sometimes" });
  });

  it("mentions the export behavior only when it is not the default", () => {
    expect(row({ flowBehavior: "FlowWhenChanged" }).exportBehavior).toBeNull();
    expect(row({}).exportBehavior).toBeNull();
    expect(row({ flowBehavior: "FlowAlways" }).exportBehavior?.label).toBe("Exported even when unchanged");
  });

  it("keeps a default value as sent; null is none", () => {
    expect(row({ defaultValue: null }).defaultValue).toBeNull();
    expect(row({}).defaultValue).toBeNull();
    expect(row({ defaultValue: "en-US" }).defaultValue).toBe("en-US");
    expect(row({ defaultValue: " " }).defaultValue).toBe(" ");
  });

  it("searches the target, the source's name and expression and the default value", () => {
    const { searchText } = row({ targetAttributeName: "displayName", defaultValue: "Unknown", source: { type: "Function", name: "Join", expression: "Join(\" \", [givenName])" } });
    for (const part of ["displayname", "join", "[givenname]", "unknown"]) expect(searchText).toContain(part);
  });
});
