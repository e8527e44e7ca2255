import * as z from "zod/mini";
import { parseAnswer } from "./answers";
import { segment, type GraphGateway } from "./gateway";
import { odataString } from "./odata";

/**
 * Finding the person or group to provision on demand, as the portal does ("Search for a user by first name,
 * last name, display name, user principal name, or email address. Alternatively, … search for a group and pick
 * up to five users."): `startswith` filters, which users and groups support without advanced queries, or an
 * object id typed in full.
 */

export const SEARCH_RESULTS = 10;
/** A group's members are listed up to this many; beyond that the screen says so (Graph's largest page). */
export const MEMBERS_LISTED = 999;

const USER_SELECT = "id,displayName,userPrincipalName,mail,accountEnabled,userType";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const directoryUser = z.object({
  id: z.string(),
  displayName: z.nullish(z.string()),
  userPrincipalName: z.nullish(z.string()),
  mail: z.nullish(z.string()),
  accountEnabled: z.nullish(z.boolean()),
  userType: z.nullish(z.string()),
});
const directoryGroup = z.object({ id: z.string(), displayName: z.nullish(z.string()), description: z.nullish(z.string()) });

export type DirectoryUser = z.infer<typeof directoryUser>;
export type DirectoryGroup = z.infer<typeof directoryGroup>;

const startsWithAny = (properties: readonly string[], text: string) => properties.map((property) => `startswith(${property},${odataString(text)})`).join(" or ");

/** An object id typed in full is looked up; a 404 is "nobody". */
async function byId<T>(read: () => Promise<T>): Promise<T[]> {
  try {
    return [await read()];
  } catch (error) {
    if ((error as { info?: { kind?: string } }).info?.kind === "not-found") return [];
    throw error;
  }
}

export async function searchUsers(graph: GraphGateway, text: string, signal?: AbortSignal): Promise<DirectoryUser[]> {
  const query = text.trim();
  if (GUID.test(query)) {
    return byId(async () => parseAnswer(directoryUser, (await graph.request<unknown>({ method: "GET", path: `/users/${segment(query)}`, query: { $select: USER_SELECT } })).data, "the user"));
  }
  const page = await graph.page<unknown>(
    { path: "/users", query: { $filter: startsWithAny(["displayName", "givenName", "surname", "userPrincipalName", "mail"], query), $select: USER_SELECT, $top: SEARCH_RESULTS } },
    undefined,
    signal,
  );
  return parseAnswer(z.array(directoryUser), page.value, "the users");
}

export async function searchGroups(graph: GraphGateway, text: string, signal?: AbortSignal): Promise<DirectoryGroup[]> {
  const query = text.trim();
  if (GUID.test(query)) {
    return byId(async () => parseAnswer(directoryGroup, (await graph.request<unknown>({ method: "GET", path: `/groups/${segment(query)}`, query: { $select: "id,displayName,description" } })).data, "the group"));
  }
  const page = await graph.page<unknown>(
    { path: "/groups", query: { $filter: startsWithAny(["displayName", "mail", "mailNickname"], query), $select: "id,displayName,description", $top: SEARCH_RESULTS } },
    undefined,
    signal,
  );
  return parseAnswer(z.array(directoryGroup), page.value, "the groups");
}

/** The group's direct user members (on demand "doesn't support nested groups"); `more` when there are others beyond the page. */
export async function groupUserMembers(graph: GraphGateway, groupId: string, signal?: AbortSignal): Promise<{ members: DirectoryUser[]; more: boolean }> {
  const page = await graph.page<unknown>({ path: `/groups/${segment(groupId)}/members/microsoft.graph.user`, query: { $select: USER_SELECT, $top: MEMBERS_LISTED } }, undefined, signal);
  return { members: parseAnswer(z.array(directoryUser), page.value, "the group's members"), more: Boolean(page.nextLink) };
}
