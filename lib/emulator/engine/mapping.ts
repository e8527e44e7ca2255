import type { DirectoryGroup, DirectoryUser } from "../directory/types";
import type { ModifiedProperty } from "../logs/types";
import type { TargetView } from "../targets/target-directory";

/** A job schema's object mappings as the engine reads them, and the values they give an Entra object. */

export interface AttributeMapping {
  targetAttributeName?: string;
  matchingPriority?: number;
  source?: { type?: string; name?: string; expression?: string };
}

export interface ScopeClause {
  operatorName?: string;
  sourceOperandName?: string;
  targetOperand?: { values?: string[] };
}

export interface ScopeGroup {
  name?: string;
  clauses?: ScopeClause[];
}

export interface ObjectMapping {
  targetObjectName: string;
  attributes: AttributeMapping[];
  matching: AttributeMapping | undefined;
  /** The mapping's scoping filter (`scope.groups`): in scope when ANY group has ALL its clauses true; none: everyone. */
  scopeGroups: ScopeGroup[];
  /** Target attributes the target directory's object definition marks `required`. */
  required: string[];
  /** What the mapping may do (`flowTypes`; Graph's default is Add, Update, Delete). */
  flows: { add: boolean; update: boolean; delete: boolean };
  /** The target directory's attribute types (`String`, `Boolean`, `Reference`, …), by attribute name. */
  types: Record<string, string | undefined>;
}

function flowsOf(flowTypes: unknown): ObjectMapping["flows"] {
  if (typeof flowTypes !== "string") return { add: true, update: true, delete: true };
  const names = new Set(flowTypes.split(",").map((name) => name.trim().toLowerCase()));
  return { add: names.has("add"), update: names.has("update"), delete: names.has("delete") };
}

interface SchemaShape {
  directories?: { name?: string; objects?: { name?: string; attributes?: { name?: string; required?: boolean; type?: string }[] }[] }[];
  synchronizationRules?: { targetDirectoryName?: string; objectMappings?: unknown[] }[];
}

function targetAttributes(schema: SchemaShape, directoryName: string | undefined, objectName: string) {
  const directory = schema.directories?.find((candidate) => candidate.name === directoryName);
  const object = directory?.objects?.find((candidate) => candidate.name?.toLowerCase() === objectName.toLowerCase());
  return (object?.attributes ?? []).filter((attribute) => attribute.name);
}

/** Entra attribute names the default mappings and the seed's scoping filters read, by the user property that holds them. */
const SOURCE_ATTRIBUTES: Record<string, (user: DirectoryUser) => string | null> = {
  objectid: (user) => user.id,
  objectguid: (user) => user.id,
  userprincipalname: (user) => user.userPrincipalName,
  displayname: (user) => user.displayName,
  mail: (user) => user.mail,
  givenname: (user) => user.givenName,
  surname: (user) => user.surname,
  sn: (user) => user.surname,
  mailnickname: (user) => user.mailNickname,
  department: (user) => user.department,
  jobtitle: (user) => user.jobTitle,
  employeeid: (user) => user.employeeId,
  accountenabled: (user) => String(user.accountEnabled),
  usertype: (user) => user.userType,
};

export function objectMapping(schema: unknown, sourceObjectName: "user" | "group"): ObjectMapping | null {
  const rules = (schema as SchemaShape | null)?.synchronizationRules ?? [];
  for (const rule of rules) {
    for (const raw of rule.objectMappings ?? []) {
      const mapping = raw as { enabled?: boolean; flowTypes?: unknown; sourceObjectName?: string; targetObjectName?: string; attributeMappings?: AttributeMapping[] };
      if (mapping.enabled === false || mapping.sourceObjectName?.toLowerCase() !== sourceObjectName) continue;
      const attributes = mapping.attributeMappings ?? [];
      const matching = attributes.filter((a) => (a.matchingPriority ?? 0) > 0).sort((a, b) => a.matchingPriority! - b.matchingPriority!)[0];
      const scopeGroups = ((raw as { scope?: { groups?: ScopeGroup[] } | null }).scope?.groups ?? []).filter((group) => (group.clauses ?? []).length > 0);
      const targetObjectName = mapping.targetObjectName ?? (sourceObjectName === "user" ? "User" : "Group");
      const definitions = targetAttributes(schema as SchemaShape, rule.targetDirectoryName, targetObjectName);
      return {
        targetObjectName,
        attributes,
        matching,
        scopeGroups,
        required: definitions.filter((attribute) => attribute.required).map((attribute) => attribute.name!),
        flows: flowsOf(mapping.flowTypes),
        types: Object.fromEntries(definitions.map((attribute) => [attribute.name!, attribute.type])),
      };
    }
  }
  return null;
}

/** `Switch([IsSoftDeleted], , "False", "True", "True", "False")`: the value for the key that matches, else the default. */
function evaluateSwitch(expression: string, attribute: (name: string) => string | null): string | null | undefined {
  const match = /^Switch\(\s*\[([^\]]+)\]\s*,(.*)\)$/s.exec(expression.trim());
  if (!match) return undefined;
  const args = match[2].split(",").map((part) => part.trim().replace(/^"(.*)"$/s, "$1"));
  const [fallback, ...pairs] = args;
  const value = attribute(match[1]);
  for (let i = 0; i + 1 < pairs.length; i += 2) if (pairs[i] === value) return pairs[i + 1];
  return fallback === "" ? null : fallback;
}

/** An Entra object as the mappings read it: its attributes by (case-insensitive) name. */
export interface SourceObject {
  id: string;
  displayName: string;
  /** How log lines name it: a user's UPN, a group's display name. */
  label: string;
  kind: "User" | "Group";
  attribute(name: string): string | null;
}

export const userSource = (user: DirectoryUser): SourceObject => ({
  id: user.id,
  displayName: user.displayName,
  label: user.userPrincipalName,
  kind: "User",
  attribute: (name) => SOURCE_ATTRIBUTES[name.toLowerCase()]?.(user) ?? null,
});

/** The target attributes of an object; an expression the engine cannot evaluate leaves its attribute out. */
export function mappedValues(mapping: ObjectMapping, object: SourceObject, softDeleted: boolean): Record<string, string | null> {
  const attribute = (name: string) => (name.toLowerCase() === "issoftdeleted" ? (softDeleted ? "True" : "False") : object.attribute(name));
  const values: Record<string, string | null> = {};
  for (const entry of mapping.attributes) {
    const target = entry.targetAttributeName;
    if (!target) continue;
    const source = entry.source ?? {};
    if (source.type === "Attribute" && source.name) values[target] = attribute(source.name);
    else if (source.type === "Constant") values[target] = source.expression ?? source.name ?? null;
    else if (source.type === "Function" && source.expression) {
      const value = evaluateSwitch(source.expression, attribute);
      if (value !== undefined) values[target] = value;
    }
  }
  return values;
}

export function changes(before: Record<string, string | null>, after: Record<string, string | null>): ModifiedProperty[] {
  return Object.entries(after)
    .filter(([name, value]) => (before[name] ?? null) !== value)
    .map(([name, value]) => ({ displayName: name, oldValue: before[name] ?? null, newValue: value }));
}

/**
 * A group as its mapping reads it. Its `members` are the target accounts of its member users (`memberIds`),
 * read when the value is needed, so members provisioned earlier in the same cycle count.
 */
export const groupSource = (group: DirectoryGroup, memberIds: readonly string[], target: Pick<TargetView, "bySource">): SourceObject => ({
  id: group.id,
  displayName: group.displayName,
  label: group.displayName,
  kind: "Group",
  attribute: (name) => {
    switch (name.toLowerCase()) {
      case "objectid":
        return group.id;
      case "displayname":
        return group.displayName;
      case "mailnickname":
        return group.mailNickname;
      case "members":
        return memberIds
          .map((id) => target.bySource(id)?.id)
          .filter((id): id is string => Boolean(id))
          .sort()
          .join(",");
      default:
        return null;
    }
  },
});

