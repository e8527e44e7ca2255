import type { Filter, FilterClause, FilterGroup } from "@microsoft/microsoft-graph-types-beta";

/**
 * Scoping filters (`objectMapping.scope`) as sentences: an object is in scope when ANY group holds, a group
 * holds when ALL its clauses do. `department EQUALS Sales and accountEnabled IS TRUE`. Described, never evaluated.
 */

/** The operators `…/schema/filterOperators` lists, by arity; a clause with another operator is shown as sent. */
const OPERATORS = {
  EQUALS: "Binary",
  "NOT EQUALS": "Binary",
  "REGEX MATCH": "Binary",
  "NOT REGEX MATCH": "Binary",
  "IS TRUE": "Unary",
  "IS FALSE": "Unary",
  "IS NULL": "Unary",
  "IS NOT NULL": "Unary",
} as const satisfies Record<string, "Unary" | "Binary">;

export type ScopeOperator = keyof typeof OPERATORS;

export interface ClauseView {
  attribute: string;
  /** The operator's documented name (upper case), or what Graph sent. */
  operator: string;
  known: boolean;
  /** Unary operators (IS TRUE, IS NULL, …) take no value; their values, if sent, are ignored. */
  unary: boolean;
  /** The values as the sentence writes them: quoted when they hold spaces or commas, or are empty. */
  values: string[];
  /** The values joined with ", ", "(no value)" when a binary operator has none, "" otherwise. */
  valueText: string;
  text: string;
}

export interface GroupView {
  key: string;
  /** The group's `name`, shown as its title. */
  title: string | null;
  clauses: ClauseView[];
  /** The clauses joined with "and". */
  text: string;
}

export interface ScopeView {
  /** `scope.groups`; empty when the mapping has no scoping filter (or only groups without clauses). */
  groups: GroupView[];
  /** The experimental filter sets, shown when present: `inputFilterGroups`, `categoryFilterGroups`. */
  inputGroups: GroupView[];
  categoryGroups: GroupView[];
}

export const NO_SCOPING_FILTER = "No scoping filter: every assigned user and group is in scope (everyone, if the job syncs all users and groups).";
/** The part of scope the schema does not hold: said once beside the filters. */
export const SCOPE_OUTSIDE_SCHEMA =
  "Scoping filters narrow the job's scope; whether that scope is the assigned users and groups or all of them is a provisioning setting, not part of the schema.";

const NO_ATTRIBUTE = "(no attribute)";
const NO_OPERATOR = "(no operator)";
const NO_VALUE = "(no value)";
const BY_NAME = new Map<string, ScopeOperator>((Object.keys(OPERATORS) as ScopeOperator[]).map((name) => [name, name]));

/** A value as the sentence writes it; quoted (as sent inside the quotes) when spaces, commas or emptiness would blur it. */
export function formatValue(value: string): string {
  return value === "" || /[\s,"]/.test(value) ? `"${value}"` : value;
}

export function describeClause(clause: FilterClause): ClauseView {
  const attribute = clause.sourceOperandName?.trim() || NO_ATTRIBUTE;
  const sent = clause.operatorName?.trim() ?? "";
  const name = BY_NAME.get(sent.toUpperCase().replace(/\s+/g, " "));
  const operator = name ?? (sent || NO_OPERATOR);
  const unary = name ? OPERATORS[name] === "Unary" : false;
  const raw = (clause.targetOperand?.values ?? []).filter((value): value is string => typeof value === "string");
  const values = unary ? [] : raw.map(formatValue);
  // An operator this console does not know keeps whatever values were sent, and says nothing of missing ones.
  const valueText = unary ? "" : values.length ? values.join(", ") : name ? NO_VALUE : "";
  return { attribute, operator, known: Boolean(name), unary, values, valueText, text: [attribute, operator, valueText].filter(Boolean).join(" ") };
}

function describeGroups(groups: FilterGroup[] | null | undefined): GroupView[] {
  return (Array.isArray(groups) ? groups : [])
    .map((group, index) => {
      const clauses = (Array.isArray(group?.clauses) ? group.clauses : []).map(describeClause);
      return { key: `${index}:${group?.name ?? ""}`, title: group?.name?.trim() || null, clauses, text: clauses.map((clause) => clause.text).join(" and ") };
    })
    .filter((group) => group.clauses.length > 0);
}

export function describeScope(scope: Filter | null | undefined): ScopeView {
  return { groups: describeGroups(scope?.groups), inputGroups: describeGroups(scope?.inputFilterGroups), categoryGroups: describeGroups(scope?.categoryFilterGroups) };
}
