import { createHash } from "node:crypto";
import type { AppRoleAssignment } from "./types";

/**
 * App role assignments (who is assigned to which app). Ids have the shape of Graph's: 43 base64url
 * characters, the first 16 bytes being the principal's object id in .NET GUID byte order (that is what the
 * docs' examples decode to: `41W1zT6z1U-…` ↔ principal `cdb555e3-…`); the other 16 bytes are opaque
 * (here: derived from resource, principal, role and a counter, so seeds are deterministic).
 */
export interface NewAssignment {
  principalId: string;
  principalType: AppRoleAssignment["principalType"];
  principalDisplayName: string | null;
  resourceId: string;
  resourceDisplayName: string | null;
  appRoleId: string;
  createdDateTime: string;
}

/** A GUID's 16 bytes in Microsoft's (little-endian first three fields) order. */
function guidBytes(guid: string): Buffer {
  const hex = guid.replace(/-/g, "");
  const swap = (part: string) => part.match(/../g)!.reverse().join("");
  return Buffer.from(swap(hex.slice(0, 8)) + swap(hex.slice(8, 12)) + swap(hex.slice(12, 16)) + hex.slice(16), "hex");
}

export function assignmentId(principalId: string, salt: string): string {
  const tail = createHash("sha256").update(salt).digest().subarray(0, 16);
  return Buffer.concat([guidBytes(principalId), tail]).toString("base64url");
}

export class Assignments {
  /** Bumped on every add or remove. */
  version = 0;
  private readonly byResource = new Map<string, AppRoleAssignment[]>();
  private created = 0;

  /** The assignments to one app (resource service principal), oldest first. */
  of(resourceId: string): AppRoleAssignment[] {
    return [...(this.byResource.get(resourceId.toLowerCase()) ?? [])];
  }

  /** The assignments made directly to one user, group or service principal. */
  ofPrincipal(principalId: string): AppRoleAssignment[] {
    const id = principalId.toLowerCase();
    return [...this.byResource.values()].flatMap((list) => list.filter((assignment) => assignment.principalId.toLowerCase() === id));
  }

  get(resourceId: string, id: string): AppRoleAssignment | undefined {
    return this.byResource.get(resourceId.toLowerCase())?.find((assignment) => assignment.id === id);
  }

  /** The assignment of this principal to this role of this app, if any (Graph refuses a second one). */
  find(resourceId: string, principalId: string, appRoleId: string): AppRoleAssignment | undefined {
    const [principal, role] = [principalId.toLowerCase(), appRoleId.toLowerCase()];
    return this.byResource.get(resourceId.toLowerCase())?.find((a) => a.principalId.toLowerCase() === principal && a.appRoleId.toLowerCase() === role);
  }

  all(): AppRoleAssignment[] {
    return [...this.byResource.values()].flat();
  }

  add(input: NewAssignment): AppRoleAssignment {
    const assignment: AppRoleAssignment = {
      id: assignmentId(input.principalId, `${input.resourceId}|${input.principalId}|${input.appRoleId}|${this.created++}`),
      deletedDateTime: null,
      appRoleId: input.appRoleId,
      createdDateTime: input.createdDateTime,
      principalDisplayName: input.principalDisplayName,
      principalId: input.principalId,
      principalType: input.principalType,
      resourceDisplayName: input.resourceDisplayName,
      resourceId: input.resourceId,
    };
    const key = input.resourceId.toLowerCase();
    this.byResource.set(key, [...(this.byResource.get(key) ?? []), assignment]);
    this.version++;
    return assignment;
  }

  /** Removes one assignment of an app; false when the app has no assignment with that id. */
  remove(resourceId: string, id: string): boolean {
    const key = resourceId.toLowerCase();
    const list = this.byResource.get(key) ?? [];
    const next = list.filter((assignment) => assignment.id !== id);
    if (next.length === list.length) return false;
    this.byResource.set(key, next);
    this.version++;
    return true;
  }
}
