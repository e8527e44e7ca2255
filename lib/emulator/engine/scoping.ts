import type { ObjectMapping, ScopeClause, SourceObject } from "./mapping";

/** Scoping filters (`objectMappings[].scope.groups`) and whether an object is in a mapping's scope. */

/** A REGEX MATCH pattern longer than this is refused (the clause is false): the pattern comes from a request. */
const MAX_SCOPE_PATTERN = 200;

/** One scoping clause against an object, with the operators `…/schema/filterOperators` lists. Strings compare exactly. */
function clauseHolds(clause: ScopeClause, object: SourceObject): boolean {
  const value = clause.sourceOperandName ? object.attribute(clause.sourceOperandName) : null;
  const values = clause.targetOperand?.values ?? [];
  const regex = () => {
    const pattern = values[0] ?? "";
    if (pattern.length > MAX_SCOPE_PATTERN) return null;
    try {
      return new RegExp(pattern);
    } catch {
      return null;
    }
  };
  switch ((clause.operatorName ?? "").toUpperCase()) {
    case "EQUALS":
      return value !== null && values.includes(value);
    case "NOT EQUALS":
      return value === null || !values.includes(value);
    case "IS TRUE":
      return value?.toLowerCase() === "true";
    case "IS FALSE":
      return value?.toLowerCase() === "false";
    case "IS NULL":
      return value === null || value === "";
    case "IS NOT NULL":
      return value !== null && value !== "";
    case "REGEX MATCH":
      return value !== null && (regex()?.test(value) ?? false);
    case "NOT REGEX MATCH":
      return value === null || !(regex()?.test(value) ?? true);
    default:
      return false;
  }
}

/** Whether the mapping's scoping filter keeps this object, and the scoping step's details that say so. */
function scopingFilter(mapping: ObjectMapping, object: SourceObject): { holds: boolean; result: string } {
  if (mapping.scopeGroups.length === 0) return { holds: true, result: "{}" };
  const groups = mapping.scopeGroups.map((group) => ({ name: group.name ?? "", holds: (group.clauses ?? []).every((clause) => clauseHolds(clause, object)) }));
  return { holds: groups.some((group) => group.holds), result: JSON.stringify(Object.fromEntries(groups.map((group) => [group.name, String(group.holds)]))) };
}

/**
 * Whether an object is in a mapping's scope: assigned (or synced to all) and kept by its scoping filter, with
 * the scoping step's details as the docs' on-demand example shows them.
 */
export function scopeOf(mapping: ObjectMapping, object: SourceObject, assigned: boolean): { inScope: boolean; details: Record<string, string> } {
  const filter = scopingFilter(mapping, object);
  const inScope = assigned && filter.holds;
  const flag = (value: boolean) => (value ? "True" : "False");
  return {
    inScope,
    details: {
      IsActive: "True",
      Assigned: flag(assigned),
      IsEffectivelyEntitledForProvisioning: flag(assigned),
      IsInProvisioningScopeDisplayName: flag(inScope),
      ScopeEvaluationResult: filter.result,
    },
  };
}

