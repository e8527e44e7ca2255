import type { DirectoryGroup, DirectoryUser } from "../directory/types";
import type { ModifiedProperty, ProvisioningEvent, ProvisioningStepInput } from "../logs/types";
import type { TargetDirectory, TargetView } from "../targets/target-directory";
import { changes, groupSource, mappedValues, objectMapping, userSource, type ObjectMapping, type SourceObject } from "./mapping";
import { hashGuid } from "./random";
import { scopeOf } from "./scoping";
import type { CycleCounts } from "./types";

/**
 * One provisioning cycle of a job's user and group mappings: the objects in scope are matched in the target
 * app by the mapping's matching attribute, then created or updated with the mapped values (a group's
 * `members` are the target accounts of its users); accounts whose user left the scope are disabled (the SCIM
 * `active` attribute, per the default mappings' `IsSoftDeleted`). Every change yields one provisioning log event.
 * Accidental-deletions prevention: when a cycle would disable (or delete) as many accounts as the threshold, it
 * stages them instead (`stagedDelete`) and the job is quarantined with `TooManyDeletes` (evaluate.ts).
 */

export type { CycleCounts } from "./types";

/** Accidental-deletions prevention for one cycle: `threshold` null means off; `force` lets every delete through. */
export interface DeletionGuard {
  threshold: number | null;
  force: boolean;
}

/** A target attribute whose value must be unique in the target app (a work email, for SCIM apps). */
const UNIQUE_IN_TARGET = ['emails[type eq "work"].value'];

/** Entra's recommended actions (howto-analyze-provisioning-logs, error codes). */
const MANDATORY_FIELDS_ACTION =
  "The user couldn't be created because required values are missing. Correct the missing attribute values in the source record, or review your matching attribute configuration to ensure that the required fields aren't omitted.";
const ENTRY_CONFLICT_ACTION =
  "Correct the conflicting attribute values in either Microsoft Entra ID or the application. Or, review your matching attribute configuration if the conflicting user account was supposed to be matched and taken over.";

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
  deletions: DeletionGuard;
}

const SOURCE_SYSTEM = { id: hashGuid("system:Azure Active Directory"), displayName: "Azure Active Directory" };

export interface Pass {
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
  target: TargetView;
  mapping: ObjectMapping;
}

/** What synchronizing one object did: the event (its status says changed, failed or skipped); a cycle logs all but skips. */
export type SyncOutcome = ProvisioningEvent & { logged: boolean; skipReason?: string };

/**
 * Synchronizes one object: `scope` says whether it is in scope (and, if not, why — it is then skipped unless
 * its account has to be disabled). Creates, updates or disables its account; a redundant export is skipped.
 * With `stage`, a disable is only described (`stagedDelete`), and the account is left as it is.
 */
export type Scope = { inScope: boolean; details: Record<string, string> };

/** Whether the mappings soft-delete ("If you see IsSoftDeleted in your attribute mappings, it's used to … soft-delete the user"). */
const softDeletes = (mapping: ObjectMapping) => mapping.attributes.some((entry) => /\bIsSoftDeleted\b/i.test(`${entry.source?.expression ?? ""} ${entry.source?.name ?? ""}`));

/** The target attributes an object gets: out of scope or disabled in Entra, it is soft-deleted (`IsSoftDeleted`). */
export function targetValues(mapping: ObjectMapping, object: SourceObject, scope: Scope): Record<string, string | null> {
  const softDeleted = !scope.inScope || (object.kind === "User" && object.attribute("accountEnabled") === "false");
  return mappedValues(mapping, object, softDeleted);
}

export function syncObject(ctx: SyncContext, object: SourceObject, scope: Scope, stage = false): SyncOutcome | null {
  const { mapping, target } = ctx;
  const matchingAttribute = mapping.matching?.targetAttributeName;
  if (!matchingAttribute) return null;
  const objectType = mapping.targetObjectName;
  const app = ctx.servicePrincipal.displayName;
  const what = `${object.kind} '${object.label}'`;
  const values = targetValues(mapping, object, scope);
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
    logged: status !== "skipped" || action === "stagedDelete",
    skipReason: extra.skipReason,
  });
  const skip = (reason: string, description: string) =>
    outcome("other", "skipped", account?.id ?? "", [], { name: "EntrySynchronizationSkip", type: "export", status: "skipped", description, details: { SkipReason: reason } }, { skipReason: reason });
  // The provisioning logs' general skip code (howto-analyze-provisioning-logs): the flow is not enabled.
  const notAllowed = (flow: string) => skip("EntrySynchronizationSkipped", `${what} was skipped: the object mapping's flowTypes do not include ${flow}.`);

  if (!scope.inScope && account && !softDeletes(mapping)) {
    // No IsSoftDeleted in the mappings: the app does not support soft deletes, so the account is deleted
    // ("How provisioning works", de-provisioning). Entra's step name for it is not in the docs' examples.
    if (!mapping.flows.delete) return notAllowed("Delete");
    const matching = `${what} will be deleted from ${app} (${object.kind} is no longer in scope in Azure Active Directory)`;
    if (stage) {
      return outcome("stagedDelete", "skipped", account.id, [], { name: "EntryExportDelete", type: "export", status: "skipped", description: `${what} was not deleted from ${app}: the deletions of this cycle reached the accidental deletion threshold` }, { matching });
    }
    target.delete(account.id);
    return outcome("delete", "success", account.id, [], { name: "EntryExportDelete", type: "export", status: "success", description: `${what} was deleted from ${app}` }, { matching });
  }
  if (!scope.inScope) {
    const disabled = account ? changes(account.attributes, values).filter((change) => change.displayName === "active") : [];
    if (!account || disabled.length === 0) return skip("NotEffectivelyEntitled", `${what} is not in scope of ${app} and has no account there to change.`);
    if (!mapping.flows.delete) return notAllowed("Delete");
    if (stage) {
      return outcome("stagedDelete", "skipped", account.id, disabled, { name: "EntryExportUpdate", type: "export", status: "skipped", description: `${what} was not disabled in ${app}: the deletions of this cycle reached the accidental deletion threshold` }, {
        matching: `${what} will be disabled in ${app} (${object.kind} is no longer in scope in Azure Active Directory)`,
      });
    }
    target.update(account.id, { active: disabled[0].newValue });
    return outcome("disable", "success", account.id, disabled, { name: "EntryExportUpdate", type: "export", status: "success", description: `${what} was disabled in ${app}` }, {
      matching: `${what} will be disabled in ${app} (${object.kind} is no longer in scope in Azure Active Directory)`,
    });
  }
  if (!key) return skip("ImportSkipped", `${what} has no value for the matching attribute ${matchingAttribute}.`);
  if (!account) {
    if (!mapping.flows.add) return notAllowed("Add");
    const matching = `${what} will be created in ${app} (${object.kind} is active and assigned in Azure Active Directory, but no matching ${objectType} was found in ${app})`;
    const missing = mapping.required.filter((attribute) => !values[attribute]);
    if (missing.length > 0) {
      const error = {
        errorCode: "MandatoryFieldsMissing",
        reason: `${what} has no value for ${missing.join(", ")}, which ${app} requires.`,
        errorCategory: "nonServiceFailure" as const,
        recommendedAction: MANDATORY_FIELDS_ACTION,
      };
      return outcome("create", "failure", "", changes({}, values), { name: "EntryExportAdd", type: "export", status: "failure", description: `Failed to create ${what} in ${app}` }, { error, matching });
    }
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
  if (!mapping.flows.update) return notAllowed("Update");
  target.update(account.id, values);
  return outcome("update", "success", account.id, modified, { name: "EntryExportUpdate", type: "export", status: "success", description: `${what} was updated in ${app}` }, {
    matching: `${what} will be updated in ${app} (${object.kind} is assigned in Azure Active Directory and a matching ${objectType} was found in ${app})`,
  });
}

/** Counts and logs a cycle's outcomes (skips are not logged). */
export function recorder(input: Pick<CycleInput, "log">, totals: CycleCounts) {
  return (outcome: SyncOutcome | null) => {
    if (!outcome?.logged) return;
    const { logged: _logged, skipReason: _skipReason, ...event } = outcome;
    totals.imported++;
    if (event.action === "stagedDelete") totals.staged++;
    else if (event.status === "failure") totals.escrowed++;
    else totals.exported++;
    input.log(event);
  };
}

/** The objects whose accounts are in the target but who are no longer in the pass's scope (and still exist). */
export function leavingObjects(target: TargetView, pass: Pass, inScope: ReadonlySet<string>): SourceObject[] {
  return target
    .all(pass.mapping.targetObjectName)
    .filter((account) => !inScope.has(account.sourceId))
    .map((account) => pass.lookup(account.sourceId))
    .filter((object): object is SourceObject => Boolean(object));
}

/** The disables a cycle stages instead of doing: all of them when they reach the deletion threshold, else none. */
export function stagedDisables(ctx: SyncContext, leaving: readonly SourceObject[], deletions: DeletionGuard): SyncOutcome[] {
  if (deletions.threshold === null || deletions.force) return [];
  const staged = leaving.map((object) => syncObject(ctx, object, scopeOf(ctx.mapping, object, false), true)).filter((outcome) => outcome?.action === "stagedDelete");
  return staged.length >= deletions.threshold ? (staged as SyncOutcome[]) : [];
}

export const passContext = (input: CycleInput, mapping: ObjectMapping): SyncContext => ({
  at: input.at,
  cycleId: input.cycleId,
  jobId: input.jobId,
  servicePrincipal: input.servicePrincipal,
  target: input.target,
  mapping,
});

/**
 * A cycle's pass over one mapping: every object in scope, then the accounts whose object left it (staged when
 * there are as many disables as the deletion threshold).
 */
function runPass(input: CycleInput, pass: Pass, totals: CycleCounts): void {
  const ctx = passContext(input, pass.mapping);
  const record = recorder(input, totals);
  const inScope = new Set<string>();
  for (const object of pass.inScope) {
    inScope.add(object.id);
    record(syncObject(ctx, object, scopeOf(pass.mapping, object, true)));
  }
  const leaving = leavingObjects(input.target, pass, inScope);
  const staged = stagedDisables(ctx, leaving, input.deletions);
  if (staged.length > 0) return staged.forEach(record);
  for (const object of leaving) record(syncObject(ctx, object, scopeOf(pass.mapping, object, false)));
}

/** The passes of a cycle: users first, then groups (whose members are the users' accounts). */
export function cyclePasses(input: CycleInput): Pass[] {
  const passes: Pass[] = [];
  const users = objectMapping(input.schema, "user");
  if (users) passes.push({ mapping: users, inScope: input.inScope.map(userSource), lookup: (id) => lookupUser(input, id) });
  const groups = objectMapping(input.schema, "group");
  if (groups) {
    // Group sources read their members' accounts when the value is needed: built now, read after the users' pass.
    const sources = input.groupsInScope.map((group) => groupSource(group, input.members(group.id), input.target));
    passes.push({ mapping: groups, inScope: sources, lookup: () => undefined });
  }
  return passes;
}

export const emptyCounts = (input: CycleInput): CycleCounts => ({ entitled: input.inScope.length + input.groupsInScope.length, imported: 0, exported: 0, escrowed: 0, staged: 0 });

export function runCycle(input: CycleInput): CycleCounts {
  const totals = emptyCounts(input);
  for (const pass of cyclePasses(input)) runPass(input, pass, totals);
  return totals;
}

function lookupUser(input: CycleInput, id: string): SourceObject | undefined {
  const user = input.user(id);
  return user ? userSource(user) : undefined;
}
