import type { DirectoryGroup } from "../directory/types";
import { methodNotAllowed, segmentNotFound } from "../http/errors";
import { applyCollectionQuery, parseCollectionQuery } from "../odata/query";
import {
  castOf,
  collectionBody,
  countResult,
  entityContext,
  GROUP_QUERY,
  groupProperties,
  listReference,
  projectGroup,
  requireEventualForCount,
  resolveGroup,
  singleSelect,
} from "./directoryObjects";
import { GROUP_APP_ROLE_ASSIGNMENTS, GROUP_GET, GROUP_MEMBERS, GROUP_TRANSITIVE_MEMBERS, GROUPS_READ, requireAny } from "./directoryPermissions";
import { listAssignments } from "./appRoleAssignedTo";
import { ok, type EmulatorState, type GraphRequest, type GraphResult } from "./types";

/** `/groups`, `/groups/$count`, `/groups/{id}`, `/groups/{id}/members`, `/groups/{id}/transitiveMembers` and `/groups/{id}/appRoleAssignments` (GET). */
function list(req: GraphRequest, state: EmulatorState, countOnly: boolean): GraphResult {
  const q = parseCollectionQuery(req.query, req.headers, GROUP_QUERY, groupProperties(req.version), countOnly);
  const groups = state.tenant.directory.groups as unknown as Record<string, unknown>[];
  if (countOnly) return countResult(applyCollectionQuery(groups, { ...q, offset: 0 }, GROUP_QUERY).total);
  const page = applyCollectionQuery(groups, q, GROUP_QUERY);
  const value = (page.items as unknown as DirectoryGroup[]).map((group) => projectGroup(group, q.select));
  return ok(collectionBody(req, q, "groups", q.select ? `groups(${q.select.join(",")})` : "groups", page, value));
}

function members(req: GraphRequest, state: EmulatorState, group: DirectoryGroup, tail: string[], transitive: boolean): GraphResult {
  let rest = tail;
  const cast = castOf(rest[0]);
  if (cast) rest = rest.slice(1);
  const countOnly = rest.length === 1 && rest[0] === "$count";
  if (rest.length > 0 && !countOnly) throw segmentNotFound(rest[0]);
  if (req.method !== "GET") throw methodNotAllowed(["GET"]);
  if (countOnly) requireEventualForCount(req);
  const directory = state.tenant.directory;
  const segment = transitive ? "transitiveMembers" : "members";
  return listReference(req, {
    objects: transitive ? directory.transitiveMembers(group.id) : directory.members(group.id),
    basePath: `groups/${encodeURIComponent(group.id)}/${segment}${cast ? `/microsoft.graph.${cast}` : ""}`,
    cast,
    // group-list-members: `$search` on displayName and description (v1.0), displayName (beta).
    searchable: req.version === "v1.0" ? ["displayName", "description"] : ["displayName"],
    countOnly,
    // Graph returns members the caller may not fully read "with limited information" (docs' limited-info note); not emulated.
    basicOnly: false,
  });
}

export async function handleGroups(req: GraphRequest, state: EmulatorState): Promise<GraphResult> {
  const [, second] = req.segments;
  if (req.segments.length === 1) {
    requireAny(req.scopes, GROUPS_READ);
    if (req.method !== "GET") throw methodNotAllowed(["GET"]);
    return list(req, state, false);
  }
  if (second === "$count" && req.segments.length === 2) {
    requireAny(req.scopes, GROUPS_READ);
    if (req.method !== "GET") throw methodNotAllowed(["GET"]);
    requireEventualForCount(req);
    return list(req, state, true);
  }
  const tail = req.segments.slice(2);
  const navigation = tail[0]?.toLowerCase();
  const directory = state.tenant.directory;
  if (tail.length === 0) {
    requireAny(req.scopes, GROUP_GET[req.version]);
    const group = resolveGroup(directory, second);
    if (req.method !== "GET") throw methodNotAllowed(["GET"]);
    const select = singleSelect(req, groupProperties(req.version), "group");
    return ok({ "@odata.context": entityContext(req, "groups", select), ...projectGroup(group, select) });
  }
  if (navigation === "members") {
    requireAny(req.scopes, GROUP_MEMBERS[req.version]);
    return members(req, state, resolveGroup(directory, second), tail.slice(1), false);
  }
  if (navigation === "transitivemembers") {
    requireAny(req.scopes, GROUP_TRANSITIVE_MEMBERS);
    return members(req, state, resolveGroup(directory, second), tail.slice(1), true);
  }
  if (navigation === "approleassignments") {
    requireAny(req.scopes, GROUP_APP_ROLE_ASSIGNMENTS);
    const group = resolveGroup(directory, second);
    if (tail.length > 1) throw segmentNotFound(tail[1]);
    if (req.method !== "GET") throw methodNotAllowed(["GET"]);
    return listAssignments(req, state.tenant.assignments.ofPrincipal(group.id), `groups/${encodeURIComponent(group.id)}/appRoleAssignments`, "appRoleAssignments");
  }
  throw segmentNotFound(tail[0]);
}
