import { TENANT_DOMAIN } from "../directory/seed";
import type { DirectoryUser } from "../directory/types";
import { INVALID_JSON_MESSAGE, badRequest, methodNotAllowed, notFound, segmentNotFound } from "../http/errors";
import { applyCollectionQuery, parseCollectionQuery } from "../odata/query";
import { listAssignments } from "./appRoleAssignedTo";
import {
  castOf,
  checkUserFilterFunctions,
  collectionBody,
  context,
  countResult,
  entityContext,
  listReference,
  projectUser,
  refuseSingleOnly,
  requireEventualForCount,
  resolveUser,
  singleSelect,
  USER_QUERY,
  userProperties,
  visibleUser,
} from "./directoryObjects";
import {
  basicProfileOnly,
  requireAny,
  USER_APP_ROLE_ASSIGNMENTS,
  USER_GET,
  USER_MANAGER,
  USER_MEMBER_OF,
  USER_TRANSITIVE_MEMBER_OF,
  USER_UPDATE,
  USERS_READ,
} from "./directoryPermissions";
import { noContent, ok, type EmulatorState, type GraphRequest, type GraphResult } from "./types";

/**
 * `/users`, `/users/$count`, `/users/{id | userPrincipalName}` (also `/users('…')`, user-get's form for UPNs
 * starting with `$`) GET and PATCH, and the user's `memberOf`, `transitiveMemberOf`, `appRoleAssignments`, `manager`.
 */
const KEY_SEGMENT = /^users\('(.*)'\)$/i;

function list(req: GraphRequest, state: EmulatorState, countOnly: boolean): GraphResult {
  const basicOnly = basicProfileOnly(req.scopes);
  const q = parseCollectionQuery(req.query, req.headers, USER_QUERY, userProperties(req.version), countOnly);
  if (q.filter) checkUserFilterFunctions(q.filter.root);
  const users = state.tenant.directory.users;
  const records = users.map((user) => visibleUser(user, basicOnly));
  if (countOnly) return countResult(applyCollectionQuery(records, { ...q, offset: 0 }, USER_QUERY).total);
  refuseSingleOnly(q.select);
  const page = applyCollectionQuery(records, q, USER_QUERY);
  const byRecord = new Map(records.map((record, index) => [record, users[index]]));
  const value = page.items.map((record) => projectUser(byRecord.get(record)!, q.select, { version: req.version, basicOnly }));
  return ok(collectionBody(req, q, "users", q.select ? `users(${q.select.join(",")})` : "users", page, value));
}

function get(req: GraphRequest, user: DirectoryUser): GraphResult {
  const select = singleSelect(req, userProperties(req.version), "user");
  return ok({ "@odata.context": entityContext(req, "users", select), ...projectUser(user, select, { version: req.version, basicOnly: basicProfileOnly(req.scopes) }) });
}

/**
 * user-update (v1.0): the properties its request-body table lists, plus those Graph documents as writable on the
 * user resource since (employeeId, employeeType, employeeHireDate, companyName, mail). Returns 204.
 */
const WRITABLE: Record<string, "string" | "nonEmptyString" | "boolean" | "strings" | "phones" | "dateTime" | "userType"> = {
  accountEnabled: "boolean",
  businessPhones: "phones",
  city: "string",
  companyName: "string",
  country: "string",
  department: "string",
  displayName: "nonEmptyString",
  employeeHireDate: "dateTime",
  employeeId: "string",
  employeeType: "string",
  givenName: "string",
  jobTitle: "string",
  mail: "string",
  mailNickname: "nonEmptyString",
  mobilePhone: "string",
  officeLocation: "string",
  otherMails: "strings",
  postalCode: "string",
  preferredLanguage: "string",
  state: "string",
  streetAddress: "string",
  surname: "string",
  usageLocation: "string",
  userPrincipalName: "nonEmptyString",
  userType: "userType",
};

/** The AAD wording for a value Graph will not store (e.g. "… for property 'displayName' of resource 'Application'."). */
const invalidValue = (property: string) => badRequest(`Invalid value specified for property '${property}' of resource 'User'.`, "Request_BadRequest");

function valid(kind: (typeof WRITABLE)[string], value: unknown): boolean {
  switch (kind) {
    case "string":
      return value === null || typeof value === "string";
    case "nonEmptyString":
      return typeof value === "string" && value.trim() !== "";
    case "boolean":
      return typeof value === "boolean";
    case "strings":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
    case "phones":
      // user-update: "only one number can be set for this property"
      return Array.isArray(value) && value.length <= 1 && value.every((item) => typeof item === "string");
    case "dateTime":
      return value === null || (typeof value === "string" && !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value));
    case "userType":
      return value === "Member" || value === "Guest";
  }
}

function update(req: GraphRequest, state: EmulatorState, user: DirectoryUser): GraphResult {
  const body = req.body;
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw badRequest(INVALID_JSON_MESSAGE);
  const patch: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name.includes("@")) continue; // instance annotations such as @odata.type
    const property = Object.keys(WRITABLE).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (!property || !valid(WRITABLE[property], value)) throw invalidValue(property ?? name);
    patch[property] = value;
  }
  const directory = state.tenant.directory;
  if (typeof patch.userPrincipalName === "string") {
    const upn = patch.userPrincipalName;
    const domain = upn.slice(upn.lastIndexOf("@") + 1).toLowerCase();
    if (!upn.includes("@") || domain !== TENANT_DOMAIN)
      throw badRequest("The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.", "Request_BadRequest");
    const other = directory.userByPrincipalName(upn);
    if (other && other.id !== user.id) throw badRequest("Another object with the same value for property userPrincipalName already exists.", "Request_BadRequest");
  }
  if (Object.keys(patch).length > 0) directory.updateUser(user.id, patch as Partial<DirectoryUser>);
  return noContent();
}

function manager(req: GraphRequest, state: EmulatorState, user: DirectoryUser): GraphResult {
  const boss = state.tenant.directory.manager(user.id);
  // The Graph text for a missing navigation target (user-list-manager: 404 when no manager is set).
  if (!boss) throw notFound("Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
  const select = singleSelect(req, userProperties(req.version), "user");
  return ok({
    "@odata.context": context(req, "directoryObjects/$entity"),
    "@odata.type": "#microsoft.graph.user",
    ...projectUser(boss, select, { version: req.version, basicOnly: basicProfileOnly(req.scopes) }),
  });
}

function memberOf(req: GraphRequest, state: EmulatorState, user: DirectoryUser, tail: string[], transitive: boolean): GraphResult {
  let rest = tail;
  const cast = castOf(rest[0]);
  if (rest.length > 0 && cast !== "group" && rest[0] !== "$count") throw segmentNotFound(rest[0]);
  if (cast) rest = rest.slice(1);
  const countOnly = rest[0] === "$count" && rest.length === 1;
  if (rest.length > 0 && !countOnly) throw segmentNotFound(rest[0]);
  if (countOnly) requireEventualForCount(req);
  if (req.method !== "GET") throw methodNotAllowed(["GET"]);
  const directory = state.tenant.directory;
  const groups = transitive ? directory.groupsOf(user.id) : directory.memberOf(user.id);
  const segment = transitive ? "transitiveMemberOf" : "memberOf";
  return listReference(req, {
    objects: groups.map((group) => ({ kind: "group", object: group })),
    basePath: `users/${encodeURIComponent(user.id)}/${segment}${cast ? "/microsoft.graph.group" : ""}`,
    cast,
    searchable: ["displayName"],
    countOnly,
    basicOnly: false,
  });
}

export async function handleUsers(req: GraphRequest, state: EmulatorState): Promise<GraphResult> {
  const [first, second] = req.segments;
  const keyed = KEY_SEGMENT.exec(first);
  if (!keyed && req.segments.length === 1) {
    requireAny(req.scopes, USERS_READ);
    if (req.method !== "GET") throw methodNotAllowed(["GET"]);
    return list(req, state, false);
  }
  if (!keyed && second === "$count" && req.segments.length === 2) {
    requireAny(req.scopes, USERS_READ);
    if (req.method !== "GET") throw methodNotAllowed(["GET"]);
    requireEventualForCount(req);
    return list(req, state, true);
  }
  const key = keyed ? keyed[1] : second;
  const tail = req.segments.slice(keyed ? 1 : 2);
  const navigation = tail[0]?.toLowerCase();
  const directory = state.tenant.directory;

  if (tail.length === 0) {
    if (req.method === "PATCH") {
      requireAny(req.scopes, USER_UPDATE);
      return update(req, state, resolveUser(directory, key));
    }
    requireAny(req.scopes, USER_GET);
    const user = resolveUser(directory, key);
    if (req.method !== "GET") throw methodNotAllowed(["GET", "PATCH"]);
    return get(req, user);
  }
  if (navigation === "memberof" || navigation === "transitivememberof") {
    requireAny(req.scopes, navigation === "memberof" ? USER_MEMBER_OF : USER_TRANSITIVE_MEMBER_OF);
    return memberOf(req, state, resolveUser(directory, key), tail.slice(1), navigation === "transitivememberof");
  }
  if (navigation === "approleassignments") {
    requireAny(req.scopes, USER_APP_ROLE_ASSIGNMENTS);
    const user = resolveUser(directory, key);
    if (tail.length > 1) throw segmentNotFound(tail[1]);
    if (req.method !== "GET") throw methodNotAllowed(["GET"]);
    // user-list-approleassignments: "This operation also returns app roles assigned to groups that the user is a direct member of."
    const principals = [user.id, ...directory.memberOf(user.id).map((group) => group.id)];
    const assignments = principals.flatMap((id) => state.tenant.assignments.ofPrincipal(id));
    return listAssignments(req, assignments, `users/${encodeURIComponent(user.id)}/appRoleAssignments`, "appRoleAssignments");
  }
  if (navigation === "manager") {
    requireAny(req.scopes, USER_MANAGER);
    const user = resolveUser(directory, key);
    if (tail.length > 1) throw segmentNotFound(tail[1]);
    if (req.method !== "GET") throw methodNotAllowed(["GET"]);
    return manager(req, state, user);
  }
  throw segmentNotFound(tail[0]);
}
