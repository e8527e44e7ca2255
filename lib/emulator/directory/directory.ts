import type { DirectoryGroup, DirectoryUser } from "./types";

/**
 * The tenant's people and groups. Users and groups are the Graph JSON shapes; memberships and managers are
 * relationships in Graph (`members`, `manager`), so they live here, never on the objects (nothing internal
 * can leak into a response). Every change bumps `version`, which the provisioning engine watches.
 */
export type DirectoryObject = { kind: "user"; object: DirectoryUser } | { kind: "group"; object: DirectoryGroup };

export interface DirectorySeed {
  users: DirectoryUser[];
  groups: DirectoryGroup[];
  /** group id → direct member ids (users or groups), in order. */
  members: Record<string, string[]>;
  /** user id → manager's user id. */
  managers: Record<string, string>;
}

/** Properties `updateUser` refuses to change: the key and what Graph computes. */
const IMMUTABLE: ReadonlySet<string> = new Set(["id", "createdDateTime", "securityIdentifier", "deletedDateTime"]);

export class Directory {
  readonly users: DirectoryUser[];
  readonly groups: DirectoryGroup[];
  /** Bumped on every change of users, groups or memberships. */
  version = 0;
  private readonly usersById = new Map<string, DirectoryUser>();
  private readonly usersByUpn = new Map<string, DirectoryUser>();
  private readonly groupsById = new Map<string, DirectoryGroup>();
  private readonly memberLists = new Map<string, string[]>();
  private readonly managerOf = new Map<string, string>();

  constructor(seed: DirectorySeed = { users: [], groups: [], members: {}, managers: {} }) {
    this.users = [...seed.users];
    this.groups = [...seed.groups];
    for (const user of this.users) {
      this.usersById.set(user.id.toLowerCase(), user);
      this.usersByUpn.set(user.userPrincipalName.toLowerCase(), user);
    }
    for (const group of this.groups) this.groupsById.set(group.id.toLowerCase(), group);
    for (const [groupId, ids] of Object.entries(seed.members)) {
      const group = this.group(groupId);
      if (!group) throw new Error(`members of unknown group ${groupId}`);
      for (const id of ids) if (!this.object(id)) throw new Error(`unknown member ${id} of ${group.displayName}`);
      this.memberLists.set(group.id, [...new Set(ids.map((id) => this.object(id)!.object.id))]);
    }
    for (const [userId, managerId] of Object.entries(seed.managers)) {
      if (!this.user(userId) || !this.user(managerId)) throw new Error(`bad manager ${userId} → ${managerId}`);
      this.managerOf.set(this.user(userId)!.id, this.user(managerId)!.id);
    }
  }

  user(id: string): DirectoryUser | undefined {
    return this.usersById.get(id.toLowerCase());
  }

  /** Graph's alternate key: `/users/{userPrincipalName}` (case-insensitive). */
  userByPrincipalName(upn: string): DirectoryUser | undefined {
    return this.usersByUpn.get(upn.toLowerCase());
  }

  group(id: string): DirectoryGroup | undefined {
    return this.groupsById.get(id.toLowerCase());
  }

  object(id: string): DirectoryObject | undefined {
    const user = this.user(id);
    if (user) return { kind: "user", object: user };
    const group = this.group(id);
    return group ? { kind: "group", object: group } : undefined;
  }

  /** Direct member ids of a group (users and groups), in membership order. */
  memberIds(groupId: string): readonly string[] {
    const group = this.group(groupId);
    return group ? (this.memberLists.get(group.id) ?? []) : [];
  }

  /** Direct members (`/groups/{id}/members`). */
  members(groupId: string): DirectoryObject[] {
    return this.memberIds(groupId).map((id) => this.object(id)!);
  }

  /** Members through nested groups, each once, breadth-first (`/groups/{id}/transitiveMembers`). */
  transitiveMembers(groupId: string): DirectoryObject[] {
    const start = this.group(groupId);
    if (!start) return [];
    const seen = new Set<string>([start.id]);
    const out: DirectoryObject[] = [];
    const queue = [start.id];
    for (let i = 0; i < queue.length; i++) {
      for (const id of this.memberIds(queue[i])) {
        if (seen.has(id)) continue;
        seen.add(id);
        const member = this.object(id)!;
        out.push(member);
        if (member.kind === "group") queue.push(id);
      }
    }
    return out;
  }

  /** Users of a group, through nested groups, each once. */
  transitiveUserMembers(groupId: string): DirectoryUser[] {
    return this.transitiveMembers(groupId).flatMap((member) => (member.kind === "user" ? [member.object] : []));
  }

  /** Groups an object (user or group) is a direct member of (`/users/{id}/memberOf`). */
  memberOf(objectId: string): DirectoryGroup[] {
    const target = this.object(objectId);
    if (!target) return [];
    return this.groups.filter((group) => this.memberIds(group.id).includes(target.object.id));
  }

  /** Groups a user (or group) is in, directly or through nesting, each once (`/users/{id}/transitiveMemberOf`). */
  groupsOf(userId: string): DirectoryGroup[] {
    const target = this.object(userId);
    if (!target) return [];
    const seen = new Set<string>([target.object.id]);
    const out: DirectoryGroup[] = [];
    const queue = [target.object.id];
    for (let i = 0; i < queue.length; i++) {
      for (const group of this.memberOf(queue[i])) {
        if (seen.has(group.id)) continue;
        seen.add(group.id);
        out.push(group);
        queue.push(group.id);
      }
    }
    return out;
  }

  manager(userId: string): DirectoryUser | undefined {
    const id = this.user(userId)?.id;
    const managerId = id ? this.managerOf.get(id) : undefined;
    return managerId ? this.user(managerId) : undefined;
  }

  directReports(userId: string): DirectoryUser[] {
    const id = this.user(userId)?.id;
    return id ? this.users.filter((user) => this.managerOf.get(user.id) === id) : [];
  }

  /** Changes a user in place (the object stays the same) and bumps `version`. */
  updateUser(id: string, patch: Partial<DirectoryUser>): DirectoryUser {
    const user = this.user(id);
    if (!user) throw new Error(`no user ${id}`);
    for (const key of Object.keys(patch)) if (IMMUTABLE.has(key)) throw new Error(`'${key}' cannot be changed`);
    if (patch.userPrincipalName !== undefined) {
      const other = this.userByPrincipalName(patch.userPrincipalName);
      if (other && other !== user) throw new Error(`userPrincipalName ${patch.userPrincipalName} is taken`);
      this.usersByUpn.delete(user.userPrincipalName.toLowerCase());
      this.usersByUpn.set(patch.userPrincipalName.toLowerCase(), user);
    }
    Object.assign(user, patch);
    this.version++;
    return user;
  }

  setManager(userId: string, managerId: string | null): void {
    const user = this.user(userId);
    if (!user) throw new Error(`no user ${userId}`);
    if (managerId === null) this.managerOf.delete(user.id);
    else {
      const manager = this.user(managerId);
      if (!manager || manager === user) throw new Error(`bad manager ${managerId}`);
      this.managerOf.set(user.id, manager.id);
    }
    this.version++;
  }

  /** Adds a direct member (user or group) to a group; no-op (no bump) when already a member. */
  addMember(groupId: string, memberId: string): void {
    const group = this.group(groupId);
    const member = this.object(memberId);
    if (!group || !member) throw new Error(`bad membership ${memberId} → ${groupId}`);
    const list = this.memberLists.get(group.id) ?? [];
    if (list.includes(member.object.id)) return;
    this.memberLists.set(group.id, [...list, member.object.id]);
    this.version++;
  }

  removeMember(groupId: string, memberId: string): void {
    const group = this.group(groupId);
    const list = group ? (this.memberLists.get(group.id) ?? []) : [];
    const id = this.object(memberId)?.object.id;
    if (!group || !id || !list.includes(id)) return;
    this.memberLists.set(group.id, list.filter((candidate) => candidate !== id));
    this.version++;
  }
}
