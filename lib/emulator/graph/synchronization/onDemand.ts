import { randomUUID } from "node:crypto";
import { syncObject, type SyncOutcome } from "../../engine/cycle";
import { groupSource, objectMapping, userSource, type SourceObject } from "../../engine/mapping";
import { scopeOf } from "../../engine/scoping";
import { evaluate } from "../../engine/evaluate";
import { directUserMembers, groupsInScope, usersInScope } from "../../engine/provisioner";
import type { TargetDirectory } from "../../targets/target-directory";
import { badRequest, resourceNotFound } from "../../http/errors";
import { ok, type GraphResult } from "../types";
import { findJob, objectBody, templateOf, type SyncContext } from "./context";

/**
 * provisionOnDemand on the tenant's real objects (SYNC-API §3.1; the docs' three examples): the rule from the
 * job's schema, one user (or a group and up to 5 members), scoped, matched and exported as a cycle would, the
 * outcome written to the provisioning log as initiated by the caller, and answered as a stringKeyStringValuePair
 * whose `key` and `value` are JSON strings with on-demand field names (`type`, capitalised statuses, `statusInfo`).
 * 5 requests per 10 s per job.
 */

interface Subject {
  objectId: string;
  objectTypeName: string;
}

/** The portal's limit for a group on demand (provision-on-demand: "up to 5 members"). */
const MAX_GROUP_MEMBERS = 5;

function parseParameters(value: unknown): { ruleId: string; subjects: Subject[] }[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest("'parameters' must be a non-empty array of synchronizationJobApplicationParameters.");
  return value.map((parameter, i) => {
    const p = parameter as { ruleId?: unknown; subjects?: unknown };
    if (typeof p?.ruleId !== "string" || p.ruleId === "") throw badRequest(`'parameters[${i}].ruleId' is required.`);
    if (!Array.isArray(p.subjects) || p.subjects.length === 0) throw badRequest(`'parameters[${i}].subjects' must be a non-empty array.`);
    const subjects = p.subjects.map((subject, j) => {
      const s = subject as { objectId?: unknown; objectTypeName?: unknown };
      if (typeof s?.objectId !== "string" || typeof s?.objectTypeName !== "string")
        throw badRequest(`'parameters[${i}].subjects[${j}]' needs 'objectId' and 'objectTypeName'.`);
      return { objectId: s.objectId, objectTypeName: s.objectTypeName };
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

function subjectObjects(c: SyncContext, subject: Subject, target: TargetDirectory): SourceObject[] {
  const directory = c.state.tenant.directory;
  if (subject.objectTypeName.toLowerCase() === "user") {
    const user = directory.user(subject.objectId);
    if (!user) throw resourceNotFound(subject.objectId);
    return [userSource(user)];
  }
  if (subject.objectTypeName.toLowerCase() === "group") {
    const group = directory.group(subject.objectId);
    if (!group) throw resourceNotFound(subject.objectId);
    const members = directUserMembers(c.state.tenant, group.id);
    if (members.length > MAX_GROUP_MEMBERS) throw badRequest(`Provisioning a group on demand supports at most ${MAX_GROUP_MEMBERS} members; the group '${group.displayName}' has ${members.length}.`);
    return [...members.map(userSource), groupSource(group, members.map((user) => user.id), target)];
  }
  throw badRequest(`'objectTypeName' must be User or Group, not '${subject.objectTypeName}'.`);
}

export function provisionOnDemand(c: SyncContext, jobId: string): GraphResult {
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
  if (error) return answer(c, { result: "Failure", details: { errorCode: error.code, errorMessage: error.message } }, {});
  if (!target) throw new Error(`job ${job.id} has no provisioner`); // every job gets one when it is created
  const users = new Set(usersInScope(c.state.tenant, c.sp.id).map((user) => user.id));
  const groups = new Set(groupsInScope(c.state.tenant, c.sp.id).map((group) => group.id));
  const context = { at: now, cycleId: `${job.id}.onDemand`, jobId: job.id, servicePrincipal: { id: c.sp.id, displayName: c.sp.displayName }, target };
  const caller = c.req.caller;
  const results = parameter.subjects.flatMap((subject) => subjectObjects(c, subject, target)).flatMap((object) => {
    const mapping = objectMapping(schema, object.kind === "User" ? "user" : "group");
    const assigned = (object.kind === "User" ? users : groups).has(object.id);
    const synced = mapping ? syncObject({ ...context, mapping }, object, scopeOf(mapping, object, assigned)) : null;
    if (!synced) return [];
    // Each request is a change of its own.
    const outcome = { ...synced, changeId: randomUUID() };
    const { logged: _logged, skipReason: _skipReason, ...event } = outcome;
    c.state.tenant.provisioningLog.add({ ...event, initiatedBy: caller ? { id: caller.oid, displayName: caller.name, initiatorType: "user" } : undefined });
    return [{ outcome, reportable: object.label }];
  });
  const last = results.at(-1);
  return last ? answer(c, resultKey(last.outcome), onDemandValue(last.outcome, last.reportable)) : answer(c, { result: "Skipped", details: {} }, {});
}

/** The stringKeyStringValuePair: both halves JSON strings. */
function answer(c: SyncContext, key: unknown, value: unknown): GraphResult {
  return ok({ "@odata.context": `${c.req.origin}/${c.req.version}/$metadata#microsoft.graph.stringKeyStringValuePair`, key: JSON.stringify(key), value: JSON.stringify(value) });
}
