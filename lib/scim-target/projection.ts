import { badRequest } from "./errors";
import { ownAttributes, resolvePath, type ResourceType } from "./schema";
import type { Data } from "./store";

/**
 * `attributes` and `excludedAttributes` (RFC 7644 §3.4.2.5, §3.9): comma-separated attribute paths in RFC 7644
 * §3.10 notation (`userName`, `name.givenName`, `emails.value`, URN-qualified, or a whole extension URN).
 * `attributes` returns those plus the ones returned "always" (`id`) and `schemas`; `excludedAttributes` removes
 * them from the default set, never an "always" one. An unknown name is 400 invalidValue.
 *
 * Done here rather than with scimmy's attribute filter (SchemaDefinition#coerce with a Filter), which in 1.3.5
 * drops `userName` for `urn:ietf:params:scim:schemas:core:2.0:User:userName`, adds the extension to the answer
 * for `emails.value`, and omits `schemas`.
 */
export interface Projection {
  apply(representation: Data): Data;
}

/** container ("" = the resource, else an extension URN) → attribute name → true (whole) or sub-attribute names. */
type Selection = Map<string, Map<string, true | Set<string>> | true>;

export function parseProjection(type: ResourceType, attributes?: string, excluded?: string): Projection | undefined {
  const include = attributes === undefined ? undefined : select(type, attributes, "attributes");
  const exclude = excluded === undefined ? undefined : select(type, excluded, "excludedAttributes");
  if (!include && !exclude) return undefined;
  const always = new Set(["schemas", ...ownAttributes(type.definition).filter((a) => a.config.returned === "always").map((a) => a.name)]);
  return {
    apply(representation) {
      let out = representation;
      if (include) out = keep(out, include, always);
      if (exclude) out = remove(out, exclude, always);
      return out;
    },
  };
}

function select(type: ResourceType, list: string, parameter: string): Selection {
  const selection: Selection = new Map();
  const paths = list.split(",").map((p) => p.trim());
  if (paths.some((p) => p === "")) throw badRequest("invalidValue", `${parameter} must be a comma-separated list of attribute names, got '${list}'.`);
  for (const path of paths) {
    const resolved = resolvePath(type, path);
    if (!resolved) throw badRequest("invalidValue", `${parameter}: the ${type.name} schema has no attribute '${path}'.`);
    if ("extension" in resolved) {
      selection.set(resolved.extension, true);
      continue;
    }
    const key = resolved.container ?? "";
    let attributes = selection.get(key);
    if (attributes === true) continue;
    if (!attributes) selection.set(key, (attributes = new Map()));
    const name = resolved.attribute.name;
    const current = attributes.get(name);
    if (!resolved.sub) attributes.set(name, true);
    else if (current !== true) attributes.set(name, (current ?? new Set()).add(resolved.sub.name));
  }
  return selection;
}

const isObject = (v: unknown): v is Data => typeof v === "object" && v !== null && !Array.isArray(v);

function pickSubs(value: unknown, subs: Set<string>): unknown {
  const pick = (el: unknown) => (isObject(el) ? Object.fromEntries(Object.entries(el).filter(([k]) => subs.has(k))) : undefined);
  if (Array.isArray(value)) {
    const picked = value.map(pick).filter((el): el is Data => el !== undefined && Object.keys(el).length > 0);
    return picked.length ? picked : undefined;
  }
  const picked = pick(value);
  return picked && Object.keys(picked).length ? picked : undefined;
}

function keepIn(source: Data, attributes: Map<string, true | Set<string>>, always: Set<string>): Data {
  const out: Data = {};
  for (const [key, value] of Object.entries(source)) {
    const wanted = attributes.get(key);
    if (always.has(key) || wanted === true) out[key] = value;
    else if (wanted) {
      const picked = pickSubs(value, wanted);
      if (picked !== undefined) out[key] = picked;
    }
  }
  return out;
}

function keep(representation: Data, selection: Selection, always: Set<string>): Data {
  const core = selection.get("");
  const out = keepIn(representation, core === true || core === undefined ? new Map() : core, always);
  for (const [container, wanted] of selection) {
    if (container === "" || !isObject(representation[container])) continue;
    const value = wanted === true ? representation[container] : keepIn(representation[container] as Data, wanted, new Set());
    if (Object.keys(value as Data).length) out[container] = value;
  }
  // Keep the representation's order of keys.
  return Object.fromEntries(Object.keys(representation).filter((k) => k in out).map((k) => [k, out[k]]));
}

function removeIn(source: Data, attributes: Map<string, true | Set<string>>, always: Set<string>): Data {
  const out: Data = {};
  for (const [key, value] of Object.entries(source)) {
    const unwanted = attributes.get(key);
    if (always.has(key) || unwanted === undefined) out[key] = value;
    else if (unwanted !== true) {
      const rest = Array.isArray(value)
        ? value.map((el) => (isObject(el) ? Object.fromEntries(Object.entries(el).filter(([k]) => !unwanted.has(k))) : el)).filter((el) => !isObject(el) || Object.keys(el).length)
        : isObject(value)
          ? Object.fromEntries(Object.entries(value).filter(([k]) => !unwanted.has(k)))
          : value;
      if (!(Array.isArray(rest) ? rest.length === 0 : isObject(rest) && Object.keys(rest).length === 0)) out[key] = rest;
    }
  }
  return out;
}

function remove(representation: Data, selection: Selection, always: Set<string>): Data {
  const core = selection.get("");
  let out = core === undefined || core === true ? { ...representation } : removeIn(representation, core, always);
  for (const [container, unwanted] of selection) {
    if (container === "" || !isObject(out[container])) continue;
    if (unwanted === true) {
      const { [container]: _removed, ...rest } = out;
      out = rest;
    } else {
      const value = removeIn(out[container] as Data, unwanted, new Set());
      if (Object.keys(value).length) out[container] = value;
      else {
        const { [container]: _removed, ...rest } = out;
        out = rest;
      }
    }
  }
  return out;
}
