import type { AttributeFlowBehavior, AttributeFlowType, AttributeMapping } from "@microsoft/microsoft-graph-types-beta";
import type { Parsed } from "@/lib/jobs/vocabulary";
import { parseAttributeFlowBehavior, parseAttributeFlowType, parseSourceType } from "./vocabulary";

/** One attribute mapping as the table shows it: every null and default decided here. Expressions are shown, never evaluated. */

export interface SourceView {
  /** `none`: the mapping has no source (Graph's shortened examples send `"source": {}`). */
  kind: "attribute" | "constant" | "expression" | "none";
  /** The attribute's name, the constant's value (unquoted), or the expression as sent. */
  text: string;
  /** A source type this console does not know, as sent (its expression or name is shown as an expression). */
  unknownType: string | null;
}

export interface AttributeRowView {
  key: string;
  targetAttribute: string | null;
  source: SourceView;
  /** `matchingPriority` when above 0: the attribute matches objects, the lowest number tried first. */
  matchingPrecedence: number | null;
  /** `flowType`; Graph's default (Always) when absent. */
  apply: Parsed<AttributeFlowType>;
  /** `flowBehavior` only when it is not Graph's default (FlowWhenChanged). */
  exportBehavior: Parsed<AttributeFlowBehavior> | null;
  /** `defaultValue`, as sent; null is none. */
  defaultValue: string | null;
  /** What search looks in, lower-cased: target, the source's name and expression, the default value. */
  searchText: string;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);
/** Constants and default values are shown as sent: "" and spaces are values. */
const rawText = (value: unknown): string | null => (typeof value === "string" ? value : null);
const unwrap = (expression: string, open: string, close: string) =>
  expression.length >= 2 && expression.startsWith(open) && expression.endsWith(close) ? expression.slice(1, -1) : expression;

export function toSourceView(source: AttributeMapping["source"]): SourceView {
  const name = rawText(source?.name);
  const expression = text(source?.expression);
  const type = parseSourceType(source?.type ?? "Attribute");
  if (!type.known) {
    const shown = expression ?? text(name);
    return shown ? { kind: "expression", text: shown, unknownType: type.raw } : { kind: "none", text: "", unknownType: type.raw };
  }
  switch (type.code) {
    case "Constant":
      if (name !== null) return { kind: "constant", text: name, unknownType: null };
      return expression ? { kind: "constant", text: unwrap(expression, '"', '"'), unknownType: null } : { kind: "none", text: "", unknownType: null };
    case "Function": {
      const shown = expression ?? (text(name) ? `${text(name)}(…)` : null);
      return shown ? { kind: "expression", text: shown, unknownType: null } : { kind: "none", text: "", unknownType: null };
    }
    case "Attribute": {
      const attribute = text(name) ?? (expression ? unwrap(expression, "[", "]") : null);
      return attribute ? { kind: "attribute", text: attribute, unknownType: null } : { kind: "none", text: "", unknownType: null };
    }
  }
}

export function toAttributeRow(mapping: AttributeMapping, index: number): AttributeRowView {
  const targetAttribute = text(mapping.targetAttributeName);
  const priority = mapping.matchingPriority;
  const behavior = parseAttributeFlowBehavior(text(mapping.flowBehavior) ?? "FlowWhenChanged");
  const defaultValue = rawText(mapping.defaultValue);
  const source = toSourceView(mapping.source);
  const searchable = [targetAttribute, source.text, rawText(mapping.source?.name), rawText(mapping.source?.expression), defaultValue];
  return {
    key: `${index}:${targetAttribute ?? ""}`,
    targetAttribute,
    source,
    matchingPrecedence: typeof priority === "number" && Number.isFinite(priority) && priority > 0 ? priority : null,
    apply: parseAttributeFlowType(text(mapping.flowType) ?? "Always"),
    exportBehavior: behavior.code === "FlowWhenChanged" ? null : behavior,
    defaultValue,
    searchText: searchable.filter((value): value is string => value !== null).join("\n").toLowerCase(),
  };
}
