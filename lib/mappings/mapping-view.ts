import type { AttributeMapping, ObjectMapping, SynchronizationRule, SynchronizationSchema } from "@microsoft/microsoft-graph-types-beta";
import { toAttributeRow, type AttributeRowView } from "./attribute-row";
import { toObjectActions, type ObjectActionsView } from "./object-actions";
import { describeScope, type ScopeView } from "./scope-sentence";

/** A job's schema as the Attribute mappings screen shows it: rules → object mappings → attribute mappings, in the schema's order. */

export interface ObjectMappingView {
  key: string;
  name: string | null;
  /** `enabled`; absent reads as enabled (the engine skips only `false`). */
  enabled: boolean;
  sourceObject: string | null;
  targetObject: string | null;
  actions: ObjectActionsView;
  scope: ScopeView;
  attributes: AttributeRowView[];
  /** The matching attributes in the order the engine tries them (lowest precedence first). */
  matching: AttributeRowView[];
}

export interface RuleView {
  key: string;
  name: string | null;
  sourceDirectory: string | null;
  targetDirectory: string | null;
  objectMappings: ObjectMappingView[];
}

export interface MappingsView {
  rules: RuleView[];
  /** Every attribute mapping of every rule. */
  attributeCount: number;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);
/** Graph's answer is checked only down to the rules (lib/graph/answers.ts): below that, a non-list is no list. */
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? value.filter((item) => item && typeof item === "object") : []);

function toObjectMappingView(mapping: ObjectMapping, index: number): ObjectMappingView {
  const attributes = list<AttributeMapping>(mapping.attributeMappings).map(toAttributeRow);
  const name = text(mapping.name);
  return {
    key: `${index}:${name ?? ""}`,
    name,
    enabled: mapping.enabled !== false,
    sourceObject: text(mapping.sourceObjectName),
    targetObject: text(mapping.targetObjectName),
    actions: toObjectActions(mapping.flowTypes),
    scope: describeScope(mapping.scope),
    attributes,
    matching: attributes.filter((row) => row.matchingPrecedence !== null).sort((a, b) => a.matchingPrecedence! - b.matchingPrecedence!),
  };
}

function toRuleView(rule: SynchronizationRule, index: number): RuleView {
  const name = text(rule.name);
  return {
    key: `${index}:${text(rule.id) ?? name ?? ""}`,
    name,
    sourceDirectory: text(rule.sourceDirectoryName),
    targetDirectory: text(rule.targetDirectoryName),
    objectMappings: list<ObjectMapping>(rule.objectMappings).map(toObjectMappingView),
  };
}

export function toMappingsView(schema: SynchronizationSchema): MappingsView {
  const rules = list<SynchronizationRule>(schema.synchronizationRules).map(toRuleView);
  const attributeCount = rules.reduce((sum, rule) => sum + rule.objectMappings.reduce((count, mapping) => count + mapping.attributes.length, 0), 0);
  return { rules, attributeCount };
}
