import { createHash } from "node:crypto";
import { badRequest, methodNotAllowed, notFound, segmentNotFound } from "../http/errors";
import { AUDIT_FILTER_SCHEMA, renderAudit, type StoredAudit } from "../logs/auditLog";
import { compileFilter, type CompiledFilter, type FilterSchema } from "../logs/filter";
import type { PageRequest } from "../logs/page";
import { PROVISIONING_FILTER_SCHEMA, renderProvisioningEntry, type StoredProvisioningEntry } from "../logs/provisioningLog";
import type { Cursor } from "../logs/timeline";
import { systemOptions } from "../odata/query";
import { requireAuditLogRead } from "./permissions";
import { ok, type EmulatorState, type GraphRequest, type GraphResult } from "./types";

/**
 * `/auditLogs/provisioning[/{id}]` and `/auditLogs/directoryAudits[/{id}]` (GET only: log entries are
 * system generated and can't be changed or deleted). Query options per the List pages: `$filter`, `$top`,
 * `$skiptoken`; plus `$orderby=activityDateTime [asc|desc]` (not on the pages; see README), and on v1.0
 * directoryAudits `$skip` and `$count` (the v1.0 CSDL annotates directoryAudit SkipSupported and Countable;
 * the beta CSDL says neither). Newest first.
 */
/** Page size without `$top`, and the largest `$top`: not documented; 1000 as the directoryAudits nextLink of MicrosoftDocs/azure-docs#11920 (`…_1000`). */
export const LOG_PAGE_SIZE = 1000;

/** Graph's reporting service answers disallowed OData options this way (microsoft-graph-docs-contrib#8527, MicrosoftDocs/azure-docs#5467). */
const notAllowed = (option: string) =>
  badRequest(
    `The query specified in the URI is not valid. Query option '${option}' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.`,
  );
const OPTION_NAMES: Record<string, string> = {
  $select: "Select",
  $expand: "Expand",
  $skip: "Skip",
  $count: "Count",
  $search: "Search",
  $format: "Format",
  $apply: "Apply",
  $compute: "Compute",
  $orderby: "OrderBy",
};

interface Collection<T> {
  name: "provisioning" | "directoryAudits";
  schema: (req: GraphRequest) => FilterSchema<T>;
  /** "You must pass the top filter in the query to generate the token" (List provisioningObjectSummary). */
  nextLinkNeedsTop: boolean;
  skipAndCount: (req: GraphRequest) => boolean;
}

const PROVISIONING: Collection<StoredProvisioningEntry> = {
  name: "provisioning",
  schema: (req) => PROVISIONING_FILTER_SCHEMA[req.version],
  nextLinkNeedsTop: true,
  skipAndCount: () => false,
};

const DIRECTORY_AUDITS: Collection<StoredAudit> = {
  name: "directoryAudits",
  schema: () => AUDIT_FILTER_SCHEMA,
  nextLinkNeedsTop: false,
  skipAndCount: (req) => req.version === "v1.0",
};

const fingerprint = (query: URLSearchParams) =>
  createHash("sha1")
    .update([...query].filter(([key]) => key.toLowerCase() !== "$skiptoken").map(([k, v]) => `${k.toLowerCase()}=${v}`).join("&"))
    .digest("base64url")
    .slice(0, 12);

const encodeToken = (cursor: Cursor, print: string) => Buffer.from(JSON.stringify({ a: cursor.at, s: cursor.seq, q: print })).toString("base64url");

function decodeToken(token: string, print: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { a?: unknown; s?: unknown; q?: unknown };
    if (typeof parsed.a === "number" && typeof parsed.s === "number" && parsed.q === print) return { at: parsed.a, seq: parsed.s };
  } catch {
    // fall through
  }
  throw badRequest("Invalid or expired $skiptoken.", "Request_BadRequest");
}

function nonNegative(raw: string, option: string, max: number): number {
  const parsed = Number(raw);
  if (!/^\d+$/.test(raw) || parsed > max) throw badRequest(`Invalid value '${raw}' for ${option}.`, "Request_BadRequest");
  return parsed;
}

interface ParsedQuery<T> {
  request: PageRequest<T>;
  hasTop: boolean;
  print: string;
}

function parseQuery<T>(req: GraphRequest, collection: Collection<T>): ParsedQuery<T> {
  const options = systemOptions(req.query);
  const extras = collection.skipAndCount(req);
  for (const name of options.keys()) {
    if (["$filter", "$top", "$skiptoken", "$orderby"].includes(name)) continue;
    if (extras && (name === "$skip" || name === "$count")) continue;
    if (OPTION_NAMES[name]) throw notAllowed(OPTION_NAMES[name]);
    throw badRequest(`Query option '${name}' is not allowed.`, "Request_BadRequest");
  }
  let top = LOG_PAGE_SIZE;
  const hasTop = options.has("$top");
  if (hasTop) {
    const raw = options.get("$top")!;
    const parsed = Number(raw);
    if (!/^\d+$/.test(raw) || parsed < 1 || parsed > LOG_PAGE_SIZE)
      throw badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${LOG_PAGE_SIZE} inclusive.`, "Request_BadRequest");
    top = parsed;
  }
  let ascending = false;
  if (options.has("$orderby")) {
    const match = /^\s*activityDateTime(?:\s+(asc|desc))?\s*$/i.exec(options.get("$orderby")!);
    if (!match) throw badRequest(`Sorting is only supported on activityDateTime: '${options.get("$orderby")}'.`, "Request_UnsupportedQuery");
    ascending = match[1]?.toLowerCase() === "asc";
  }
  const filter: CompiledFilter<T> | null = options.has("$filter") ? compileFilter(options.get("$filter")!, collection.schema(req)) : null;
  const print = fingerprint(req.query);
  const cursor = options.has("$skiptoken") ? decodeToken(options.get("$skiptoken")!, print) : null;
  const count = options.get("$count")?.toLowerCase();
  if (count !== undefined && count !== "true" && count !== "false") throw badRequest(`Invalid value '${options.get("$count")}' for $count.`, "Request_BadRequest");
  const skip = options.has("$skip") && !cursor ? nonNegative(options.get("$skip")!, "$skip", 1_000_000_000) : 0;
  return { request: { filter, top, cursor, ascending, skip, count: count === "true" && !cursor }, hasTop, print };
}

function nextLinkOf(req: GraphRequest, path: string, token: string): string {
  const parts = [...req.query].filter(([key]) => key.toLowerCase() !== "$skiptoken").map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  parts.push(`$skiptoken=${token}`);
  return `${req.origin}/${req.version}/auditLogs/${path}?${parts.join("&")}`;
}

function list<T>(
  req: GraphRequest,
  state: EmulatorState,
  collection: Collection<T>,
  page: (request: PageRequest<T>, now: number) => { items: T[]; next: Cursor | null; count?: number },
  render: (item: T) => unknown,
): GraphResult {
  const q = parseQuery(req, collection);
  const result = page(q.request, state.clock.now());
  const body: Record<string, unknown> = { "@odata.context": `${req.origin}/${req.version}/$metadata#auditLogs/${collection.name}` };
  if (result.count !== undefined) body["@odata.count"] = result.count;
  if (result.next && (q.hasTop || !collection.nextLinkNeedsTop)) body["@odata.nextLink"] = nextLinkOf(req, collection.name, encodeToken(result.next, q.print));
  body.value = result.items.map(render);
  return ok(body);
}

function noOptions(req: GraphRequest): void {
  for (const name of systemOptions(req.query).keys()) {
    if (OPTION_NAMES[name]) throw notAllowed(OPTION_NAMES[name]);
    throw badRequest(`Query option '${name}' is not allowed.`, "Request_BadRequest");
  }
}

const entryNotFound = (id: string) => notFound(`Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

export function handleAuditLogs(req: GraphRequest, state: EmulatorState): GraphResult {
  const [, child, id, ...rest] = req.segments;
  const name = child?.toLowerCase();
  if (name !== "provisioning" && name !== "directoryaudits") throw segmentNotFound(child ?? req.segments[0]);
  if (rest.length > 0) throw segmentNotFound(rest[0]);
  const tenant = state.tenant;
  // Directory.Read.All is listed next to AuditLog.Read.All on every page except beta Get directoryAudit.
  requireAuditLogRead(req.scopes, !(name === "directoryaudits" && id !== undefined && req.version === "beta"));
  if (req.method !== "GET") throw methodNotAllowed(["GET"]);
  const now = state.clock.now();
  if (name === "provisioning") {
    if (id === undefined)
      return list(req, state, PROVISIONING, (r, t) => tenant.provisioningLog.page(r, t), (entry) => renderProvisioningEntry(entry, req.version));
    noOptions(req);
    const entry = tenant.provisioningLog.get(id, now);
    if (!entry) throw entryNotFound(id);
    return ok({ "@odata.context": `${req.origin}/${req.version}/$metadata#auditLogs/provisioning/$entity`, ...renderProvisioningEntry(entry, req.version) });
  }
  if (id === undefined) return list(req, state, DIRECTORY_AUDITS, (r, t) => tenant.audits.page(r, t), (entry) => renderAudit(entry, req.version));
  noOptions(req);
  const audit = tenant.audits.get(id, now);
  if (!audit) throw entryNotFound(id);
  return ok({ "@odata.context": `${req.origin}/${req.version}/$metadata#auditLogs/directoryAudits/$entity`, ...renderAudit(audit, req.version) });
}
