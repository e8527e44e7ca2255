import { randomUUID } from "node:crypto";
import { syncObject, type SyncOutcome } from "../../engine/cycle";
import { groupSource, objectMapping, userSource, type SourceObject } from "../../engine/mapping";
import { scopeOf } from "../../engine/scoping";
import { evaluate } from "../../engine/evaluate";
import { directUserMembers, groupsInScope, usersInScope } from "../../engine/provisioner";
import type { TargetDirectory } from "../../targets/target-directory";
import { badRequest, resourceNotFound } from "../../http/errors";
import { ScimClient } from "../../connectors/scim/client";
import type { ScimEndpoint } from "../../connectors/scim/endpoint";
import type { JobRecord, SyncError } from "../../engine/types";
import { probeAttribute, testConnection } from "../../connectors/scim/probe";
import { syncScimObject } from "../../connectors/scim/sync";
import { requireLinkedObjects } from "./model";
import { ok, type GraphResult } from "../types";
import { findJob, objectBody, templateOf, type SyncContext } from "./context";

/**
 * provisionOnDemand on the tenant's real objects (SYNC-API §3.1; the docs' three examples): the rule from the
 * job's schema, one user (or a group and up to 5 members: those its `links.members` names, else all its direct
 * members), scoped, matched and exported as a cycle would, each outcome written to the provisioning log as
 * initiated by the caller, and answered as a stringKeyStringValuePair whose `key` and `value` are JSON strings:
 * for a user its record with on-demand field names (`type`, capitalised statuses, `statusInfo`); for a group the
 * group's result and `{}`, as the docs' Group example.
 * 5 requests per 10 s per job.
 */

interface Subject {
  objectId: string;
  objectTypeName: string;
  /** The ids in `links.members` (a group's members to provision with it); null when the request names none. */
  members: string[] | null;
  /** Where the subject is in the request, for error texts (`parameters[0].subjects[0]`). */
  where: string;
}

/** The portal's and the API's limit for a group on demand (provision-on-demand: "up to 5 members"). */
const MAX_GROUP_MEMBERS = 5;

/**
 * A subject's `links.members`: `links` must read as a synchronizationLinkedObjects (else the generic 400 for
 * unreadable bodies), each member a User with an id. `manager` and `owners` are read the same way, not acted on.
 */
function linkedMembers(links: unknown, where: string): string[] | null {
  if (links === undefined || links === null) return null;
  requireLinkedObjects(links);
  const members = (links as { members?: unknown[] | null }).members;
  if (members === undefined || members === null) return null;
  return members.map((member, k) => {
    const m = member as { objectId?: unknown; objectTypeName?: unknown } | null;
    if (typeof m?.objectId !== "string" || m.objectId === "" || typeof m.objectTypeName !== "string" || m.objectTypeName.toLowerCase() !== "user")
      throw badRequest(`'${where}.links.members[${k}]' needs 'objectId' and the objectTypeName 'User'.`);
    return m.objectId;
  });
}

function parseParameters(value: unknown): { ruleId: string; subjects: Subject[] }[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest("'parameters' must be a non-empty array of synchronizationJobApplicationParameters.");
  return value.map((parameter, i) => {
    const p = parameter as { ruleId?: unknown; subjects?: unknown };
    if (typeof p?.ruleId !== "string" || p.ruleId === "") throw badRequest(`'parameters[${i}].ruleId' is required.`);
    if (!Array.isArray(p.subjects) || p.subjects.length === 0) throw badRequest(`'parameters[${i}].subjects' must be a non-empty array.`);
    const subjects = p.subjects.map((subject, j) => {
      const s = subject as { objectId?: unknown; objectTypeName?: unknown; links?: unknown };
      const where = `parameters[${i}].subjects[${j}]`;
      if (typeof s?.objectId !== "string" || typeof s?.objectTypeName !== "string") throw badRequest(`'${where}' needs 'objectId' and 'objectTypeName'.`);
      return { objectId: s.objectId, objectTypeName: s.objectTypeName, members: linkedMembers(s.links, where), where };
    });
    return { ruleId: p.ruleId, subjects };
  });
}

const capital = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
const iso = (ms: number) => new Date(ms).toISOString();

/** One outcome in the on-demand JSON (the docs' examples' field names). */
function onDemandValue(outcome: SyncOutcome, reportable: string) {
  const error = outcome.error ?? null;
  return {
    action: capital(outcome.action),
    changeId: outcome.changeId,
    startTime: iso(outcome.activityDateTime - outcome.durationMs),
    endTime: iso(outcome.activityDateTime),
    modifiedProperties: outcome.modifiedProperties ?? [],
    provisioningSteps: outcome.steps.map((step) => ({
      name: step.name,
      type: capital(step.type),
      status: capital(step.status),
      description: step.description,
      timestamp: iso(outcome.activityDateTime),
      details: step.details ?? {},
    })),
    reportableIdentifier: reportable,
    statusInfo: {
      status: capital(outcome.status),
      errorCode: error?.errorCode ?? null,
      reason: error?.reason ?? null,
      additionalDetails: error?.additionalDetails ?? null,
      errorCategory: error ? capital(error.errorCategory) : null,
      recommendedAction: error?.recommendedAction ?? null,
    },
    sourceIdentity: { id: outcome.sourceIdentity.id, type: outcome.sourceIdentity.identityType, displayName: outcome.sourceIdentity.displayName, details: null },
    sourceSystem: { id: null, name: outcome.sourceSystem.displayName, details: null },
    targetIdentity: { id: outcome.targetIdentity.id || null, type: outcome.targetIdentity.identityType, displayName: outcome.targetIdentity.displayName, details: null },
    targetSystem: { id: null, name: outcome.targetSystem.displayName, details: null },
  };
}

function resultKey(outcome: SyncOutcome) {
  if (outcome.status === "failure") return { result: "Failure", details: { errorCode: outcome.error?.errorCode, errorMessage: outcome.error?.reason } };
  if (outcome.status === "skipped") return { result: "Skipped", details: { errorCode: outcome.skipReason, errorMessage: outcome.steps.at(-1)?.description } };
  return { result: "Success", details: {} };
}

/** What one subject provisions: the objects in order, the subject itself last (its outcome is the answer). */
interface Resolved {
  kind: "User" | "Group";
  objects: SourceObject[];
}

function resolveSubject(c: SyncContext, subject: Subject, target: TargetDirectory): Resolved {
  const directory = c.state.tenant.directory;
  if (subject.objectTypeName.toLowerCase() === "user") {
    // A user's `links` (its manager, …) are read but not acted on (README: what Graph does with them is undocumented).
    const user = directory.user(subject.objectId);
    if (!user) throw resourceNotFound(subject.objectId);
    return { kind: "User", objects: [userSource(user)] };
  }
  if (subject.objectTypeName.toLowerCase() === "group") {
    const group = directory.group(subject.objectId);
    if (!group) throw resourceNotFound(subject.objectId);
    const members = directUserMembers(c.state.tenant, group.id);
    const memberIds = members.map((user) => user.id);
    let chosen = members;
    if (subject.members === null) {
      if (members.length > MAX_GROUP_MEMBERS) throw badRequest(`Provisioning a group on demand supports at most ${MAX_GROUP_MEMBERS} members; the group '${group.displayName}' has ${members.length}.`);
    } else {
      if (subject.members.length > MAX_GROUP_MEMBERS) throw badRequest(`Provisioning a group on demand supports at most ${MAX_GROUP_MEMBERS} members; '${subject.where}.links.members' has ${subject.members.length}.`);
      const byId = new Map(members.map((user) => [user.id, user]));
      chosen = [...new Set(subject.members)].map((id) => {
        const user = byId.get(id);
        if (!user) throw badRequest(`'${id}' is not a direct user member of the group '${group.displayName}'.`);
        return user;
      });
    }
    // The group's `members` are the target accounts of all its direct members (those already provisioned count).
    return { kind: "Group", objects: [...chosen.map(userSource), groupSource(group, memberIds, target)] };
  }
  throw badRequest(`'objectTypeName' must be User or Group, not '${subject.objectTypeName}'.`);
}

export async function provisionOnDemand(c: SyncContext, jobId: string): Promise<GraphResult> {
  const job = findJob(c, jobId);
  c.state.rateLimits.take(`provisionOnDemand:${c.sp.id}:${job.id}`, 5, 10_000);
  const [parameter] = parseParameters(objectBody(c.req).parameters);
  const schema = (job.schema ?? templateOf(c, job)?.schema ?? null) as { synchronizationRules?: { id?: string }[] } | null;
  // What Graph answers for an unknown ruleId is undocumented: with one rule there is nothing to choose, so
  // any id is taken as that rule (the docs' examples send ids of their own tenants); with several it must match.
  const rules = schema?.synchronizationRules ?? [];
  if (rules.length !== 1 && !rules.some((rule) => rule.id === parameter.ruleId)) throw badRequest(`The ruleId '${parameter.ruleId}' is not a synchronization rule of this job's schema.`);
  const now = c.state.clock.now();
  const error = evaluate(job, now).quarantine?.error ?? job.credentialError;
  const target = job.provisioner?.target;
  if (!target) throw new Error(`job ${job.id} has no provisioner`); // every job gets one when it is created
  // Every subject is checked (404, 400) before anything is provisioned, and before the job's own state answers.
  const resolved = parameter.subjects.map((subject) => resolveSubject(c, subject, target));
  // A SCIM endpoint is checked first, as Entra does "before performing on-demand provisioning" (probe.ts); the
  // exchanges wait for the job's cycle, if one is talking to the endpoint (they share its data store).
  const endpoint = job.provisioner!.endpoint();
  return endpoint ? job.provisioner!.exclusive(() => provision(c, job, resolved, endpoint, error)) : provision(c, job, resolved, null, error);
}

async function provision(c: SyncContext, job: JobRecord, resolved: Resolved[], endpoint: ScimEndpoint | null, error: SyncError | null): Promise<GraphResult> {
  const schema = job.schema ?? templateOf(c, job)?.schema ?? null;
  const target = job.provisioner!.target;
  const now = c.state.clock.now();
  const refused = error ?? (endpoint ? await testConnection(endpoint, probeAttribute(schema)) : null);
  if (refused) return answer(c, { result: "Failure", details: { errorCode: refused.code, errorMessage: refused.message } }, {});
  const client = endpoint ? new ScimClient(endpoint) : null;
  const users = new Set(usersInScope(c.state.tenant, c.sp.id).map((user) => user.id));
  const groups = new Set(groupsInScope(c.state.tenant, c.sp.id).map((group) => group.id));
  const context = { at: now, cycleId: `${job.id}.onDemand`, jobId: job.id, servicePrincipal: { id: c.sp.id, displayName: c.sp.displayName }, target };
  const caller = c.req.caller;
  const sync = async (object: SourceObject): Promise<SyncOutcome | null> => {
    const mapping = objectMapping(schema, object.kind === "User" ? "user" : "group");
    const assigned = (object.kind === "User" ? users : groups).has(object.id);
    if (!mapping) return null;
    const scope = scopeOf(mapping, object, assigned);
    const synced = client && endpoint ? (await syncScimObject({ ...context, mapping, client, base: endpoint.base }, object, scope)).outcome : syncObject({ ...context, mapping }, object, scope);
    if (!synced) return null;
    // Each request is a change of its own; every outcome (skips too) is logged, so a client reads each one there.
    const outcome = { ...synced, changeId: randomUUID() };
    const { logged: _logged, skipReason: _skipReason, ...event } = outcome;
    c.state.tenant.provisioningLog.add({ ...event, initiatedBy: caller ? { id: caller.oid, displayName: caller.name, initiatorType: "user" } : undefined });
    return outcome;
  };
  const answers: { key: unknown; value: unknown }[] = [];
  for (const { kind, objects } of resolved) {
    const outcomes: (SyncOutcome | null)[] = [];
    for (const object of objects) outcomes.push(await sync(object));
    const own = outcomes.at(-1);
    const subject = objects.at(-1)!;
    // A group is answered as the docs' Group example: its own outcome's key, and `{}` (the members' results are in the logs).
    answers.push(own ? { key: resultKey(own), value: kind === "Group" ? {} : onDemandValue(own, subject.label) } : { key: { result: "Skipped", details: {} }, value: {} });
  }
  const last = answers.at(-1)!;
  return answer(c, last.key, last.value);
}

/** The stringKeyStringValuePair: both halves JSON strings. */
function answer(c: SyncContext, key: unknown, value: unknown): GraphResult {
  return ok({ "@odata.context": `${c.req.origin}/${c.req.version}/$metadata#microsoft.graph.stringKeyStringValuePair`, key: JSON.stringify(key), value: JSON.stringify(value) });
}
