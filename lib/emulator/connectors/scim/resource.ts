/**
 * A target account's attributes as the engine's mappings name them (`userName`, `name.givenName`,
 * `emails[type eq "work"].value`, `urn:…:enterprise:2.0:User:department`, `members`) and the SCIM 2.0 resources
 * and PATCH operations they become (RFC 7643 §4, RFC 7644 §3.5.2; the request flow of Entra's SCIM tutorial).
 * Only these path forms occur in the mappings; anything else is sent as a top-level attribute.
 */

export const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export type FlatValues = Record<string, string | null>;
/** The SCIM type of a target attribute (the target directory's attribute `type`), by name. */
export type AttributeTypes = Record<string, string | undefined>;
type Json = Record<string, unknown>;

interface ParsedPath {
  /** The schema URN of an extension attribute, else null (the resource's core schema). */
  extension: string | null;
  attribute: string;
  /** `emails[type eq "work"]`: the element whose `type` is "work". */
  filterType: string | null;
  subAttribute: string | null;
}

const FILTERED = /^([A-Za-z][\w$-]*)\[type eq "([^"]*)"\]\.([A-Za-z][\w$-]*)$/;

export function parsePath(path: string): ParsedPath {
  let extension: string | null = null;
  let rest = path;
  if (path.startsWith("urn:")) {
    const split = path.lastIndexOf(":");
    extension = path.slice(0, split);
    rest = path.slice(split + 1);
  }
  const filtered = FILTERED.exec(rest);
  if (filtered) return { extension, attribute: filtered[1], filterType: filtered[2], subAttribute: filtered[3] };
  const [attribute, subAttribute = null] = rest.split(".", 2);
  return { extension, attribute, filterType: null, subAttribute };
}

/** The JSON value of a flat string for its attribute type: SCIM booleans and integers are not strings. */
export function typedValue(value: string | null, type: string | undefined): unknown {
  if (value === null) return null;
  if (type?.toLowerCase() === "boolean") return value.trim().toLowerCase() === "true";
  if (type?.toLowerCase() === "integer" && /^-?\d+$/.test(value.trim())) return Number(value);
  return value;
}

/** The flat string of a JSON value, as the mappings compare them ("True"/"False" as Switch([IsSoftDeleted]) gives). */
function flatValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string" || typeof value === "number") return String(value);
  return null;
}

const memberIds = (value: string | null) => (value ? value.split(",").filter(Boolean) : []);

/** The body of `POST /Users` or `POST /Groups`: the mapped attributes, null ones left out; a group's members added later. */
export function resourceBody(objectType: "User" | "Group", values: FlatValues, types: AttributeTypes): Json {
  const body: Json = { schemas: [objectType === "User" ? CORE_USER : CORE_GROUP] };
  for (const [path, value] of Object.entries(values)) {
    if (value === null || path === "members") continue;
    const parsed = parsePath(path);
    let holder = body;
    if (parsed.extension) {
      if (!(body.schemas as string[]).includes(parsed.extension)) (body.schemas as string[]).push(parsed.extension);
      holder = (body[parsed.extension] ??= {}) as Json;
    }
    const typed = typedValue(value, types[path]);
    if (parsed.filterType !== null) {
      const list = (holder[parsed.attribute] ??= []) as Json[];
      let element = list.find((item) => item.type === parsed.filterType);
      if (!element) list.push((element = { type: parsed.filterType, primary: list.length === 0 }));
      element[parsed.subAttribute!] = typed;
    } else if (parsed.subAttribute) {
      ((holder[parsed.attribute] ??= {}) as Json)[parsed.subAttribute] = typed;
    } else holder[parsed.attribute] = typed;
  }
  if (objectType === "Group") body.members = [];
  return body;
}

/** One mapped attribute read back from a SCIM resource (a group's `members` as the sorted, comma-joined ids). */
export function readAttribute(resource: Json, path: string): string | null {
  if (path === "members") {
    const members = Array.isArray(resource.members) ? resource.members : [];
    return members.map((member) => flatValue((member as Json)?.value)).filter((id): id is string => Boolean(id)).sort().join(",");
  }
  const parsed = parsePath(path);
  const holder = parsed.extension ? (resource[parsed.extension] as Json | undefined) : resource;
  const value = holder?.[parsed.attribute];
  if (parsed.filterType !== null) {
    const element = Array.isArray(value) ? (value as Json[]).find((item) => item?.type === parsed.filterType) : undefined;
    return flatValue(element?.[parsed.subAttribute!]);
  }
  if (parsed.subAttribute) return flatValue((value as Json | undefined)?.[parsed.subAttribute]);
  return flatValue(value);
}

export function readAttributes(resource: Json, paths: readonly string[]): FlatValues {
  return Object.fromEntries(paths.map((path) => [path, readAttribute(resource, path)]));
}

export interface PatchOperation {
  op: "add" | "replace" | "remove";
  path: string;
  value?: unknown;
}

/**
 * The PATCH operations that take an account from `before` to `after` (only the attributes that changed):
 * `replace` a value, `remove` one that became null, `add` into a typed list that has no such element yet, and
 * a group's members as `add` / `remove` of the ids that joined or left.
 */
export function patchOperations(before: FlatValues, after: FlatValues, types: AttributeTypes): PatchOperation[] {
  const operations: PatchOperation[] = [];
  for (const [path, value] of Object.entries(after)) {
    const old = before[path] ?? null;
    if (old === value) continue;
    if (path === "members") {
      const was = new Set(memberIds(old));
      const now = new Set(memberIds(value));
      const added = [...now].filter((id) => !was.has(id));
      const removed = [...was].filter((id) => !now.has(id));
      if (added.length) operations.push({ op: "add", path: "members", value: added.map((id) => ({ value: id })) });
      if (removed.length) operations.push({ op: "remove", path: "members", value: removed.map((id) => ({ value: id })) });
      continue;
    }
    if (value === null) {
      operations.push({ op: "remove", path });
      continue;
    }
    const parsed = parsePath(path);
    if (old === null && parsed.filterType !== null) {
      const list = `${parsed.extension ? `${parsed.extension}:` : ""}${parsed.attribute}`;
      operations.push({ op: "add", path: list, value: [{ type: parsed.filterType, [parsed.subAttribute!]: typedValue(value, types[path]) }] });
      continue;
    }
    operations.push({ op: "replace", path, value: typedValue(value, types[path]) });
  }
  return operations;
}

export const patchBody = (operations: PatchOperation[]) => ({ schemas: [PATCH_OP], Operations: operations });

/** A SCIM filter's string literal (RFC 7644 §3.4.2.2: JSON string rules). */
export const filterLiteral = (value: string) => JSON.stringify(value);
