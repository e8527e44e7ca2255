import type { Directory, DirectoryObject } from "../directory/directory";
import {
  GROUP_DEFAULT_PROPERTIES,
  GROUP_NOT_SELECTABLE,
  GROUP_PROPERTIES_BETA_EXTRA,
  GROUP_PROPERTIES_V1,
  USER_BASIC_PROPERTIES,
  USER_DEFAULT_PROPERTIES,
  USER_PROPERTIES_BETA_EXTRA,
  USER_PROPERTIES_V1,
  USER_SINGLE_ONLY_PROPERTIES,
  type DirectoryGroup,
  type DirectoryUser,
} from "../directory/types";
import { GraphError, badRequest, resourceNotFound } from "../http/errors";
import type { FilterNode } from "../odata/filter";
import {
  applyCollectionQuery,
  encodeSkipToken,
  isEventual,
  nextLink,
  parseCollectionQuery,
  systemOptions,
  type CollectionConfig,
  type CollectionQuery,
} from "../odata/query";
import { ok, type GraphRequest, type GraphResult, type GraphVersion } from "./types";

/**
 * Users, groups and mixed directoryObject collections (members, memberOf, …): which properties exist, which are
 * sent by default, what `$filter`/`$search` accept, and the answer shapes (`@odata.context`, `@odata.type`,
 * `@odata.count`, `@odata.nextLink`). Everything is projected from the stored objects through property lists, so
 * nothing the emulator keeps for itself can reach a response.
 */
const byLower = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name.toLowerCase(), name]));

export function userProperties(version: GraphVersion): readonly string[] {
  return version === "beta" ? [...USER_PROPERTIES_V1, ...USER_PROPERTIES_BETA_EXTRA] : USER_PROPERTIES_V1;
}

export function groupProperties(version: GraphVersion): readonly string[] {
  return version === "beta" ? [...GROUP_PROPERTIES_V1, ...GROUP_PROPERTIES_BETA_EXTRA] : GROUP_PROPERTIES_V1;
}

/** user resource page (v1.0): the properties whose description says "Supports `$filter`". */
const USER_FILTERABLE = [
  "accountEnabled", "ageGroup", "assignedLicenses", "assignedPlans", "businessPhones", "city", "companyName", "consentProvidedForMinor", "country",
  "createdDateTime", "creationType", "deletedDateTime", "department", "displayName", "employeeHireDate", "employeeId", "employeeOrgData", "employeeType",
  "externalUserState", "externalUserStateChangeDateTime", "faxNumber", "givenName", "id", "identities", "imAddresses", "jobTitle", "mail", "mailNickname",
  "mobilePhone", "officeLocation", "onPremisesExtensionAttributes", "onPremisesImmutableId", "onPremisesLastSyncDateTime", "onPremisesProvisioningErrors",
  "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "onPremisesUserPrincipalName", "otherMails", "passwordPolicies",
  "passwordProfile", "postalCode", "preferredLanguage", "provisionedPlans", "proxyAddresses", "showInAddressList", "state", "streetAddress", "surname",
  "usageLocation", "userPrincipalName", "userType",
];
const USER_COLLECTIONS = ["assignedlicenses", "assignedplans", "businessphones", "identities", "imaddresses", "onpremisesprovisioningerrors", "othermails", "provisionedplans", "proxyaddresses"];
/** user resource page: the filterable properties that list `startsWith` (`endsWith`: mail and userPrincipalName, advanced only). */
const USER_STARTS_WITH = new Set([
  "city", "companyName", "country", "displayName", "employeeId", "employeeType", "faxNumber", "givenName", "imAddresses", "jobTitle", "mail", "mailNickname",
  "mobilePhone", "officeLocation", "onPremisesSamAccountName", "onPremisesUserPrincipalName", "otherMails", "postalCode", "preferredLanguage",
  "proxyAddresses", "state", "streetAddress", "surname", "usageLocation", "userPrincipalName",
]);
const USER_ENDS_WITH = new Set(["mail", "userPrincipalName"]);

/** group filterable properties: the CSDL's scalar and string-collection properties the emulator stores (the group page is not in the fixtures). */
const GROUP_FILTERABLE = [
  "classification", "createdDateTime", "deletedDateTime", "description", "displayName", "expirationDateTime", "groupTypes", "hasMembersWithLicenseErrors",
  "id", "isAssignableToRole", "mail", "mailEnabled", "mailNickname", "membershipRule", "membershipRuleProcessingState", "onPremisesLastSyncDateTime",
  "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "preferredLanguage", "proxyAddresses", "renewedDateTime",
  "resourceProvisioningOptions", "securityEnabled", "securityIdentifier", "theme", "visibility",
];
const GROUP_COLLECTIONS = ["grouptypes", "proxyaddresses", "resourceprovisioningoptions", "resourcebehavioroptions", "infocatalogs"];

/** `/users`: page 100, max 999 (user-list paging); `$search` on displayName (user-list: "You can use `$search` on the displayName property"). */
export const USER_QUERY: CollectionConfig = {
  typeName: "user",
  resourceName: "User",
  filterable: byLower(USER_FILTERABLE),
  collections: USER_COLLECTIONS,
  searchable: ["displayName"],
  defaultTop: 100,
  maxTop: 999,
  orderByWithoutAdvanced: true,
};

/** `/groups`: group-list: "`$search` … supports tokenization only on the displayName and description fields". */
export const GROUP_QUERY: CollectionConfig = {
  typeName: "group",
  resourceName: "Group",
  filterable: byLower(GROUP_FILTERABLE),
  collections: GROUP_COLLECTIONS,
  searchable: ["displayName", "description"],
  defaultTop: 100,
  maxTop: 999,
  orderByWithoutAdvanced: true,
};

/**
 * Reference (navigation) collections (`members`, `memberOf`, their transitive forms): `$filter`, `$orderby` and `$count`
 * need the advanced query parameters (group-list-members: "This header and `$count` are required when using the
 * `$search`, `$filter`, `$orderby`, or OData cast query parameters"); members > 100 page with a nextLink.
 */
export function referenceQuery(typeName: string, searchable: string[]): CollectionConfig {
  return {
    typeName,
    resourceName: typeName === "user" ? "User" : typeName === "group" ? "Group" : "DirectoryObject",
    filterable: { ...byLower(GROUP_FILTERABLE), ...byLower(USER_FILTERABLE) },
    collections: [...new Set([...USER_COLLECTIONS, ...GROUP_COLLECTIONS])],
    searchable,
    defaultTop: 100,
    maxTop: 999,
  };
}

/**
 * Graph's answer to `$filter` on a reference property without ConsistencyLevel: eventual + `$count=true`: 400
 * Request_UnsupportedQuery (observed, e.g. on /groups/{id}/members and /users/{id}/directReports in public code).
 */
export const REFERENCE_FILTER_UNSUPPORTED = "The specified filter to the reference property query is currently not supported.";

/** `startsWith`/`endsWith` only where the user page lists them (the message Graph sends for unsupported clauses). */
export function checkUserFilterFunctions(node: FilterNode, variables: readonly string[] = []): void {
  switch (node.kind) {
    case "and":
    case "or":
      checkUserFilterFunctions(node.left, variables);
      checkUserFilterFunctions(node.right, variables);
      return;
    case "not":
      checkUserFilterFunctions(node.operand, variables);
      return;
    case "any":
      checkUserFilterFunctions(node.predicate, [...variables, node.variable]);
      return;
    case "func": {
      if (variables.includes(node.path)) return;
      const property = USER_QUERY.filterable[node.path.toLowerCase()] ?? node.path;
      const allowed = node.name === "startswith" ? USER_STARTS_WITH : USER_ENDS_WITH;
      if (!allowed.has(property))
        throw new GraphError(400, "Request_UnsupportedQuery", `Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`);
      return;
    }
    default:
      return;
  }
}

export interface ProjectOptions {
  version: GraphVersion;
  /** The caller holds User.ReadBasic.All only: other properties read as null. */
  basicOnly?: boolean;
}

/** A user as Graph sends it: the default properties, or the `$select`ed ones (unknown to the store → null). */
export function projectUser(user: DirectoryUser, select: readonly string[] | null, options: ProjectOptions): Record<string, unknown> {
  const names = select ?? USER_DEFAULT_PROPERTIES;
  const record = user as unknown as Record<string, unknown>;
  return Object.fromEntries(names.map((name) => [name, options.basicOnly && !USER_BASIC_PROPERTIES.has(name) ? null : (record[name] ?? null)]));
}

export function projectGroup(group: DirectoryGroup, select: readonly string[] | null): Record<string, unknown> {
  const names = (select ?? GROUP_DEFAULT_PROPERTIES).filter((name) => !GROUP_NOT_SELECTABLE.has(name));
  const record = group as unknown as Record<string, unknown>;
  return Object.fromEntries(names.map((name) => [name, record[name] ?? null]));
}

/** What `$filter`/`$search` see of a user: the basic profile only, for a User.ReadBasic.All caller. */
export function visibleUser(user: DirectoryUser, basicOnly: boolean): Record<string, unknown> {
  if (!basicOnly) return user as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.entries(user).map(([name, value]) => [name, USER_BASIC_PROPERTIES.has(name) ? value : null]));
}

/** user-list: "Attempting to use `$select` on the `/users` collection to retrieve properties that cannot be returned within a user collection … returns a `501 Not Implemented`" (body as observed: microsoft-graph-docs-contrib#5637). */
export function refuseSingleOnly(select: readonly string[] | null): void {
  if (select?.some((name) => USER_SINGLE_ONLY_PROPERTIES.has(name))) throw new GraphError(501, "NotImplemented", "This operation target is not yet supported.");
}

export const context = (req: GraphRequest, suffix: string) => `${req.origin}/${req.version}/$metadata#${suffix}`;
const selectSuffix = (select: readonly string[] | null) => (select ? `(${select.join(",")})` : "");

/** `$select` of a single object (`/users/{id}`, `/groups/{id}`): the only query option read there. */
export function singleSelect(req: GraphRequest, known: readonly string[], typeName: string): string[] | null {
  const raw = systemOptions(req.query).get("$select");
  if (raw === undefined) return null;
  const select: string[] = [];
  for (const name of raw.split(",").map((part) => part.trim()).filter(Boolean)) {
    const property = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (!property) throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.${typeName}'.`, "Request_BadRequest");
    if (!select.includes(property)) select.push(property);
  }
  return select;
}

export function entityContext(req: GraphRequest, set: string, select: readonly string[] | null): string {
  return context(req, `${set}${selectSuffix(select)}/$entity`);
}

/** The common tail of every collection answer: count on the first page, nextLink while more remain, then value. */
export function collectionBody(req: GraphRequest, q: CollectionQuery, basePath: string, contextSuffix: string, page: { total: number; nextOffset: number | null }, value: unknown[]): Record<string, unknown> {
  const body: Record<string, unknown> = { "@odata.context": context(req, contextSuffix) };
  if (q.count && q.offset === 0) body["@odata.count"] = page.total;
  if (page.nextOffset !== null) body["@odata.nextLink"] = nextLink(`${req.origin}/${req.version}/${basePath}`, req.query, encodeSkipToken(page.nextOffset, q.fingerprint));
  body.value = value;
  return body;
}

export const countResult = (total: number): GraphResult => ({ status: 200, body: String(total), headers: { "Content-Type": "text/plain;charset=utf-8" } });

/** `$count` as a path segment needs ConsistencyLevel: eventual (as on /servicePrincipals/$count). */
export function requireEventualForCount(req: GraphRequest): void {
  if (!isEventual(req.headers)) throw badRequest("$count is not currently supported.", "Request_BadRequest");
}

/** An OData cast segment (`…/microsoft.graph.user`), case-insensitive; null for anything else. */
export function castOf(segment: string | undefined): "user" | "group" | null {
  const lower = segment?.toLowerCase();
  return lower === "microsoft.graph.user" ? "user" : lower === "microsoft.graph.group" ? "group" : null;
}

export interface ReferenceListOptions {
  objects: DirectoryObject[];
  /** Path after the version for nextLink, e.g. `groups/{id}/members`. */
  basePath: string;
  cast: "user" | "group" | null;
  searchable: string[];
  /** `…/$count`: answer the number as text/plain. */
  countOnly: boolean;
  basicOnly: boolean;
}

/**
 * A reference collection of directory objects: each item carries its `@odata.type` (group-list-members,
 * user-list-memberof examples); a cast keeps one type and answers as that type's set (`#users(displayName,id)`).
 */
export function listReference(req: GraphRequest, options: ReferenceListOptions): GraphResult {
  const { cast } = options;
  const known = cast === "user" ? userProperties(req.version) : cast === "group" ? groupProperties(req.version) : [...new Set([...userProperties(req.version), ...groupProperties(req.version)])];
  const config = referenceQuery(cast ?? "directoryObject", options.searchable);
  const systemQuery = systemOptions(req.query);
  const advanced = isEventual(req.headers) && (options.countOnly || systemQuery.get("$count")?.toLowerCase() === "true");
  if (systemQuery.has("$filter") && !advanced) throw new GraphError(400, "Request_UnsupportedQuery", REFERENCE_FILTER_UNSUPPORTED);
  const q = parseCollectionQuery(req.query, req.headers, config, known, options.countOnly);
  const objects = cast ? options.objects.filter((member) => member.kind === cast) : options.objects;
  const kinds = new Map<Record<string, unknown>, DirectoryObject>();
  const records = objects.map((member) => {
    const record = member.kind === "user" ? visibleUser(member.object, options.basicOnly) : (member.object as unknown as Record<string, unknown>);
    kinds.set(record, member);
    return record;
  });
  if (options.countOnly) return countResult(applyCollectionQuery(records, { ...q, offset: 0 }, config).total);
  const page = applyCollectionQuery(records, q, config);
  const userNames = new Set(userProperties(req.version));
  const groupNames = new Set(groupProperties(req.version));
  const value = page.items.map((record) => {
    const member = kinds.get(record)!;
    const projected =
      member.kind === "user"
        ? projectUser(member.object, q.select?.filter((name) => userNames.has(name)) ?? null, { version: req.version, basicOnly: options.basicOnly })
        : projectGroup(member.object, q.select?.filter((name) => groupNames.has(name)) ?? null);
    return cast ? projected : { "@odata.type": `#microsoft.graph.${member.kind}`, ...projected };
  });
  const contextSuffix = `${cast ? `${cast}s` : "directoryObjects"}${selectSuffix(q.select)}`;
  return ok(collectionBody(req, q, options.basePath, contextSuffix, page, value));
}

/** `/users/{id | userPrincipalName}` (and `/users('…')`): by id, else by UPN; 404 as Graph words it. */
export function resolveUser(directory: Directory, key: string): DirectoryUser {
  const user = directory.user(key) ?? directory.userByPrincipalName(key);
  if (!user) throw resourceNotFound(key);
  return user;
}

export function resolveGroup(directory: Directory, key: string): DirectoryGroup {
  const group = directory.group(key);
  if (!group) throw resourceNotFound(key);
  return group;
}
