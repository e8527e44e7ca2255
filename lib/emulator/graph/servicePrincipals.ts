import { badRequest, methodNotAllowed, resourceNotFound, segmentNotFound } from "../http/errors";
import { applyCollectionQuery, encodeSkipToken, isEventual, nextLink, parseCollectionQuery, selectProperties, systemOptions, type CollectionConfig } from "../odata/query";
import type { ServicePrincipal } from "../seed/servicePrincipal";
import { handleAppRoleAssignedTo } from "./appRoleAssignedTo";
import { requireApplicationRead } from "./permissions";
import { handleSynchronization } from "./synchronization/router";
import { ok, type EmulatorState, type GraphRequest, type GraphResult } from "./types";

/** `/servicePrincipals`, `/servicePrincipals/{id}`, `/servicePrincipals(appId='…')` and their synchronization. */
export const SERVICE_PRINCIPAL_QUERY: CollectionConfig = {
  typeName: "servicePrincipal",
  resourceName: "ServicePrincipal",
  filterable: Object.fromEntries(
    ["id", "appId", "displayName", "applicationTemplateId", "servicePrincipalType", "accountEnabled", "appOwnerOrganizationId", "preferredSingleSignOnMode", "tags", "servicePrincipalNames", "publisherName"].map(
      (name) => [name.toLowerCase(), name],
    ),
  ),
  /** Collection(Edm.String) on servicePrincipal: filtered only through `any()` (e.g. `tags/any(t: t eq 'x')`). */
  collections: ["tags", "serviceprincipalnames"],
  searchable: ["displayName", "description"],
  defaultTop: 100,
  maxTop: 999,
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const APP_ID_KEY = /^servicePrincipals\(appId='([^']*)'\)$/i;

export function resolveServicePrincipal(state: EmulatorState, segment: string, next: string | undefined): { sp: ServicePrincipal; rest: number } {
  const byAppId = APP_ID_KEY.exec(segment);
  if (byAppId) {
    const sp = state.tenant.servicePrincipalByAppId(byAppId[1]);
    if (!sp) throw resourceNotFound(byAppId[1]);
    return { sp, rest: 1 };
  }
  const id = next ?? "";
  if (!GUID.test(id)) throw badRequest(`Invalid object identifier '${id}'.`, "Request_BadRequest");
  const sp = state.tenant.servicePrincipal(id);
  if (!sp) throw resourceNotFound(id);
  return { sp, rest: 2 };
}

const context = (req: GraphRequest, suffix: string) => `${req.origin}/${req.version}/$metadata#${suffix}`;
const KNOWN_PROPERTIES = (state: EmulatorState) => Object.keys(state.tenant.servicePrincipals[0] ?? { id: "" });

function list(req: GraphRequest, state: EmulatorState): GraphResult {
  const q = parseCollectionQuery(req.query, req.headers, SERVICE_PRINCIPAL_QUERY, KNOWN_PROPERTIES(state));
  const page = applyCollectionQuery(state.tenant.servicePrincipals, q, SERVICE_PRINCIPAL_QUERY);
  const body: Record<string, unknown> = {
    "@odata.context": context(req, q.select ? `servicePrincipals(${q.select.join(",")})` : "servicePrincipals"),
  };
  if (q.count && q.offset === 0) body["@odata.count"] = page.total;
  if (page.nextOffset !== null) {
    body["@odata.nextLink"] = nextLink(`${req.origin}/${req.version}/servicePrincipals`, req.query, encodeSkipToken(page.nextOffset, q.fingerprint));
  }
  body.value = page.items.map((sp) => selectProperties(sp, q.select));
  return ok(body);
}

function get(req: GraphRequest, state: EmulatorState, sp: ServicePrincipal): GraphResult {
  const options = systemOptions(req.query);
  for (const name of options.keys()) {
    if (name !== "$select") throw badRequest(`Query option '${name}' is not allowed on a single servicePrincipal.`, "Request_BadRequest");
  }
  let select: string[] | null = null;
  if (options.has("$select")) {
    const known = KNOWN_PROPERTIES(state);
    select = options
      .get("$select")!
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((name) => {
        const property = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
        if (!property) throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.servicePrincipal'.`, "Request_BadRequest");
        return property;
      });
  }
  return ok({
    "@odata.context": context(req, select ? `servicePrincipals(${select.join(",")})/$entity` : "servicePrincipals/$entity"),
    ...selectProperties(sp, select),
  });
}

/** `/servicePrincipals/$count`: needs ConsistencyLevel: eventual (SYNC-API §6.1); counts what `$filter`/`$search` leave. */
function count(req: GraphRequest, state: EmulatorState): GraphResult {
  if (!isEventual(req.headers)) throw badRequest("$count is not currently supported.", "Request_BadRequest");
  const q = parseCollectionQuery(req.query, req.headers, SERVICE_PRINCIPAL_QUERY, KNOWN_PROPERTIES(state), true);
  const { total } = applyCollectionQuery(state.tenant.servicePrincipals, { ...q, offset: 0 }, SERVICE_PRINCIPAL_QUERY);
  return { status: 200, body: String(total), headers: { "Content-Type": "text/plain;charset=utf-8" } };
}

export async function handleServicePrincipals(req: GraphRequest, state: EmulatorState): Promise<GraphResult> {
  const [first, second] = req.segments;
  const isCollection = first.toLowerCase() === "serviceprincipals";
  if (isCollection && req.segments.length === 1) {
    requireApplicationRead(req.scopes);
    if (req.method !== "GET") throw methodNotAllowed(["GET"]);
    return list(req, state);
  }
  if (isCollection && second === "$count" && req.segments.length === 2) {
    requireApplicationRead(req.scopes);
    if (req.method !== "GET") throw methodNotAllowed(["GET"]);
    return count(req, state);
  }
  // /servicePrincipals/{id}/… or /servicePrincipals(appId='…')/…
  const restIndex = APP_ID_KEY.test(first) ? 1 : 2;
  const tail = req.segments.slice(restIndex);
  if (tail.length > 0 && tail[0].toLowerCase() === "synchronization") return handleSynchronization(req, state, tail.slice(1), () => resolveServicePrincipal(state, first, second).sp);
  if (tail.length > 0 && tail[0].toLowerCase() === "approleassignedto") return handleAppRoleAssignedTo(req, state, tail.slice(1), () => resolveServicePrincipal(state, first, second).sp);
  requireApplicationRead(req.scopes);
  const { sp } = resolveServicePrincipal(state, first, second);
  if (tail.length > 0) throw segmentNotFound(tail[0]);
  if (req.method !== "GET") throw methodNotAllowed(["GET"]);
  return get(req, state, sp);
}
