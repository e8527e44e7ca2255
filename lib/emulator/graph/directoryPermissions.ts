import { insufficientPrivileges } from "./permissions";
import type { GraphVersion } from "./types";

/**
 * Delegated permissions of the directory routes, as each docs page lists them ("Permissions (from least to most
 * privileged)"). Pages in test/fixtures/graph-docs/docs/{beta,v1.0}/ unless marked †: read from
 * microsoftgraph/microsoft-graph-docs-contrib (api-reference/v1.0/includes/permissions/*-permissions.md), or the
 * permissions reference ‡. Where v1.0 and beta pages disagree, each version follows its own page. A caller without
 * any of them gets Graph's 403 Authorization_RequestDenied. The emulator has no "self" (User.Read on /me or on the
 * caller's own user): the request does not carry the caller's identity to the routes.
 */
type Rule = readonly string[];

/** user-list (both versions). Directory.AccessAsUser.All is a delegated-only permission. */
export const USERS_READ: Rule = ["User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"];
/** user-get (both versions): the same minus Directory.AccessAsUser.All (User.Read / User.ReadWrite: self only). */
export const USER_GET: Rule = ["User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
/** Permissions that may read more than the basic profile (User.ReadBasic.All alone sees only it). */
export const USERS_FULL_PROFILE: Rule = ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"];
/** user-update † (v1.0 page, older revision; beta has no page here): User.ReadWrite (self) is not emulated. */
export const USER_UPDATE: Rule = ["User.ReadWrite.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"];
/**
 * user-list-memberof †: Directory.Read.All, Directory.ReadWrite.All, GroupMember.Read.All (User.Read: self). The
 * permissions reference ‡ adds "to read the group memberships of a user (memberOf), the app must have either
 * Group.Read.All or Group.ReadWrite.All"; an older page revision lists Directory.AccessAsUser.All. Union of the three.
 */
export const USER_MEMBER_OF: Rule = ["Directory.Read.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All", "GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All"];
/** user-list-transitivememberof †. */
export const USER_TRANSITIVE_MEMBER_OF: Rule = ["Directory.Read.All", "Directory.ReadWrite.All", "Group.Read.All", "GroupMember.Read.All", "User.Read.All"];
/** user-list-approleassignments † (v1.0 page; also used for beta). */
export const USER_APP_ROLE_ASSIGNMENTS: Rule = ["User.ReadBasic.All", "Directory.Read.All", "AppRoleAssignment.ReadWrite.All"];
/** user-list-manager: "to read … the manager … the app must have either User.Read.All or User.ReadWrite.All" ‡; Directory.* as everywhere. */
export const USER_MANAGER: Rule = ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"];

/** group-list (both versions). */
export const GROUPS_READ: Rule = ["Group.Read.All", "Directory.Read.All", "Group.ReadWrite.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"];
/** group-get: v1.0 adds GroupMember.Read.All and omits Directory.AccessAsUser.All; beta as group-list. */
export const GROUP_GET: Record<GraphVersion, Rule> = {
  "v1.0": ["GroupMember.Read.All", "Group.Read.All", "Directory.Read.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"],
  beta: ["Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"],
};
/** group-list-members: the beta page (older) lists only Group.Read.All and Directory.Read.All. */
export const GROUP_MEMBERS: Record<GraphVersion, Rule> = {
  "v1.0": ["GroupMember.Read.All", "Group.Read.All", "GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.Read.All"],
  beta: ["Group.Read.All", "Directory.Read.All"],
};
/** group-list-transitivemembers †. */
export const GROUP_TRANSITIVE_MEMBERS: Rule = [
  "GroupMember.ReadBasic.All", "Directory.Read.All", "Group.Read.All", "Group.ReadBasic.All", "Group.ReadWrite.All", "GroupMember.Read.All", "GroupMember.ReadWrite.All",
];

/** group-list-approleassignments †: Directory.Read.All least privileged; AppRoleAssignment.ReadWrite.All, Directory.ReadWrite.All higher. */
export const GROUP_APP_ROLE_ASSIGNMENTS: Rule = ["Directory.Read.All", "AppRoleAssignment.ReadWrite.All", "Directory.ReadWrite.All"];
/** serviceprincipal-list-approleassignedto (both versions). */
export const APP_ROLE_ASSIGNED_TO_READ: Rule = ["Application.Read.All", "Directory.Read.All", "Application.ReadWrite.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"];
/** serviceprincipal-delete-approleassignedto (both versions). */
export const APP_ROLE_ASSIGNED_TO_DELETE: Rule = ["AppRoleAssignment.ReadWrite.All"];

const hasAny = (scopes: ReadonlySet<string>, rule: Rule) => rule.some((scope) => scopes.has(scope));

export function requireAny(scopes: ReadonlySet<string>, rule: Rule): void {
  if (!hasAny(scopes, rule)) throw insufficientPrivileges();
}

/**
 * serviceprincipal-post-approleassignedto: "AppRoleAssignment.ReadWrite.All and Application.Read.All,
 * AppRoleAssignment.ReadWrite.All and Directory.Read.All"; v1.0 also Application.ReadWrite.All,
 * Directory.ReadWrite.All or Directory.AccessAsUser.All alone (the beta page does not list those).
 */
export function requireAppRoleAssignmentWrite(scopes: ReadonlySet<string>, version: GraphVersion): void {
  const pair = scopes.has("AppRoleAssignment.ReadWrite.All") && (scopes.has("Application.Read.All") || scopes.has("Directory.Read.All"));
  const alone = version === "v1.0" && hasAny(scopes, ["Application.ReadWrite.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"]);
  if (!pair && !alone) throw insufficientPrivileges();
}

/** True when the caller may only read the basic profile (User.ReadBasic.All without a broader permission). */
export function basicProfileOnly(scopes: ReadonlySet<string>): boolean {
  return !hasAny(scopes, USERS_FULL_PROFILE);
}
