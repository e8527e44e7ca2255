import { GraphError, badRequest, errorBody, INVALID_JSON_MESSAGE, methodNotAllowed } from "../http/errors";
import { isJsonContentType } from "../http/body";
import type { GraphRequest, GraphResult } from "./types";

/**
 * JSON batching: `POST /$batch` with up to 20 requests, each answered with its own status, headers and
 * body; `dependsOn` orders requests and fails dependents of failed requests with 424. Request ids are "Not
 * case-sensitive. Must be unique in the batch, otherwise, the batch request fails with a 400 error code"
 * (concepts/json-batching.md): duplicates are compared and `dependsOn` is resolved without regard to case;
 * responses carry each id as the client spelled it.
 */
export const MAX_BATCH_REQUESTS = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

export type SubDispatch = (req: GraphRequest) => Promise<GraphResult>;

/** Batch ids compare without regard to case (ordinal, as .NET's OrdinalIgnoreCase). */
const idKey = (id: string) => id.toUpperCase();

function parseItems(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) throw badRequest("The batch request body must be a JSON object with a 'requests' array.");
  if (requests.length === 0) throw badRequest("The batch request must contain at least one request.");
  if (requests.length > MAX_BATCH_REQUESTS) throw badRequest(`Number of batch requests exceeds the limit of ${MAX_BATCH_REQUESTS}.`);
  const ids = new Map<string, string>();
  const items = requests.map((raw, index) => {
    const r = raw as Record<string, unknown>;
    if (r === null || typeof r !== "object") throw badRequest(`Batch request at index ${index} must be an object.`);
    const id = typeof r.id === "number" ? String(r.id) : r.id;
    if (typeof id !== "string" || id === "") throw badRequest(`Batch request at index ${index} is missing 'id'.`);
    // Graph's text (msgraph-sdk-javascript#433, msgraph-sdk-java#559: ids differing only in case).
    if (ids.has(idKey(id))) throw badRequest(`Request Id ${id} has to be unique in a batch.`);
    ids.set(idKey(id), id);
    if (typeof r.method !== "string" || r.method === "") throw badRequest(`Batch request '${id}' is missing 'method'.`);
    if (typeof r.url !== "string" || r.url === "") throw badRequest(`Batch request '${id}' is missing 'url'.`);
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      if (r.headers === null || typeof r.headers !== "object") throw badRequest(`Batch request '${id}' has invalid 'headers'.`);
      for (const [name, value] of Object.entries(r.headers as Record<string, unknown>)) headers[name.toLowerCase()] = String(value);
    }
    const dependsOn = r.dependsOn === undefined ? [] : r.dependsOn;
    if (!Array.isArray(dependsOn) || dependsOn.some((dep) => typeof dep !== "string"))
      throw badRequest(`Batch request '${id}' has invalid 'dependsOn'.`);
    return { id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn: dependsOn as string[] };
  });
  for (const item of items) {
    for (const dep of item.dependsOn) if (!ids.has(idKey(dep))) throw badRequest(`Batch request '${item.id}' depends on unknown request '${dep}'.`);
    item.dependsOn = item.dependsOn.map((dep) => ids.get(idKey(dep))!);
  }
  return items;
}

/** Orders items so that dependencies come first; cycles are rejected. */
function order(items: BatchItem[]): BatchItem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const sorted: BatchItem[] = [];
  const visit = (item: BatchItem) => {
    if (done.has(item.id)) return;
    if (visiting.has(item.id)) throw badRequest(`Batch request '${item.id}' has a circular dependency.`);
    visiting.add(item.id);
    for (const dep of item.dependsOn) visit(byId.get(dep)!);
    visiting.delete(item.id);
    done.add(item.id);
    sorted.push(item);
  };
  items.forEach(visit);
  return sorted;
}

function errorResult(error: GraphError, parent: GraphRequest): GraphResult {
  const requestId = crypto.randomUUID();
  const clientRequestId = String(parent.headers["client-request-id"] ?? requestId);
  return { status: error.status, headers: error.headers, body: errorBody(error.code, error.message, requestId, clientRequestId) };
}

function subRequest(item: BatchItem, parent: GraphRequest): GraphRequest {
  if (/^[a-z][a-z0-9+.-]*:/i.test(item.url)) throw badRequest(`Batch request '${item.id}': 'url' must be relative to the version, e.g. /servicePrincipals.`);
  const url = new URL(item.url.startsWith("/") ? item.url : `/${item.url}`, "http://batch.invalid");
  const segments = url.pathname.split("/").slice(1).map((segment) => decodeURIComponent(segment));
  if (segments.at(-1) === "") segments.pop();
  if (segments[0]?.toLowerCase() === "$batch") throw badRequest("Nested $batch requests are not supported.");
  const hasBody = item.body !== undefined && item.body !== null;
  if (hasBody && !item.headers["content-type"]) throw badRequest(`Batch request '${item.id}': a Content-Type header is required when a body is present.`);
  if (hasBody && !isJsonContentType(item.headers["content-type"]) && typeof item.body !== "string") throw badRequest(INVALID_JSON_MESSAGE);
  return {
    ...parent,
    method: item.method,
    segments,
    query: url.searchParams,
    headers: { ...item.headers, authorization: undefined },
    body: hasBody ? item.body : undefined,
    rawBody: Buffer.from(hasBody ? (typeof item.body === "string" ? item.body : JSON.stringify(item.body)) : ""),
    contentType: item.headers["content-type"],
  };
}

export async function handleBatch(req: GraphRequest, dispatch: SubDispatch): Promise<GraphResult> {
  if (req.method !== "POST") throw methodNotAllowed(["POST"]);
  const items = order(parseItems(req.body));
  const statuses = new Map<string, number>();
  const responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[] = [];
  for (const item of items) {
    let result: GraphResult;
    const failed = item.dependsOn.find((dep) => (statuses.get(dep) ?? 0) >= 400);
    if (failed) {
      result = errorResult(new GraphError(424, "FailedDependency", `The request depends on request '${failed}', which failed.`), req);
    } else {
      try {
        result = await dispatch(subRequest(item, req));
      } catch (error) {
        result = errorResult(error instanceof GraphError ? error : new GraphError(500, "generalException", "An internal error occurred."), req);
      }
    }
    statuses.set(item.id, result.status);
    const headers: Record<string, string> = { ...(result.headers ?? {}) };
    if (result.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) headers["Content-Type"] = "application/json";
    responses.push({ id: item.id, status: result.status, headers, ...(result.body !== undefined ? { body: result.body } : {}) });
  }
  return { status: 200, body: { responses } };
}
