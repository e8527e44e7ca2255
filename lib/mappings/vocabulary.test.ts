import { describe, expect, it } from "vitest";
import type { Term } from "@/lib/jobs/vocabulary";
import { ATTRIBUTE_FLOW_BEHAVIORS, ATTRIBUTE_FLOW_TYPES, OBJECT_FLOW_TYPES, SOURCE_TYPES, parseAttributeFlowType, parseObjectFlowType } from "./vocabulary";

/** The members as SYNC-API.md §4.2 lists them (CSDL order). */
const VOCABULARIES: [string, Record<string, Term>, string[]][] = [
  ["attribute flow types", ATTRIBUTE_FLOW_TYPES, ["Always", "ObjectAddOnly", "MultiValueAddOnly", "ValueAddOnly", "AttributeAddOnly"]],
  ["attribute flow behaviors", ATTRIBUTE_FLOW_BEHAVIORS, ["FlowWhenChanged", "FlowAlways"]],
  ["source types", SOURCE_TYPES, ["Attribute", "Constant", "Function"]],
  ["object flow types", OBJECT_FLOW_TYPES, ["None", "Add", "Update", "Delete"]],
];

describe.each(VOCABULARIES)("%s", (_name, vocabulary, documented) => {
  it("covers exactly the documented members, each with a label and a meaning", () => {
    expect(Object.keys(vocabulary)).toEqual(documented);
    for (const term of Object.values(vocabulary)) {
      expect(term.label.trim()).not.toBe("");
      expect(term.meaning.length).toBeGreaterThan(15);
    }
  });
});

describe("parsers", () => {
  it("read members case-insensitively and show unknown values as sent", () => {
    expect(parseAttributeFlowType("objectaddonly")).toMatchObject({ known: true, code: "ObjectAddOnly", label: "Only during object creation" });
    expect(parseObjectFlowType(" add ")).toMatchObject({ known: true, code: "Add", label: "Create" });
    expect(parseAttributeFlowType("OnlyOnTuesdays")).toMatchObject({ known: false, code: "unknown", label: "OnlyOnTuesdays" });
  });
});
