import {
  APP_ROLE_ASSIGNMENT_PROPERTIES_BETA,
  APP_ROLE_ASSIGNMENT_PROPERTIES_V1,
  DEFAULT_APP_ROLE_ID,
  type AppRoleAssignment,
} from "../directory/types";
import { INVALID_JSON_MESSAGE, badRequest, methodNotAllowed, resourceNotFound, segmentNotFound } from "../http/errors";
import { applyCollectionQuery, parseCollectionQuery, type CollectionConfig } from "../odata/query";
import type { ServicePrincipal } from "../seed/servicePrincipal";
import { collectionBody, context, countResult, requireEventualForCount, singleSelect } from "./directoryObjects";
import { APP_ROLE_ASSIGNED_TO_DELETE, APP_ROLE_ASSIGNED_TO_READ, requireAny, requireAppRoleAssignmentWrite } from "./directoryPermissions";
import { noContent, ok, type EmulatorState, type GraphRequest, type GraphResult, type GraphVersion } from "./types";

/**
 * `/servicePrincipals/{id}/appRoleAssignedTo` GET (list, `$count`, one) POST DELETE, and the assignment rendering
 * shared with `/users/{id}/appRoleAssignments`. Shape: the appRoleAssignment resource (v1.0 `createdDateTime`, beta
 * `creationTimestamp`, per the docs and CSDL), key order as in the docs' examples.
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** appRoleAssignment page: principalDisplayName "Supports `$filter` (`eq` and `startswith`)", resourceId "Supports `$filter` (`eq` only)". */
export const ASSIGNMENT_QUERY: CollectionConfig = {
  typeName: "appRoleAssignment",
  resourceName: "AppRoleAssignment",
  filterable: { principaldisplayname: "principalDisplayName", resourceid: "resourceId" },
  searchable: [],
  defaultTop: 100,
  maxTop: 999,
};

const propertiesOf = (version: GraphVersion) => (version === "beta" ? APP_ROLE_ASSIGNMENT_PROPERTIES_BETA : APP_ROLE_ASSIGNMENT_PROPERTIES_V1);

/** Stored v1.0 spelling → the version's spelling, in the docs' key order (or the `$select` order). */
export function renderAssignment(assignment: AppRoleAssignment, version: GraphVersion, select: readonly string[] | null = null): Record<string, unknown> {
  const record: Record<string, unknown> = { ...assignment, creationTimestamp: assignment.createdDateTime };
  return Object.fromEntries((select ?? propertiesOf(version)).map((name) => [name, record[name] ?? null]));
}

export function listAssignments(req: GraphRequest, assignments: AppRoleAssignment[], basePath: string, contextSuffix: string, countOnly = false): GraphResult {
  const q = parseCollectionQuery(req.query, req.headers, ASSIGNMENT_QUERY, propertiesOf(req.version), countOnly);
  const records = assignments as unknown as Record<string, unknown>[];
  if (countOnly) return countResult(applyCollectionQuery(records, { ...q, offset: 0 }, ASSIGNMENT_QUERY).total);
  const page = applyCollectionQuery(records, q, ASSIGNMENT_QUERY);
  const value = (page.items as unknown as AppRoleAssignment[]).map((assignment) => renderAssignment(assignment, req.version, q.select));
  return ok(collectionBody(req, q, basePath, `${contextSuffix}${q.select ? `(${q.select.join(",")})` : ""}`, page, value));
}

/** The AAD wording for a property value it will not take (seen for Application, Policy, Invitation, …). */
const invalidValue = (property: string) => badRequest(`Invalid value specified for property '${property}' of resource 'AppRoleAssignment'.`, "Request_BadRequest");
const READ_ONLY = new Set(["id", "deletedDateTime", "createdDateTime", "creationTimestamp", "principalDisplayName", "principalType", "resourceDisplayName"]);

/** Graph's createdDateTime has 7 fractional digits (docs example `2021-02-15T16:14:59.8643039Z`). */
const graphTimestamp = (ms: number) => `${new Date(ms).toISOString().slice(0, 23)}0000Z`;

function create(req: GraphRequest, state: EmulatorState, sp: ServicePrincipal): GraphResult {
  const body = req.body;
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw badRequest(INVALID_JSON_MESSAGE);
  const input = body as Record<string, unknown>;
  for (const name of Object.keys(input)) {
    if (name.includes("@") || READ_ONLY.has(name) || ["principalId", "resourceId", "appRoleId"].includes(name)) continue;
    throw badRequest(INVALID_JSON_MESSAGE); // not a property of appRoleAssignment
  }
  for (const property of ["principalId", "resourceId", "appRoleId"] as const) {
    if (typeof input[property] !== "string" || !GUID.test(input[property] as string)) throw invalidValue(property);
  }
  const [principalId, resourceId, appRoleId] = [input.principalId, input.resourceId, input.appRoleId].map((value) => (value as string).toLowerCase());
  if (resourceId !== sp.id.toLowerCase()) throw invalidValue("resourceId");

  const directory = state.tenant.directory;
  const user = directory.user(principalId);
  const group = user ? undefined : directory.group(principalId);
  const servicePrincipal = user || group ? undefined : state.tenant.servicePrincipal(principalId);
  // A principal the directory does not know (e.g. not replicated yet): 400 Request_BadRequest "Not a valid reference
  // update." (observed; MicrosoftDocs/azure-docs service-fabric-cluster-creation-setup-aad.md, msgraph-bicep-types#193).
  if (!user && !group && !servicePrincipal) throw badRequest("Not a valid reference update.", "Request_BadRequest");
  const principalType = user ? "User" : group ? "Group" : "ServicePrincipal";

  // "This app role must be exposed in the appRoles property on the resource application's service principal …
  // If the resource application has not declared any app roles, a default app role ID of 00000000-… can be specified."
  if (appRoleId !== DEFAULT_APP_ROLE_ID) {
    const roles = (sp.appRoles ?? []) as { id?: string; isEnabled?: boolean; allowedMemberTypes?: string[] }[];
    const role = roles.find((candidate) => candidate.id?.toLowerCase() === appRoleId);
    const memberType = principalType === "ServicePrincipal" ? "Application" : "User";
    if (!role || role.isEnabled === false || !(role.allowedMemberTypes ?? []).includes(memberType))
      throw badRequest("Permission being assigned was not found on application.", "Request_BadRequest");
  }
  // A second identical assignment: 400 Request_BadRequest, text as seen in many scripts that tolerate it.
  if (state.tenant.assignments.find(sp.id, principalId, appRoleId)) throw badRequest("Permission being assigned already exists on the object.", "Request_BadRequest");

  const principal = (user ?? group ?? servicePrincipal)!;
  const assignment = state.tenant.assignments.add({
    principalId: principal.id as string,
    principalType,
    principalDisplayName: principal.displayName as string,
    resourceId: sp.id,
    resourceDisplayName: sp.displayName,
    appRoleId,
    createdDateTime: graphTimestamp(state.clock.now()),
  });
  return {
    status: 201,
    body: { "@odata.context": context(req, `servicePrincipals('${sp.id}')/appRoleAssignedTo/$entity`), ...renderAssignment(assignment, req.version) },
  };
}

export async function handleAppRoleAssignedTo(req: GraphRequest, state: EmulatorState, tail: string[], resolve: () => ServicePrincipal): Promise<GraphResult> {
  const base = (sp: ServicePrincipal) => `servicePrincipals/${encodeURIComponent(sp.id)}/appRoleAssignedTo`;
  if (tail.length === 0) {
    if (req.method === "POST") {
      requireAppRoleAssignmentWrite(req.scopes, req.version);
      return create(req, state, resolve());
    }
    requireAny(req.scopes, APP_ROLE_ASSIGNED_TO_READ);
    const sp = resolve();
    if (req.method !== "GET") throw methodNotAllowed(["GET", "POST"]);
    return listAssignments(req, state.tenant.assignments.of(sp.id), base(sp), `servicePrincipals('${sp.id}')/appRoleAssignedTo`);
  }
  if (tail.length === 1 && tail[0] === "$count") {
    requireAny(req.scopes, APP_ROLE_ASSIGNED_TO_READ);
    const sp = resolve();
    if (req.method !== "GET") throw methodNotAllowed(["GET"]);
    requireEventualForCount(req);
    return listAssignments(req, state.tenant.assignments.of(sp.id), base(sp), "", true);
  }
  if (tail.length > 1) throw segmentNotFound(tail[1]);
  const assignmentId = tail[0];
  if (req.method === "DELETE") {
    requireAny(req.scopes, APP_ROLE_ASSIGNED_TO_DELETE);
    const sp = resolve();
    if (!state.tenant.assignments.remove(sp.id, assignmentId)) throw resourceNotFound(assignmentId);
    return noContent();
  }
  requireAny(req.scopes, APP_ROLE_ASSIGNED_TO_READ);
  const sp = resolve();
  if (req.method !== "GET") throw methodNotAllowed(["GET", "DELETE"]);
  const assignment = state.tenant.assignments.get(sp.id, assignmentId);
  if (!assignment) throw resourceNotFound(assignmentId);
  const select = singleSelect(req, propertiesOf(req.version), "appRoleAssignment");
  return ok({
    "@odata.context": context(req, `servicePrincipals('${sp.id}')/appRoleAssignedTo${select ? `(${select.join(",")})` : ""}/$entity`),
    ...renderAssignment(assignment, req.version, select),
  });
}
