import type { IndexKey } from "./filter";
import type { ResourceTypeName } from "./schema";

/** At most this many resources (Users and Groups together); a create past it is refused (see README, Limits). */
export const MAX_RESOURCES = 100_000;

export type Data = Record<string, unknown>;

export interface Member {
  value: string;
  display?: string;
  type: ResourceTypeName;
}

export interface StoredResource {
  type: ResourceTypeName;
  id: string;
  /**
   * The resource as scimmy coerced it on write (attribute names in their schema spelling), with `id` and
   * `meta` (resourceType, created, lastModified, location, version) set on write.
   */
  data: Data;
  version: number;
}

/**
 * One target's resources, in memory, in creation order, with the indexes the filters use (filter.ts `keys`):
 * id, userName (lower-cased: caseExact false), externalId (caseExact true), Group displayName (lower-cased),
 * and group membership both ways (User `groups` is computed from it, RFC 7643 §4.1.2).
 */
export class Store {
  private readonly resources = { User: new Map<string, StoredResource>(), Group: new Map<string, StoredResource>() };
  private readonly userNames = new Map<string, string>();
  private readonly externalIds = { User: new Map<string, Set<string>>(), Group: new Map<string, Set<string>>() };
  private readonly displayNames = new Map<string, Set<string>>();
  /** member id → ids of the groups that list it directly. */
  private readonly memberOf = new Map<string, Set<string>>();

  get size(): number {
    return this.resources.User.size + this.resources.Group.size;
  }

  reset(): void {
    for (const map of [this.resources.User, this.resources.Group, this.userNames, this.externalIds.User, this.externalIds.Group, this.displayNames, this.memberOf]) map.clear();
  }

  get(type: ResourceTypeName, id: string): StoredResource | undefined {
    return this.resources[type].get(id);
  }

  /** The type of the resource with this id, if any (ids are UUIDs, unique across types). */
  typeOf(id: string): ResourceTypeName | undefined {
    return this.resources.User.has(id) ? "User" : this.resources.Group.has(id) ? "Group" : undefined;
  }

  all(type: ResourceTypeName): StoredResource[] {
    return [...this.resources[type].values()];
  }

  /** The resources that have at least one of the keys, in creation order (to be tested against the whole filter). */
  withKeys(type: ResourceTypeName, keys: IndexKey[]): StoredResource[] {
    const ids = new Set<string>();
    for (const { attribute, value } of keys) {
      if (attribute === "id") ids.add(value);
      else if (attribute === "userName") {
        const id = this.userNames.get(value);
        if (id) ids.add(id);
      } else {
        const found = (attribute === "externalId" ? this.externalIds[type] : this.displayNames).get(value);
        for (const id of found ?? []) ids.add(id);
      }
    }
    const found = [...ids].map((id) => this.resources[type].get(id)).filter((r): r is StoredResource => r !== undefined);
    return found.length > 1 ? this.all(type).filter((r) => ids.has(r.id)) : found;
  }

  /** The id of the User whose userName matches case-insensitively (RFC 7643 §4.1.1: unique, caseExact false). */
  userNameOwner(userName: string): string | undefined {
    return this.userNames.get(userName.toLowerCase());
  }

  put(resource: StoredResource): void {
    const previous = this.resources[resource.type].get(resource.id);
    if (previous) this.unindex(previous);
    this.resources[resource.type].set(resource.id, resource);
    this.index(resource);
  }

  remove(type: ResourceTypeName, id: string): StoredResource | undefined {
    const resource = this.resources[type].get(id);
    if (!resource) return undefined;
    this.unindex(resource);
    this.resources[type].delete(id);
    return resource;
  }

  /** Groups listing this id as a direct member. */
  directGroupsOf(id: string): StoredResource[] {
    return [...(this.memberOf.get(id) ?? [])].map((g) => this.resources.Group.get(g)).filter((g): g is StoredResource => g !== undefined);
  }

  /** Groups this id belongs to, directly or through nested groups (each once, direct first). */
  groupsOf(id: string): { group: StoredResource; direct: boolean }[] {
    const out: { group: StoredResource; direct: boolean }[] = [];
    const seen = new Set<string>([id]);
    let frontier = [id];
    let direct = true;
    while (frontier.length) {
      const next: string[] = [];
      for (const member of frontier) {
        for (const group of this.directGroupsOf(member)) {
          if (seen.has(group.id)) continue;
          seen.add(group.id);
          out.push({ group, direct });
          next.push(group.id);
        }
      }
      frontier = next;
      direct = false;
    }
    return out;
  }

  private index(r: StoredResource): void {
    const { data } = r;
    if (r.type === "User" && typeof data.userName === "string") this.userNames.set(data.userName.toLowerCase(), r.id);
    if (typeof data.externalId === "string") add(this.externalIds[r.type], data.externalId, r.id);
    if (r.type === "Group") {
      if (typeof data.displayName === "string") add(this.displayNames, data.displayName.toLowerCase(), r.id);
      for (const m of members(data)) add(this.memberOf, m.value, r.id);
    }
  }

  private unindex(r: StoredResource): void {
    const { data } = r;
    if (r.type === "User" && typeof data.userName === "string" && this.userNames.get(data.userName.toLowerCase()) === r.id) this.userNames.delete(data.userName.toLowerCase());
    if (typeof data.externalId === "string") drop(this.externalIds[r.type], data.externalId, r.id);
    if (r.type === "Group") {
      if (typeof data.displayName === "string") drop(this.displayNames, data.displayName.toLowerCase(), r.id);
      for (const m of members(data)) drop(this.memberOf, m.value, r.id);
    }
  }
}

export function members(data: Data): Member[] {
  return Array.isArray(data.members) ? (data.members as Member[]) : [];
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}

function drop(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}
