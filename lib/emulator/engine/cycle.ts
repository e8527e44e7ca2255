import type { DirectoryGroup, DirectoryUser } from "../directory/types";
import type { ModifiedProperty, ProvisioningEvent, ProvisioningStepInput } from "../logs/types";
import type { TargetDirectory } from "../targets/target-directory";
import { hashGuid } from "./random";

/**
 * One provisioning cycle of a job's user and group mappings: the objects in scope are matched in the target
 * app by the mapping's matching attribute, then created or updated with the mapped values (a group's
 * `members` are the target accounts of its users); accounts whose user left the scope are disabled (the SCIM
 * `active` attribute, per the default mappings' `IsSoftDeleted`). Every change yields one provisioning log event.
 */

export interface CycleCounts {
  /** Objects in scope. */
  entitled: number;
  /** Objects read from Entra ID that had changes to process. */
  imported: number;
  /** Changes exported to the target app. */
  exported: number;
  /** Changes the target refused (escrowed: retried in later cycles). */
  escrowed: number;
}

/** A target attribute whose value must be unique in the target app (a work email, for SCIM apps). */
const UNIQUE_IN_TARGET = ['emails[type eq "work"].value'];

/** Entra's recommended action for EntryConflict (howto-analyze-provisioning-logs, error codes). */
const ENTRY_CONFLICT_ACTION =
  "Correct the conflicting attribute values in either Microsoft Entra ID or the application. Or, review your matching attribute configuration if the conflicting user account was supposed to be matched and taken over.";

interface AttributeMapping {
  targetAttributeName?: string;
  matchingPriority?: number;
  source?: { type?: string; name?: string; expression?: string };
}

export interface ObjectMapping {
  targetObjectName: string;
  attributes: AttributeMapping[];
  matching: AttributeMapping | undefined;
  /** The mapping's scoping filter (`scope.groups`): in scope when ANY group has ALL its clauses true; none: everyone. */
  scopeGroups: ScopeGroup[];
}

interface ScopeClause {
  operatorName?: string;
  sourceOperandName?: string;
  targetOperand?: { values?: string[] };
}

interface ScopeGroup {
  name?: string;
  clauses?: ScopeClause[];
}

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

export interface CycleInput {
  at: number;
  cycleId: string;
  jobId: string;
  servicePrincipal: { id: string; displayName: string };
  /** The job's synchronization schema (its own, or the template's). */
  schema: unknown;
  /** The Entra users assigned now (or every user, with SyncAll); the mapping's scoping filter applies on top. */
  inScope: readonly DirectoryUser[];
  /** The Entra groups in scope now (assigned to the app). */
  groupsInScope: readonly DirectoryGroup[];
  /** The ids of the users a group provisions with it (its direct members). */
  members: (groupId: string) => string[];
  /** Looks up an Entra user that left the scope (undefined: deleted). */
  user: (id: string) => DirectoryUser | undefined;
  target: TargetDirectory;
  log: (event: ProvisioningEvent) => void;
}

const SOURCE_SYSTEM = { id: hashGuid("system:Azure Active Directory"), displayName: "Azure Active Directory" };

/** Entra attribute names the default mappings read, by the user property that holds them. */
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
};

export function objectMapping(schema: unknown, sourceObjectName: "user" | "group"): ObjectMapping | null {
  const rules = (schema as { synchronizationRules?: { objectMappings?: unknown[] }[] } | null)?.synchronizationRules ?? [];
  for (const rule of rules) {
    for (const raw of rule.objectMappings ?? []) {
      const mapping = raw as { enabled?: boolean; sourceObjectName?: string; targetObjectName?: string; attributeMappings?: AttributeMapping[] };
      if (mapping.enabled === false || mapping.sourceObjectName?.toLowerCase() !== sourceObjectName) continue;
      const attributes = mapping.attributeMappings ?? [];
      const matching = attributes.filter((a) => (a.matchingPriority ?? 0) > 0).sort((a, b) => a.matchingPriority! - b.matchingPriority!)[0];
      const scopeGroups = ((raw as { scope?: { groups?: ScopeGroup[] } | null }).scope?.groups ?? []).filter((group) => (group.clauses ?? []).length > 0);
      return { targetObjectName: mapping.targetObjectName ?? (sourceObjectName === "user" ? "User" : "Group"), attributes, matching, scopeGroups };
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
function mappedValues(mapping: ObjectMapping, object: SourceObject, softDeleted: boolean): Record<string, string | null> {
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

function changes(before: Record<string, string | null>, after: Record<string, string | null>): ModifiedProperty[] {
  return Object.entries(after)
    .filter(([name, value]) => (before[name] ?? null) !== value)
    .map(([name, value]) => ({ displayName: name, oldValue: before[name] ?? null, newValue: value }));
}

export const groupSource = (group: DirectoryGroup, memberAccounts: () => string): SourceObject => ({
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
        return memberAccounts();
      default:
        return null;
    }
  },
});

interface Pass {
  mapping: ObjectMapping;
  inScope: readonly SourceObject[];
  /** An object that left the scope; undefined when it no longer exists. */
  lookup: (id: string) => SourceObject | undefined;
}

/** Where one object is synchronized: the job, its app, the mapping, and the moment. */
export interface SyncContext {
  at: number;
  cycleId: string;
  jobId: string;
  servicePrincipal: { id: string; displayName: string };
  target: TargetDirectory;
  mapping: ObjectMapping;
}

/** What synchronizing one object did: the event to log (its status says changed, failed or skipped). */
export type SyncOutcome = ProvisioningEvent & { changed: boolean; skipReason?: string };

/**
 * Synchronizes one object: `scope` says whether it is in scope (and, if not, why — it is then skipped unless
 * its account has to be disabled). Creates, updates or disables its account; a redundant export is skipped.
 */
export function syncObject(ctx: SyncContext, object: SourceObject, scope: { inScope: boolean; details: Record<string, string> }): SyncOutcome | null {
  const { mapping, target } = ctx;
  const matchingAttribute = mapping.matching?.targetAttributeName;
  if (!matchingAttribute) return null;
  const objectType = mapping.targetObjectName;
  const app = ctx.servicePrincipal.displayName;
  const what = `${object.kind} '${object.label}'`;
  const softDeleted = !scope.inScope || (object.kind === "User" && object.attribute("accountEnabled") === "false");
  const values = mappedValues(mapping, object, softDeleted);
  const key = values[matchingAttribute];
  const account = target.bySource(object.id) ?? (key ? target.find(objectType, matchingAttribute, key) : undefined);

  const outcome = (
    action: ProvisioningEvent["action"],
    status: ProvisioningEvent["status"],
    accountId: string,
    modified: ModifiedProperty[],
    last: ProvisioningStepInput,
    extra: { error?: ProvisioningEvent["error"]; skipReason?: string; matching?: string } = {},
  ): SyncOutcome => ({
    activityDateTime: ctx.at,
    jobId: ctx.jobId,
    cycleId: ctx.cycleId,
    changeId: hashGuid(`change:${ctx.cycleId}:${object.id}`),
    servicePrincipal: ctx.servicePrincipal,
    action,
    status,
    error: extra.error ?? null,
    sourceIdentity: { id: object.id, displayName: object.displayName, identityType: object.kind },
    targetIdentity: { id: accountId, displayName: object.displayName, identityType: objectType },
    sourceSystem: SOURCE_SYSTEM,
    targetSystem: { id: hashGuid(`system:${ctx.servicePrincipal.id}`), displayName: app },
    // Step names as the docs' examples spell them (an update's matching step has no documented name of its own).
    steps: [
      { name: "EntryImport", type: "import", status: "success", description: `Retrieved ${what} from Azure Active Directory` },
      {
        name: "EntrySynchronizationScoping",
        type: "scoping",
        status: scope.inScope || action === "disable" ? "success" : "skipped",
        description: `Determine if ${object.kind} in scope by evaluating against each scoping filter`,
        details: scope.details,
      },
      ...(extra.matching ? [{ name: "EntrySynchronizationAdd", type: "matching" as const, status: "success" as const, description: extra.matching }] : []),
      last,
    ],
    modifiedProperties: modified,
    durationMs: 120 + (object.id.charCodeAt(0) % 7) * 31,
    changed: status !== "skipped",
    skipReason: extra.skipReason,
  });
  const skip = (reason: string, description: string) =>
    outcome("other", "skipped", account?.id ?? "", [], { name: "EntrySynchronizationSkip", type: "export", status: "skipped", description, details: { SkipReason: reason } }, { skipReason: reason });

  if (!scope.inScope) {
    const disabled = account ? changes(account.attributes, values).filter((change) => change.displayName === "active") : [];
    if (!account || disabled.length === 0) return skip("NotEffectivelyEntitled", `${what} is not in scope of ${app} and has no account there to change.`);
    target.update(account.id, { active: disabled[0].newValue });
    return outcome("disable", "success", account.id, disabled, { name: "EntryExportUpdate", type: "export", status: "success", description: `${what} was disabled in ${app}` }, {
      matching: `${what} will be disabled in ${app} (${object.kind} is no longer in scope in Azure Active Directory)`,
    });
  }
  if (!key) return skip("ImportSkipped", `${what} has no value for the matching attribute ${matchingAttribute}.`);
  if (!account) {
    const matching = `${what} will be created in ${app} (${object.kind} is active and assigned in Azure Active Directory, but no matching ${objectType} was found in ${app})`;
    const taken = UNIQUE_IN_TARGET.find((attribute) => values[attribute] && target.find(objectType, attribute, values[attribute]!));
    if (taken) {
      const error = {
        errorCode: "EntryConflict",
        reason: `The value '${values[taken]}' of ${taken} is already used by another ${objectType} in ${app}.`,
        errorCategory: "nonServiceFailure" as const,
        recommendedAction: ENTRY_CONFLICT_ACTION,
      };
      return outcome("create", "failure", "", changes({}, values), { name: "EntryExportAdd", type: "export", status: "failure", description: `Failed to create ${what} in ${app}` }, { error, matching });
    }
    const created = target.create(objectType, values, object.id);
    return outcome("create", "success", created.id, changes({}, values), { name: "EntryExportAdd", type: "export", status: "success", description: `${what} was created in ${app}` }, { matching });
  }
  const modified = changes(account.attributes, values);
  if (modified.length === 0) {
    return skip("RedundantExport", `The state of the user in both the source and target systems already match. No change to the ${what} currently needs to be made.`);
  }
  target.update(account.id, values);
  return outcome("update", "success", account.id, modified, { name: "EntryExportUpdate", type: "export", status: "success", description: `${what} was updated in ${app}` }, {
    matching: `${what} will be updated in ${app} (${object.kind} is assigned in Azure Active Directory and a matching ${objectType} was found in ${app})`,
  });
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

/** A cycle's pass over one mapping: every object in scope, then the accounts whose object left it. Only changes are logged. */
function runPass(input: CycleInput, pass: Pass, totals: CycleCounts): void {
  const ctx: SyncContext = { at: input.at, cycleId: input.cycleId, jobId: input.jobId, servicePrincipal: input.servicePrincipal, target: input.target, mapping: pass.mapping };
  const record = (outcome: SyncOutcome | null) => {
    if (!outcome?.changed) return;
    const { changed: _changed, skipReason: _skipReason, ...event } = outcome;
    totals.imported++;
    if (event.status === "failure") totals.escrowed++;
    else totals.exported++;
    input.log(event);
  };
  const inScope = new Set<string>();
  for (const object of pass.inScope) {
    inScope.add(object.id);
    record(syncObject(ctx, object, scopeOf(pass.mapping, object, true)));
  }
  for (const account of input.target.all(pass.mapping.targetObjectName)) {
    if (inScope.has(account.sourceId)) continue;
    const object = pass.lookup(account.sourceId);
    if (object) record(syncObject(ctx, object, scopeOf(pass.mapping, object, false)));
  }
}

export function runCycle(input: CycleInput): CycleCounts {
  const totals: CycleCounts = { entitled: input.inScope.length + input.groupsInScope.length, imported: 0, exported: 0, escrowed: 0 };
  const users = objectMapping(input.schema, "user");
  if (users) runPass(input, { mapping: users, inScope: input.inScope.map(userSource), lookup: (id) => lookupUser(input, id) }, totals);
  const groups = objectMapping(input.schema, "group");
  if (groups) {
    const memberAccounts = (group: DirectoryGroup) => () =>
      input
        .members(group.id)
        .map((id) => input.target.bySource(id)?.id)
        .filter((id): id is string => Boolean(id))
        .sort()
        .join(",");
    const sources = input.groupsInScope.map((group) => groupSource(group, memberAccounts(group)));
    runPass(input, { mapping: groups, inScope: sources, lookup: () => undefined }, totals);
  }
  return totals;
}

function lookupUser(input: CycleInput, id: string): SourceObject | undefined {
  const user = input.user(id);
  return user ? userSource(user) : undefined;
}
