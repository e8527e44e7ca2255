import { syncObject, targetValues, type Scope, type SyncContext, type SyncOutcome } from "../../engine/cycle";
import type { SourceObject } from "../../engine/mapping";
import type { SyncError } from "../../engine/types";
import type { ProvisioningStepInput } from "../../logs/types";
import type { TargetAccount, TargetDirectory, TargetView } from "../../targets/target-directory";
import { unreachable, type ScimClient, type ScimExchange, type ScimProblem } from "./client";
import { exchangeDetails, exportError, refusalOf } from "./errors";
import { filterLiteral, patchBody, patchOperations, readAttributes, resourceBody, type FlatValues } from "./resource";

/**
 * One object synchronized into a SCIM endpoint. The engine's own decision (syncObject: scope, matching, what to
 * create or change, flows, staging) runs against a plan of the target — the connector's data store of what it
 * provisioned, plus what the endpoint answered to the matching query — and the plan's writes are then sent:
 * `POST` to create (a group's members added by `PATCH` after), `PATCH` to update or disable, `DELETE` when the
 * mappings do not soft-delete. Each HTTP exchange is a
 * step of the outcome; a failed one makes the outcome a failure (escrowed: the data store is left as it was, so the
 * next cycle tries again). A 401 is returned as `refused`: the job's credentials no longer work.
 */

export interface ScimSyncContext extends SyncContext {
  /** The connector's data store: the accounts it provisioned, by the id the endpoint gave them. */
  target: TargetDirectory;
  client: ScimClient;
  base: URL;
}

export interface ScimSyncResult {
  outcome: SyncOutcome | null;
  refused: SyncError | null;
  /** An exchange got no answer (a timeout, no connection). */
  unreachable?: boolean;
}

/** An id the endpoint gave that can name a resource in a URL path (`.` and `..` would name its parents). */
const usableId = (id: unknown): id is string => typeof id === "string" && id !== "" && id !== "." && id !== "..";

type Intent = { kind: "create"; attributes: FlatValues } | { kind: "update"; id: string; attributes: FlatValues } | { kind: "delete"; id: string };

const collection = (objectType: string) => (objectType.toLowerCase() === "group" ? "Groups" : "Users");
const isGroup = (objectType: string) => objectType.toLowerCase() === "group";

interface Match {
  exchange: ScimExchange;
  account?: TargetAccount;
  problem?: ScimProblem;
}

/** `GET /Users?filter=userName eq "…"` (groups: `GET /Groups?excludedAttributes=members&filter=displayName eq "…"`). */
async function match(ctx: ScimSyncContext, object: SourceObject, attribute: string, value: string, paths: string[]): Promise<Match> {
  const objectType = ctx.mapping.targetObjectName;
  const query = new URLSearchParams(isGroup(objectType) ? { excludedAttributes: "members" } : {});
  query.set("filter", `${attribute} eq ${filterLiteral(value)}`);
  const exchange = await ctx.client.send("GET", `/${collection(objectType)}?${query}`);
  const failed = (problem: ScimProblem): Match => ({ exchange: { ...exchange, problem }, problem });
  if (exchange.problem) return failed(exchange.problem);
  const resources = exchange.body?.Resources;
  if (exchange.status !== 200 || (resources !== undefined && !Array.isArray(resources)) || (resources === undefined && exchange.body?.totalResults !== 0))
    return failed({ kind: "notListResponse", detail: `The query answered HTTP ${exchange.status} without a SCIM ListResponse.` });
  const found = (resources ?? []) as Record<string, unknown>[];
  if (found.length === 0) return { exchange };
  if (found.length > 1) return failed({ kind: "multipleMatches", detail: `${found.length} ${collection(objectType)} match ${attribute} eq ${filterLiteral(value)}.` });
  const [resource] = found;
  if (!usableId(resource?.id)) return failed({ kind: "missingId", detail: `The ${objectType} that matches ${attribute} eq ${filterLiteral(value)} has no id.` });
  return { exchange, account: { id: resource.id, objectType, attributes: readAttributes(resource, paths), sourceId: object.id } };
}

/** The target as syncObject sees it for this object: the match (or its anchor), every write only recorded. */
function plan(ctx: ScimSyncContext, object: SourceObject, matched: TargetAccount | undefined, intents: Intent[]): TargetView {
  const matchingAttribute = ctx.mapping.matching?.targetAttributeName;
  return {
    all: (objectType) => ctx.target.all(objectType),
    bySource: (id) => (id === object.id ? matched : ctx.target.bySource(id)),
    // Uniqueness in the app (a work email) is the endpoint's to enforce: it answers 409 uniqueness.
    find: (_objectType, attribute) => (attribute === matchingAttribute ? matched : undefined),
    create: (objectType, attributes, sourceId) => {
      intents.push({ kind: "create", attributes: { ...attributes } });
      return { id: "", objectType, attributes, sourceId };
    },
    update: (id, attributes) => void intents.push({ kind: "update", id, attributes: { ...attributes } }),
    delete: (id) => void intents.push({ kind: "delete", id }),
  };
}

function exchangeStep(ctx: ScimSyncContext, exchange: ScimExchange, type: "matching" | "export", name: string, description: string): ProvisioningStepInput {
  return { name, type, status: exchange.problem ? "failure" : "success", description, details: exchangeDetails(ctx.base, exchange) };
}

/** Sends the planned writes; returns the exchanges (the last one failed, if any did) and the account as the endpoint now holds it. */
async function send(ctx: ScimSyncContext, object: SourceObject, intent: Intent, before: TargetAccount | undefined): Promise<{ exchanges: ScimExchange[]; account?: TargetAccount }> {
  const objectType = ctx.mapping.targetObjectName;
  const types = ctx.mapping.types;
  if (intent.kind === "delete") {
    const exchange = await ctx.client.send("DELETE", `/${collection(objectType)}/${encodeURIComponent(intent.id)}`);
    // Already gone (404) is what a delete wants.
    if (exchange.status === 404) delete exchange.problem;
    if (!exchange.problem) ctx.target.delete(intent.id);
    return { exchanges: [exchange] };
  }
  if (intent.kind === "update") {
    const merged = { ...before?.attributes, ...intent.attributes };
    const exchange = await ctx.client.send("PATCH", `/${collection(objectType)}/${encodeURIComponent(intent.id)}`, patchBody(patchOperations(before?.attributes ?? {}, merged, types)));
    return { exchanges: [exchange], account: exchange.problem ? undefined : { id: intent.id, objectType, attributes: merged, sourceId: object.id } };
  }
  const { members = null, ...rest } = intent.attributes;
  const created = await ctx.client.send("POST", `/${collection(objectType)}`, resourceBody(isGroup(objectType) ? "Group" : "User", rest, types));
  if (created.problem) return { exchanges: [created] };
  const id = created.body?.id;
  if (!usableId(id)) {
    created.problem = { kind: "missingId", detail: `The endpoint answered HTTP ${created.status} to the create without the new ${objectType}'s id.` };
    return { exchanges: [created] };
  }
  const account: TargetAccount = { id, objectType, attributes: { ...rest, ...(members === null ? {} : { members: "" }) }, sourceId: object.id };
  if (!members) return { exchanges: [created], account };
  // Groups are created with an empty members list, then their members added (SCIM tutorial, group operations).
  ctx.target.put(account);
  const added = await ctx.client.send("PATCH", `/${collection(objectType)}/${encodeURIComponent(id)}`, patchBody(patchOperations({ members: "" }, { members }, types)));
  return { exchanges: [created, added], account: added.problem ? account : { ...account, attributes: { ...account.attributes, members } } };
}

export async function syncScimObject(ctx: ScimSyncContext, object: SourceObject, scope: Scope, stage = false): Promise<ScimSyncResult> {
  const matchingAttribute = ctx.mapping.matching?.targetAttributeName;
  if (!matchingAttribute) return { outcome: null, refused: null };
  const values = targetValues(ctx.mapping, object, scope);
  const key = values[matchingAttribute];
  let matched = ctx.target.bySource(object.id);
  let lookup: Match | undefined;
  if (!matched && scope.inScope && key) {
    lookup = await match(ctx, object, matchingAttribute, key, Object.keys(values));
    matched = lookup.account;
  }
  const intents: Intent[] = [];
  const outcome = syncObject({ ...ctx, target: plan(ctx, object, matched, intents) }, object, scope, stage);
  if (!outcome) return { outcome, refused: null };

  const steps = [...outcome.steps];
  const last = steps.pop()!;
  if (lookup) {
    // The matching query is the matching step: the one the engine describes, or one of its own (a skip has none).
    const at = steps.findIndex((s) => s.type === "matching");
    const queried = exchangeStep(ctx, lookup.exchange, "matching", "EntrySynchronizationAdd", `Queried ${collection(ctx.mapping.targetObjectName)} where ${matchingAttribute} is '${key}'`);
    if (at >= 0) steps[at] = { ...steps[at], status: queried.status, details: { ...steps[at].details, ...queried.details } };
    else steps.push(queried);
  }
  const exchanges: ScimExchange[] = [];
  let problem = lookup?.problem ? lookup.exchange : undefined;
  if (!problem) {
    for (const intent of intents) {
      const sent = await send(ctx, object, intent, matched);
      exchanges.push(...sent.exchanges);
      if (sent.account) ctx.target.put(sent.account);
      problem = sent.exchanges.find((exchange) => exchange.problem);
      if (problem) break;
    }
    // A match found by the query is taken over: the data store anchors it even when nothing had to change.
    if (!problem && intents.length === 0 && lookup?.account) ctx.target.put(lookup.account);
  }
  const created = ctx.target.bySource(object.id);
  const result: SyncOutcome = { ...outcome, targetIdentity: { ...outcome.targetIdentity, id: created?.id ?? outcome.targetIdentity.id } };
  exchanges.forEach((exchange, i) => {
    const step = i === 0 ? { ...last, details: { ...last.details, ...exchangeDetails(ctx.base, exchange) } } : exchangeStep(ctx, exchange, "export", "EntryExportUpdate", `Added the members of ${object.kind} '${object.label}'`);
    steps.push(exchange.problem ? { ...step, status: "failure" } : step);
  });
  if (exchanges.length === 0) steps.push(problem ? { ...last, status: "skipped", description: `Nothing was sent for ${object.kind} '${object.label}': the query to match it failed` } : last);
  result.steps = steps;
  if (problem) {
    result.status = "failure";
    result.error = exportError(ctx.base, problem);
    result.logged = true;
    // A failed matching query means nothing was decided: the outcome is the write the query was for.
    if (result.action === "other") result.action = intents[0]?.kind === "update" ? "update" : "create";
  }
  return { outcome: result, refused: problem ? refusalOf(ctx.base, problem) : null, unreachable: problem ? unreachable(problem) : false };
}
