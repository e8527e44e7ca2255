import SCIMMY from "scimmy";
import { ScimError, badRequest, fromScimmy } from "./errors";
import { findAttribute, ownAttributes, resolvePath, type Attribute, type ResourceType } from "./schema";
import { members, type Data, type Member, type Store, type StoredResource } from "./store";

/**
 * Turning request bodies into stored resources and stored resources into representations.
 *
 * Validation is scimmy's (`new SCIMMY.Schemas.User(body, "in")`: types, required attributes, multi-valued
 * shapes, canonical values, readOnly attributes dropped) plus what scimmy leaves out and RFC 7643/7644 ask for:
 * `schemas` present and naming only this type's schemas, no attribute the schemas do not define, a non-empty
 * `userName` unique case-insensitively, Group members that exist. PATCH is scimmy's `PatchOp`.
 */

/** Validates a POST/PUT body (or a patched resource) into the data to store, without `id` and `meta`. */
export function validate(type: ResourceType, body: unknown, store: Store, self?: string): Data {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw badRequest("invalidSyntax", `The request body must be a ${type.name} resource: a JSON object.`);
  const input = body as Data;
  checkSchemas(type, input);
  checkAttributes(type, input);
  let data: Data;
  try {
    data = JSON.parse(JSON.stringify(new type.Schema(input, "in"))) as Data;
  } catch (error) {
    throw fromScimmy(error);
  }
  // Server-assigned: meta and id come from the store (RFC 7643 §3.1: readOnly, a client's value is ignored).
  delete data.id;
  delete data.meta;
  // RFC 7643 §4.1.1: writeOnly, returned never. It is accepted (validated as a string) and not kept.
  delete data.password;
  if (type.name === "User") {
    if (data.userName === "") throw badRequest("invalidValue", "userName must not be empty (RFC 7643 §4.1.1).");
    const owner = store.userNameOwner(data.userName as string);
    if (owner !== undefined && owner !== self)
      throw new ScimError(409, "uniqueness", `userName '${data.userName}' is already taken (RFC 7643 §4.1.1: unique, compared case-insensitively).`);
  } else {
    data.members = checkMembers(data, store);
    if ((data.members as Member[]).length === 0) delete data.members;
  }
  return data;
}

function checkSchemas(type: ResourceType, body: Data): void {
  const { schemas } = body;
  // RFC 7643 §3: "schemas" is REQUIRED, and lists the schemas whose attributes the resource holds.
  if (!Array.isArray(schemas) || schemas.length === 0 || schemas.some((s) => typeof s !== "string"))
    throw badRequest("invalidSyntax", `The request body must have "schemas", a non-empty array of schema URNs including '${type.schema}' (RFC 7643 §3).`);
  const known = new Map([type.schema, ...type.extensions.keys()].map((urn) => [urn.toLowerCase(), urn]));
  for (const urn of schemas as string[]) {
    if (!known.has(urn.toLowerCase())) throw badRequest("invalidSyntax", `Schema '${urn}' is not a schema of the ${type.name} resource type (see /ResourceTypes/${type.name}).`);
  }
  if (!(schemas as string[]).some((urn) => urn.toLowerCase() === type.schema.toLowerCase()))
    throw badRequest("invalidSyntax", `"schemas" must include the core schema '${type.schema}'.`);
  for (const extension of type.extensions.keys()) {
    const lower = extension.toLowerCase();
    const used = Object.keys(body).some((key) => key.toLowerCase() === lower || key.toLowerCase().startsWith(`${lower}:`));
    if (used && !(schemas as string[]).some((urn) => urn.toLowerCase() === lower))
      throw badRequest("invalidSyntax", `The body has attributes of '${extension}' but "schemas" does not list it (RFC 7643 §3).`);
  }
}

/** Refuses attributes the schemas do not define (scimmy would drop them silently, hiding a misspelt name). */
function checkAttributes(type: ResourceType, body: Data): void {
  const core = ownAttributes(type.definition);
  for (const [key, value] of Object.entries(body)) {
    const lower = key.toLowerCase();
    const extension = [...type.extensions.keys()].find((urn) => lower === urn.toLowerCase() || lower.startsWith(`${urn.toLowerCase()}:`));
    if (extension) {
      const attributes = ownAttributes(type.extensions.get(extension)!, false);
      if (lower === extension.toLowerCase()) {
        if (typeof value !== "object" || value === null || Array.isArray(value)) throw badRequest("invalidValue", `'${extension}' must be an object of its attributes.`);
        for (const [name, inner] of Object.entries(value as Data)) checkAttribute(attributes, name, inner, extension);
      } else {
        const [name, sub] = key.slice(extension.length + 1).split(".");
        const attribute = findAttribute(attributes, name);
        if (!attribute || (sub !== undefined && !findAttribute(attribute.subAttributes, sub))) throw unknown(key, type);
      }
      continue;
    }
    checkAttribute(core, key, value, type.name);
  }
}

function checkAttribute(attributes: Attribute[], name: string, value: unknown, where: string): void {
  const attribute = findAttribute(attributes, name);
  if (!attribute) throw badRequest("invalidSyntax", `'${name}' is not an attribute of ${where} (see /Schemas).`);
  if (String(attribute.type) !== "complex" || value === null || typeof value !== "object") return;
  for (const element of Array.isArray(value) ? value : [value]) {
    if (typeof element !== "object" || element === null) continue; // scimmy says what is wrong with it
    for (const sub of Object.keys(element)) {
      if (!findAttribute(attribute.subAttributes, sub)) throw badRequest("invalidSyntax", `'${sub}' is not a sub-attribute of '${attribute.name}' in ${where} (see /Schemas).`);
    }
  }
}

const unknown = (key: string, type: ResourceType) => badRequest("invalidSyntax", `'${key}' is not an attribute of ${type.name} (see /Schemas).`);

/**
 * Group members (RFC 7643 §4.2) must name existing resources: `value` is the id of a User or Group of this
 * target, `type` (if given) must be that resource's type. An unknown id is 400 invalidValue. A member listed
 * twice is kept once (RFC 7644 §3.5.2.1: adding a value already there changes nothing). The stored member
 * keeps value, display (as sent) and type (set from the resource); `$ref` is added on output.
 */
function checkMembers(data: Data, store: Store): Member[] {
  const out: Member[] = [];
  const seen = new Set<string>();
  members(data).forEach((member, index) => {
    const { value, display, type } = member as Partial<Member>;
    if (typeof value !== "string" || value === "") throw badRequest("invalidValue", `members[${index}] has no "value" (the id of a User or Group).`);
    const actual = store.typeOf(value);
    if (!actual) throw badRequest("invalidValue", `members[${index}]: there is no User or Group with id '${value}'.`);
    if (type !== undefined && type !== actual) throw badRequest("invalidValue", `members[${index}]: '${value}' is a ${actual}, not a ${type}.`);
    if (seen.has(value)) return;
    seen.add(value);
    out.push({ value, ...(display !== undefined ? { display } : {}), type: actual });
  });
  return out;
}

/**
 * RFC 7644 §3.5.2: applies a PatchOp message with scimmy (op names case-insensitive, paths with value filters,
 * add/remove/replace). The patched resource is validated like a PUT body and returned as the data to store.
 */
export async function patch(type: ResourceType, resource: StoredResource, body: unknown, store: Store): Promise<Data> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("invalidSyntax", "The request body must be a PatchOp message (RFC 7644 §3.5.2).");
  let result: Data | undefined;
  checkPatchValues(type, (body as Data).Operations);
  try {
    const message = new SCIMMY.Messages.PatchOp(body as ConstructorParameters<typeof SCIMMY.Messages.PatchOp>[0]);
    await message.apply(new type.Schema(resource.data, "out"), async (patched) => {
      result = validate(type, JSON.parse(JSON.stringify(patched)), store, resource.id);
      return { ...result, id: resource.id, meta: resource.data.meta };
    });
  } catch (error) {
    throw fromScimmy(error);
  }
  return result!;
}

/**
 * The attributes in PatchOp values must exist too: scimmy drops an unknown sub-attribute in a value such as
 * `{"op": "add", "path": "emails", "value": [{"value": "…", "kind": "work"}]}` without a word. Checked where the
 * target is plain (no path, an extension, or a complex attribute); scimmy checks paths and the rest.
 */
function checkPatchValues(type: ResourceType, operations: unknown): void {
  if (!Array.isArray(operations)) return;
  for (const operation of operations) {
    if (typeof operation !== "object" || operation === null) continue;
    const { path, value } = operation as { path?: unknown; value?: unknown };
    if (value === null || typeof value !== "object") continue;
    if (path === undefined) {
      if (!Array.isArray(value)) checkAttributes(type, value as Data);
      continue;
    }
    if (typeof path !== "string") continue;
    const resolved = resolvePath(type, path.replace(/\[.*\]/, ""));
    if (resolved && "extension" in resolved) {
      if (!Array.isArray(value)) for (const [name, inner] of Object.entries(value as Data)) checkAttribute(ownAttributes(type.extensions.get(resolved.extension)!, false), name, inner, resolved.extension);
    } else if (resolved && !resolved.sub && String(resolved.attribute.type) === "complex") {
      checkAttribute([resolved.attribute], resolved.attribute.name, value, type.name);
    }
  }
}

/** The representation of a stored resource: the stored data with members' `$ref` and a User's `groups`. */
export function represent(resource: StoredResource, base: string, store: Store): Data {
  const out: Data = { ...resource.data };
  if (resource.type === "Group" && Array.isArray(out.members)) {
    out.members = members(resource.data).map((m) => ({
      value: m.value,
      ...(m.display !== undefined ? { display: m.display } : {}),
      $ref: `${base}${m.type === "Group" ? "/Groups" : "/Users"}/${m.value}`,
      type: m.type,
    }));
  }
  if (resource.type === "User") {
    const groups = groupsAttribute(resource.id, base, store);
    if (groups.length) out.groups = groups;
  }
  return out;
}

/** RFC 7643 §4.1.2 `groups`: readOnly, computed from the Groups' members (direct, or indirect through nesting). */
export function groupsAttribute(id: string, base: string, store: Store): Data[] {
  return store.groupsOf(id).map(({ group, direct }) => ({
    value: group.id,
    $ref: `${base}/Groups/${group.id}`,
    display: group.data.displayName,
    type: direct ? "direct" : "indirect",
  }));
}

export const etag = (resource: StoredResource) => `W/"${resource.version}"`;

/**
 * RFC 7644 §3.14 versioning: `If-Match` on PUT/PATCH/DELETE (412 when no tag matches; `*` matches any) and
 * `If-None-Match` on GET (304 when one matches). Tags compare weakly (`W/"3"` matches `"3"`), as RFC 7644's own
 * examples use weak tags with If-Match.
 */
export function matchesAny(header: string | undefined, resource: StoredResource): boolean {
  if (header === undefined) return false;
  const current = String(resource.version);
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === `"${current}"`;
  });
}
