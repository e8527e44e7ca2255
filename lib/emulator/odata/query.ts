import { createHash } from "node:crypto";
import { GraphError, badRequest } from "../http/errors";
import { evaluateFilter, parseFilter, type FilterNode, type ParsedFilter } from "./filter";

/**
 * OData query options for directory collections ($top, $select, $filter, $search, $count, $orderby,
 * $skiptoken) with Entra's ConsistencyLevel rules (SYNC-API §6.1).
 */
export interface CollectionConfig {
  /** e.g. "servicePrincipal" (for messages). */
  typeName: string;
  /** e.g. "ServicePrincipal" (for filter messages). */
  resourceName: string;
  /** Lower-case filterable name → property name. */
  filterable: Record<string, string>;
  /** Lower-case names of the filterable properties that are collections (`Collection(Edm.String)`): only `any()` applies. */
  collections?: readonly string[];
  searchable: string[];
  defaultTop: number;
  maxTop: number;
  /**
   * `$orderby` alone (no `$filter`/`$search`) works without the advanced query parameters: user-list and group-list
   * need ConsistencyLevel and `$count` only "when using `$filter` with the `$orderby` query parameter".
   */
  orderByWithoutAdvanced?: boolean;
}

export interface CollectionQuery {
  top: number;
  offset: number;
  select: string[] | null;
  filter: ParsedFilter | null;
  search: { op: "AND" | "OR"; clauses: { property: string; terms: string[] }[] } | null;
  count: boolean;
  orderBy: { property: string; descending: boolean } | null;
  fingerprint: string;
}

const unsupported = (message: string) => new GraphError(400, "Request_UnsupportedQuery", message);
const SEARCH_NEEDS_HEADER =
  "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'";
const advancedMessage = (operator: string) =>
  `Operator '${operator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`;

/** Query options by lower-case name (`$top` and `$TOP` are the same option). */
export function systemOptions(query: URLSearchParams): Map<string, string> {
  const options = new Map<string, string>();
  for (const [key, value] of query) if (key.startsWith("$")) options.set(key.toLowerCase(), value);
  return options;
}

export function isEventual(headers: Record<string, string | string[] | undefined>): boolean {
  const value = headers["consistencylevel"];
  return typeof value === "string" && value.trim().toLowerCase() === "eventual";
}

function fingerprint(query: URLSearchParams): string {
  const kept = [...query].filter(([key]) => key.toLowerCase() !== "$skiptoken").map(([k, v]) => `${k.toLowerCase()}=${v}`);
  return createHash("sha1").update(kept.join("&")).digest("base64url").slice(0, 12);
}

export function encodeSkipToken(offset: number, print: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: print })).toString("base64url");
}

function decodeSkipToken(token: string, print: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { o?: unknown; q?: unknown };
    if (typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.q === print) return parsed.o;
  } catch {
    // fall through
  }
  throw badRequest("Invalid or expired $skiptoken.", "Request_BadRequest");
}

function parseSearch(value: string): CollectionQuery["search"] {
  const clause = /^\s*"([^":]+):([^"]*)"\s*/;
  const clauses: { property: string; terms: string[] }[] = [];
  let rest = value;
  let op: "AND" | "OR" | null = null;
  for (;;) {
    const match = clause.exec(rest);
    if (!match) throw badRequest(`Syntax error in $search: '${value}'. Use $search="property:value".`, "Request_UnsupportedQuery");
    clauses.push({ property: match[1].trim(), terms: match[2].toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean) });
    rest = rest.slice(match[0].length);
    if (rest.trim() === "") break;
    const joiner = /^(AND|OR)\s+/.exec(rest);
    if (!joiner || (op && op !== joiner[1])) throw badRequest(`Syntax error in $search: '${value}'.`, "Request_UnsupportedQuery");
    op = joiner[1] as "AND" | "OR";
    rest = rest.slice(joiner[0].length);
  }
  return { op: op ?? "AND", clauses };
}

/**
 * A collection-valued property used where OData needs a single value (`tags eq 'x'` instead of
 * `tags/any(t: t eq 'x')`). Graph parses `$filter` with the OData library (ODL) against its model before the
 * directory sees it; the texts are ODL's binder messages (MetadataBinder_BinaryOperatorOperandNotSingleValue,
 * _LeftOperandNotSingleValue, _FunctionArgumentNotSingleValue in Microsoft.OData.Core's SRResources), behind the
 * "Invalid filter clause: " prefix Graph puts on ODL filter errors (code BadRequest).
 */
const OPERATOR_KIND = { eq: "Equal", ne: "NotEqual", ge: "GreaterThanOrEqual", le: "LessThanOrEqual", gt: "GreaterThan", lt: "LessThan" } as const;

function checkSingleValues(node: FilterNode, collections: readonly string[], variables: readonly string[] = []): void {
  const isCollection = (path: string) => !variables.includes(path) && collections.includes(path.toLowerCase());
  const invalid = (message: string) => badRequest(`Invalid filter clause: ${message}`);
  switch (node.kind) {
    case "and":
    case "or":
      checkSingleValues(node.left, collections, variables);
      checkSingleValues(node.right, collections, variables);
      return;
    case "not":
      checkSingleValues(node.operand, collections, variables);
      return;
    case "compare":
      if (isCollection(node.path))
        throw invalid(`The operand for a binary operator '${OPERATOR_KIND[node.op]}' is not a single value. Binary operators require both operands to be single values.`);
      return;
    case "in":
      if (isCollection(node.path))
        throw invalid("The left operand for the IN operation is not a single value. IN operations require the left operand to be a single value and the right operand to be a collection value.");
      return;
    case "func":
      if (isCollection(node.path))
        throw invalid(`The argument for an invocation of a function with name '${node.name}' is not a single value. All arguments for this function must be single values.`);
      return;
    case "any":
      checkSingleValues(node.predicate, collections, [...variables, node.variable]);
      return;
  }
}

export function parseCollectionQuery(
  query: URLSearchParams,
  headers: Record<string, string | string[] | undefined>,
  config: CollectionConfig,
  knownProperties: readonly string[],
  /** `/{collection}/$count`: the segment itself is the `$count` of the advanced query parameters. */
  countSegment = false,
): CollectionQuery {
  const options = systemOptions(query);
  const eventual = isEventual(headers);
  const count = countSegment || options.get("$count")?.toLowerCase() === "true";
  if (options.has("$count") && !["true", "false"].includes(options.get("$count")!.toLowerCase()))
    throw badRequest(`Invalid value '${options.get("$count")}' for $count.`, "Request_BadRequest");
  const advanced = eventual && count;

  for (const name of options.keys()) {
    if (name === "$skip") throw badRequest("'$skip' is not supported by the service.", "Request_BadRequest");
    // Not emulated (Graph supports $expand on servicePrincipals): refused with the text Graph sends where a
    // service does not allow the option (microsoft-graph-docs-contrib#8527). README: "Not emulated".
    if (name === "$expand")
      throw badRequest(
        "The query specified in the URI is not valid. Query option 'Expand' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.",
      );
    if (!["$top", "$select", "$filter", "$search", "$count", "$orderby", "$skiptoken", "$format"].includes(name))
      throw badRequest(`Query option '${name}' is not allowed.`, "Request_BadRequest");
  }

  let top = config.defaultTop;
  if (options.has("$top")) {
    const raw = options.get("$top")!;
    const parsed = Number(raw);
    if (!/^\d+$/.test(raw) || parsed < 1 || parsed > config.maxTop)
      throw badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${config.maxTop} inclusive.`, "Request_BadRequest");
    top = parsed;
  }

  let select: string[] | null = null;
  if (options.has("$select")) {
    select = [];
    for (const name of options.get("$select")!.split(",").map((part) => part.trim()).filter(Boolean)) {
      const known = knownProperties.find((property) => property.toLowerCase() === name.toLowerCase());
      if (!known) throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.${config.typeName}'.`, "Request_BadRequest");
      if (!select.includes(known)) select.push(known);
    }
  }

  let filter: ParsedFilter | null = null;
  if (options.has("$filter")) {
    filter = parseFilter(options.get("$filter")!);
    checkSingleValues(filter.root, config.collections ?? []);
    for (const property of filter.properties) {
      if (!Object.hasOwn(config.filterable, property.toLowerCase()))
        throw unsupported(`Unsupported or invalid query filter clause specified for property '${property}' of resource '${config.resourceName}'.`);
    }
    if (filter.usesAdvanced && !advanced) throw unsupported(advancedMessage(filter.usesAdvanced));
  }

  let search: CollectionQuery["search"] = null;
  if (options.has("$search")) {
    if (!eventual) throw unsupported(SEARCH_NEEDS_HEADER);
    search = parseSearch(options.get("$search")!);
    for (const clause of search!.clauses) {
      if (!config.searchable.includes(clause.property))
        throw unsupported(`Search is not supported on property '${clause.property}'. Searchable properties: ${config.searchable.join(", ")}.`);
    }
  }

  let orderBy: CollectionQuery["orderBy"] = null;
  if (options.has("$orderby")) {
    const match = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(options.get("$orderby")!);
    if (!match || match[1].toLowerCase() !== "displayname") throw unsupported("Sorting is only supported on displayName.");
    if (!advanced && !(config.orderByWithoutAdvanced && !filter && !search))
      throw unsupported("Sorting not supported for current query. Add $count=true and the ConsistencyLevel: eventual header.");
    orderBy = { property: "displayName", descending: match[2]?.toLowerCase() === "desc" };
  }

  const print = fingerprint(query);
  const offset = options.has("$skiptoken") ? decodeSkipToken(options.get("$skiptoken")!, print) : 0;
  return { top, offset, select, filter, search, count: count && eventual, orderBy, fingerprint: print };
}

export interface Page<T> {
  items: T[];
  total: number;
  nextOffset: number | null;
}

export function applyCollectionQuery<T extends Record<string, unknown>>(all: readonly T[], q: CollectionQuery, config: CollectionConfig): Page<T> {
  let items = all as T[];
  if (q.filter) {
    const root = q.filter.root;
    items = items.filter((item) => evaluateFilter(root, (path) => item[config.filterable[path.toLowerCase()] ?? path]));
  }
  if (q.search) {
    const { op, clauses } = q.search;
    const matches = (item: T, clause: { property: string; terms: string[] }) => {
      const text = item[clause.property];
      if (typeof text !== "string") return false;
      const tokens = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      return clause.terms.length > 0 && clause.terms.every((term) => tokens.some((token) => token.startsWith(term)));
    };
    items = items.filter((item) => (op === "AND" ? clauses.every((c) => matches(item, c)) : clauses.some((c) => matches(item, c))));
  }
  if (q.orderBy) {
    const { property, descending } = q.orderBy;
    items = [...items].sort((a, b) => String(a[property]).localeCompare(String(b[property])) * (descending ? -1 : 1));
  }
  const page = items.slice(q.offset, q.offset + q.top);
  const next = q.offset + q.top;
  return { items: page, total: items.length, nextOffset: next < items.length ? next : null };
}

export function selectProperties<T extends Record<string, unknown>>(item: T, select: string[] | null): Record<string, unknown> {
  if (!select) return item;
  return Object.fromEntries(select.map((property) => [property, item[property] ?? null]));
}

/** The `@odata.nextLink` URL: the same request with `$skiptoken` replaced. */
export function nextLink(base: string, query: URLSearchParams, token: string): string {
  const parts = [...query]
    .filter(([key]) => key.toLowerCase() !== "$skiptoken")
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  parts.push(`$skiptoken=${token}`);
  return `${base}?${parts.join("&")}`;
}
