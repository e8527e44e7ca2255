import { randomUUID } from "node:crypto";
import SCIMMY from "scimmy";
import { LIST_RESPONSE_SCHEMA, MAX_RESULTS, listOf, type Discovery } from "./discovery";
import { ScimError, badRequest, notFound } from "./errors";
import { compileFilter, type ComputedAttribute } from "./filter";
import { parseProjection, type Projection } from "./projection";
import { etag, groupsAttribute, matchesAny, patch, represent, validate } from "./resources";
import { GROUP, USER, resolvePath, type ResourceType } from "./schema";
import { MAX_RESOURCES, members, type Data, type Store, type StoredResource } from "./store";

/** What a handler is given: the request, already authenticated, its JSON body (POST/PUT/PATCH) read. */
export interface ScimRequest {
  method: string;
  query: URLSearchParams;
  ifMatch?: string;
  ifNoneMatch?: string;
  body: unknown;
}

export interface ScimAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Target {
  store: Store;
  /** The base URL, e.g. http://127.0.0.1:4020/scim/v2. */
  base: string;
  discovery: Discovery;
}

export interface Route {
  /** Methods the path accepts (the `Allow` header of a 405). */
  allow: readonly string[];
  run(request: ScimRequest, target: Target): ScimAnswer | Promise<ScimAnswer>;
}

/** Methods whose body is read and parsed as JSON. */
export const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

const notImplemented = (what: string): Route => ({
  allow: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
  run: () => {
    throw new ScimError(501, undefined, `${what} is not supported by this service provider (RFC 7644 §3.12: 501 Not Implemented).`);
  },
});

/**
 * The routes below the base path (RFC 7644 §3.2): `segments` are the decoded path segments after `/scim/v2`.
 * Returns undefined for a path that names nothing (404).
 */
export function findRoute(segments: string[]): Route | undefined {
  const [first, second, ...rest] = segments;
  if (rest.length) return undefined;
  const type = first === "Users" ? USER : first === "Groups" ? GROUP : undefined;
  if (type) {
    if (second === undefined) return { allow: ["GET", "HEAD", "POST"], run: (req, t) => (req.method === "POST" ? create(type, req, t) : list(type, req, t)) };
    if (second === ".search") return notImplemented("Searching with POST (RFC 7644 §3.4.3)");
    if (second === "") return undefined;
    return {
      allow: ["GET", "HEAD", "PUT", "PATCH", "DELETE"],
      run: (req, t) => {
        switch (req.method) {
          case "PUT":
            return replace(type, second, req, t);
          case "PATCH":
            return modify(type, second, req, t);
          case "DELETE":
            return remove(type, second, req, t);
          default:
            return read(type, second, req, t);
        }
      },
    };
  }
  if (first === ".search" && second === undefined) return notImplemented("Searching with POST (RFC 7644 §3.4.3)");
  if (first === "Bulk" && second === undefined) return notImplemented("Bulk (RFC 7644 §3.7)");
  if (first === "Me") return notImplemented("The /Me alias (RFC 7644 §3.11)");
  if (first === "ServiceProviderConfig" && second === undefined) return discovery((t) => t.discovery.serviceProviderConfig);
  if (first === "Schemas") return discovery((t) => found(second === undefined ? listOf([...t.discovery.schemas.values()]) : t.discovery.schemas.get(second), `Schema ${second}`));
  if (first === "ResourceTypes")
    return discovery((t) => found(second === undefined ? listOf([...t.discovery.resourceTypes.values()]) : t.discovery.resourceTypes.get(second), `ResourceType ${second}`));
  return undefined;
}

const found = (value: unknown, what: string) => {
  if (value === undefined) throw notFound(`${what} not found.`);
  return value;
};

function discovery(document: (t: Target) => unknown): Route {
  return {
    allow: ["GET", "HEAD"],
    run: (req, t) => {
      // RFC 7644 §4: a filter on a discovery endpoint SHOULD be answered 403, so no client assumes it held.
      if (req.query.has("filter")) throw new ScimError(403, undefined, "Discovery endpoints do not support filtering (RFC 7644 §4).");
      return { status: 200, body: document(t) };
    },
  };
}

/** A query parameter, at most once. */
function param(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  if (values.length > 1) throw badRequest("invalidValue", `The query parameter '${name}' is given ${values.length} times.`);
  return values[0];
}

function integer(query: URLSearchParams, name: string): number | undefined {
  const raw = param(query, name);
  if (raw === undefined) return undefined;
  if (!/^[-+]?\d{1,15}$/.test(raw.trim())) throw badRequest("invalidValue", `${name} must be an integer (RFC 7644 §3.4.2.4), got '${raw}'.`);
  return Number(raw);
}

function projectionOf(type: ResourceType, query: URLSearchParams): Projection | undefined {
  return parseProjection(type, param(query, "attributes"), param(query, "excludedAttributes"));
}

function output(resource: StoredResource, t: Target, projection: Projection | undefined): Data {
  const representation = represent(resource, t.base, t.store);
  return projection ? projection.apply(representation) : representation;
}

function existing(type: ResourceType, id: string, t: Target): StoredResource {
  const resource = t.store.get(type.name, id);
  if (!resource) throw notFound(`${type.name} ${id} not found.`);
  return resource;
}

function checkIfMatch(req: ScimRequest, resource: StoredResource): void {
  if (req.ifMatch !== undefined && !matchesAny(req.ifMatch, resource))
    throw new ScimError(412, undefined, `If-Match '${req.ifMatch}' does not match the current version ${etag(resource)} (RFC 7644 §3.14).`, { ETag: etag(resource) });
}

const single = (status: number, resource: StoredResource, body: Data, extra: Record<string, string> = {}): ScimAnswer => ({ status, body, headers: { ETag: etag(resource), ...extra } });

/** GET list (RFC 7644 §3.4.2): filter, sortBy/sortOrder, startIndex/count, attributes/excludedAttributes. */
function list(type: ResourceType, req: ScimRequest, t: Target): ScimAnswer {
  const { query } = req;
  const text = param(query, "filter");
  const computed: ComputedAttribute | undefined =
    type === USER ? (data, name) => (name === "groups" ? groupsAttribute(data.id as string, t.base, t.store) : undefined) : undefined;
  const filter = text === undefined ? undefined : compileFilter(text, type, computed);
  const startIndex = Math.max(1, integer(query, "startIndex") ?? 1);
  const count = Math.min(MAX_RESULTS, Math.max(0, integer(query, "count") ?? MAX_RESULTS));
  const projection = projectionOf(type, query);
  const sortBy = param(query, "sortBy");
  const sortOrder = param(query, "sortOrder");
  if (sortOrder !== undefined && sortOrder !== "ascending" && sortOrder !== "descending")
    throw badRequest("invalidValue", `sortOrder must be 'ascending' or 'descending' (RFC 7644 §3.4.2.3), got '${sortOrder}'.`);

  const candidates = filter?.keys ? t.store.withKeys(type.name, filter.keys) : t.store.all(type.name);
  const matched = filter ? candidates.filter((r) => filter.test(r.data)) : candidates;
  let page: StoredResource[];
  if (startIndex > matched.length) page = [];
  else if (sortBy !== undefined) {
    const key = sortKey(type, sortBy);
    page = listPage(
      matched.map((r) => ({ k: key(r.data), r })),
      { sortBy: "k", sortOrder: sortOrder ?? "ascending", startIndex, count },
    ).map((w) => w.r);
  } else {
    page = listPage(matched, { startIndex, count });
  }
  return {
    status: 200,
    body: {
      schemas: [LIST_RESPONSE_SCHEMA],
      totalResults: matched.length,
      // RFC 7644 §3.4.2: "The number of resources returned in a list response page" (scimmy reports `count` there).
      itemsPerPage: page.length,
      startIndex,
      Resources: page.map((r) => output(r, t, projection)),
    },
  };
}

/**
 * scimmy's ListResponse sorts (sortBy, sortOrder) and pages (startIndex, count) a full list of matches; its
 * typing wants Schema instances, but it reads only the values at `sortBy`.
 */
function listPage<T>(items: T[], params: { sortBy?: string; sortOrder?: string; startIndex: number; count: number }): T[] {
  const ListResponse = SCIMMY.Messages.ListResponse as unknown as new (items: T[], params: object) => { Resources: T[] };
  return new ListResponse(items, params).Resources;
}

/**
 * RFC 7644 §3.4.2.3: the value a resource sorts by: for a multi-valued attribute its primary value, or its
 * first; a complex one by its `value`; strings lower-cased unless caseExact. scimmy's ListResponse compares them.
 */
function sortKey(type: ResourceType, sortBy: string): (data: Data) => unknown {
  const resolved = resolvePath(type, sortBy);
  if (!resolved || !("attribute" in resolved)) throw badRequest("invalidValue", `sortBy: the ${type.name} schema has no attribute '${sortBy}'.`);
  const { container, attribute, sub } = resolved;
  const leaf = sub ?? (String(attribute.type) === "complex" ? attribute.subAttributes?.find((a) => a.name === "value") : attribute);
  if (!leaf) throw badRequest("invalidValue", `sortBy: '${sortBy}' is complex and has no 'value' to sort by.`);
  const lower = ["string", "reference"].includes(String(leaf.type)) && leaf.config.caseExact !== true;
  return (data) => {
    const holder = container ? (data[container] as Data | undefined) : data;
    let value = holder?.[attribute.name];
    if (Array.isArray(value)) value = value.find((v) => (v as Data)?.primary === true) ?? value[0];
    if (String(attribute.type) === "complex") value = (value as Data | undefined)?.[leaf.name];
    return lower && typeof value === "string" ? value.toLowerCase() : value;
  };
}

function read(type: ResourceType, id: string, req: ScimRequest, t: Target): ScimAnswer {
  const resource = existing(type, id, t);
  const projection = projectionOf(type, req.query);
  if (req.ifNoneMatch !== undefined && matchesAny(req.ifNoneMatch, resource)) return { status: 304, headers: { ETag: etag(resource) } };
  return single(200, resource, output(resource, t, projection));
}

/** Orders a stored resource like scimmy's representations: schemas, id, externalId, meta, then the rest. */
function stored(type: ResourceType, id: string, data: Data, t: Target, created: string, lastModified: string, version: number): StoredResource {
  const { schemas, externalId, ...rest } = data;
  const meta = { resourceType: type.name, created, lastModified, location: `${t.base}${type.endpoint}/${id}`, version: `W/"${version}"` };
  return { type: type.name, id, version, data: { schemas, id, ...(externalId !== undefined ? { externalId } : {}), meta, ...rest } };
}

function create(type: ResourceType, req: ScimRequest, t: Target): ScimAnswer {
  const projection = projectionOf(type, req.query);
  if (req.body === undefined) throw badRequest("invalidSyntax", `POST needs a ${type.name} resource as its body (RFC 7644 §3.3).`);
  const data = validate(type, req.body, t.store);
  if (t.store.size >= MAX_RESOURCES)
    throw badRequest("tooMany", `This target holds its maximum of ${MAX_RESOURCES} resources; delete some, or reset it, before creating more.`);
  const now = new Date().toISOString();
  const resource = stored(type, randomUUID(), data, t, now, now, 1);
  t.store.put(resource);
  const body = output(resource, t, projection);
  return single(201, resource, body, { Location: `${t.base}${type.endpoint}/${resource.id}` });
}

/** Stores new data for a resource; version and lastModified move only when something changed. */
function update(type: ResourceType, resource: StoredResource, data: Data, t: Target): StoredResource {
  const meta = resource.data.meta as Data;
  const { id: _id, meta: _meta, ...current } = resource.data;
  if (canonical(current) === canonical(data)) return resource;
  const next = stored(type, resource.id, data, t, meta.created as string, new Date().toISOString(), resource.version + 1);
  t.store.put(next);
  return next;
}

function replace(type: ResourceType, id: string, req: ScimRequest, t: Target): ScimAnswer {
  const resource = existing(type, id, t);
  checkIfMatch(req, resource);
  const projection = projectionOf(type, req.query);
  if (req.body === undefined) throw badRequest("invalidSyntax", `PUT needs a ${type.name} resource as its body (RFC 7644 §3.5.1).`);
  const next = update(type, resource, validate(type, req.body, t.store, id), t);
  return single(200, next, output(next, t, projection));
}

/** PATCH answers 200 with the resource (RFC 7644 §3.5.2 allows 204; the resource is more useful to a client). */
async function modify(type: ResourceType, id: string, req: ScimRequest, t: Target): Promise<ScimAnswer> {
  const resource = existing(type, id, t);
  checkIfMatch(req, resource);
  const projection = projectionOf(type, req.query);
  if (req.body === undefined) throw badRequest("invalidSyntax", "PATCH needs a PatchOp message as its body (RFC 7644 §3.5.2).");
  const next = update(type, resource, await patch(type, resource, req.body, t.store), t);
  return single(200, next, output(next, t, projection));
}

/** DELETE (RFC 7644 §3.6): 204; the resource leaves every group that listed it (those groups get a new version). */
function remove(type: ResourceType, id: string, req: ScimRequest, t: Target): ScimAnswer {
  const resource = existing(type, id, t);
  checkIfMatch(req, resource);
  const groups = t.store.directGroupsOf(id);
  t.store.remove(type.name, id);
  for (const group of groups) {
    const { id: _id, meta: _meta, ...data } = group.data;
    const left = members(group.data).filter((m) => m.value !== id);
    const { members: _members, ...rest } = data;
    update(GROUP, group, left.length ? { ...rest, members: left } : rest, t);
  }
  return { status: 204 };
}

/** JSON with keys sorted at every level: equal for equal data whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
