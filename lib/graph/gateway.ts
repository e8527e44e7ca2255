import { abortableSleep } from "./abortable-sleep";
import { GraphError, graphErrorFromResponse, networkGraphError, type GraphErrorInfo } from "./graph-error";

export type GraphMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type GraphQuery = Record<string, string | number | boolean | undefined>;

export interface GraphGatewayOptions {
  /** Graph origin, e.g. https://graph.microsoft.com (from server configuration, never from input). */
  baseUrl: string;
  version: "beta" | "v1.0";
  /** Called before every request; the token is only ever sent in the Authorization header. */
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
  /** Automatic retries of safe requests (GETs) on 429/503/504; default 3. */
  maxRetries?: number;
  /** A Retry-After longer than this is not waited out; the error goes to the caller with its wait. */
  maxRetryWaitSeconds?: number;
  timeoutMs?: number;
  /** How to wait before a retry; must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface GraphRequest {
  method: GraphMethod;
  /** Path after the version, starting with "/"; build it with `segment()` for ids. */
  path: string;
  query?: GraphQuery;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface GraphPage<T> {
  value: T[];
  nextLink?: string;
  count?: number;
}

export interface BatchRequest {
  id: string;
  method: GraphMethod;
  /** Path after the version, with its query string. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export type BatchResult<T = unknown> = { id: string; ok: true; status: number; data: T } | { id: string; ok: false; error: GraphErrorInfo };

export const MAX_BATCH_SIZE = 20;

/** One path segment from an id: URL-encoded, and never "." or ".." (which URLs would resolve away). */
export function segment(id: string): string {
  if (!id || id === "." || id === "..") throw new Error(`"${id}" is not a usable Graph id.`);
  return encodeURIComponent(id);
}

export function queryString(query: GraphQuery = {}): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

const RETRIABLE = new Set([429, 503, 504]);

interface BatchAnswer {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const UNREADABLE_ANSWER = "UnreadableGraphResponse";

/** Whether Graph answered 2xx with a body the console cannot read (for a change, it still means Graph did it). */
export function isUnreadableAnswer(error: unknown): boolean {
  return error instanceof GraphError && error.info.code === UNREADABLE_ANSWER;
}

/** A 2xx answer the console cannot read. Its body is never quoted: it may be anything (a proxy's page, another service's data). */
function unreadableAnswer(response: Response, message: string): GraphError {
  return new GraphError({
    kind: "unexpected",
    status: response.status,
    code: UNREADABLE_ANSWER,
    message,
    requestId: response.headers.get("request-id") ?? undefined,
    clientRequestId: response.headers.get("client-request-id") ?? undefined,
  });
}

function parseAnswer<T>(response: Response, body: string): T {
  if (!body) return undefined as T;
  try {
    return JSON.parse(body) as T;
  } catch {
    throw unreadableAnswer(response, "Microsoft Graph answered with a body that is not JSON.");
  }
}

export type GraphGateway = ReturnType<typeof createGraphGateway>;

/** The one gateway to Microsoft Graph: auth header, error envelope, Retry-After, paging and $batch. */
/** The Graph the console is configured for (origin and version from server configuration), called with `getToken`. */
export function configuredGraphGateway(
  config: { graphBaseUrl: string; graphApiVersion: GraphGatewayOptions["version"] },
  getToken: GraphGatewayOptions["getToken"],
): GraphGateway {
  return createGraphGateway({ baseUrl: config.graphBaseUrl, version: config.graphApiVersion, getToken });
}

export function createGraphGateway(options: GraphGatewayOptions) {
  const root = `${options.baseUrl.replace(/\/+$/, "")}/${options.version}`;
  const doFetch = options.fetch ?? fetch;
  const maxRetries = options.maxRetries ?? 3;
  const maxWait = options.maxRetryWaitSeconds ?? 10;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const sleep = options.sleep ?? abortableSleep;

  /** Sends one request to an absolute Graph URL; safe requests are retried on throttling and outages. */
  async function send(url: string, method: GraphMethod, init: { body?: unknown; headers?: Record<string, string>; safe: boolean; signal?: AbortSignal }) {
    const path = new URL(url).pathname;
    for (let attempt = 0; ; attempt++) {
      init.signal?.throwIfAborted();
      const clientRequestId = crypto.randomUUID();
      const headers: Record<string, string> = {
        accept: "application/json",
        "client-request-id": clientRequestId,
        ...init.headers,
        authorization: `Bearer ${await options.getToken()}`,
      };
      if (init.body !== undefined) headers["content-type"] = "application/json";
      let response: Response;
      let body: string;
      // A timer of our own, cleared once the answer is read: AbortSignal.timeout's timer lives its whole 30 s and
      // keeps the server request it was created in (Next's AsyncLocalStorage store: the request, its response,
      // the render) alive that long after the answer; under load that was most of the console's heap.
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(new DOMException("Microsoft Graph did not answer in time.", "TimeoutError")), timeoutMs);
      try {
        response = await doFetch(url, {
          method,
          headers,
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          cache: "no-store",
          // Graph answers these APIs without redirects: one would carry the token's request elsewhere.
          redirect: "error",
          signal: init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal,
        });
        body = response.status === 204 ? "" : await response.text();
      } catch (cause) {
        // The caller's cancel is no Graph failure: it reaches the caller as the signal's AbortError.
        init.signal?.throwIfAborted();
        throw networkGraphError(cause, clientRequestId);
      } finally {
        clearTimeout(timer);
      }
      if (response.ok) return { response, body };
      const error = graphErrorFromResponse(response, body, path);
      const wait = error.info.retryAfterSeconds ?? 2 ** attempt;
      if (!init.safe || !RETRIABLE.has(response.status) || attempt >= maxRetries || wait > maxWait) throw error;
      await sleep(wait * 1000, init.signal);
    }
  }

  async function request<T>(req: GraphRequest): Promise<{ status: number; data: T; headers: Headers }> {
    if (!req.path.startsWith("/")) throw new Error(`Graph paths start with "/": ${req.path}`);
    const url = `${root}${req.path}${queryString(req.query)}`;
    const { response, body } = await send(url, req.method, { body: req.body, headers: req.headers, safe: req.method === "GET" });
    return { status: response.status, data: parseAnswer<T>(response, body), headers: response.headers };
  }

  /** A page of a collection; pass `nextLink` to continue (followed verbatim, but only on this Graph). `signal` cancels it. */
  async function page<T>(
    start: { path: string; query?: GraphQuery } | { nextLink: string },
    headers?: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<GraphPage<T>> {
    let url: string;
    if ("nextLink" in start) {
      if (!start.nextLink.startsWith(`${root}/`)) throw new Error("Refusing to follow an @odata.nextLink to another host or version.");
      url = start.nextLink;
    } else {
      url = `${root}${start.path}${queryString(start.query)}`;
    }
    const { response, body } = await send(url, "GET", { headers, safe: true, signal });
    const json = parseAnswer<{ value?: T[]; "@odata.nextLink"?: string; "@odata.count"?: number } | undefined>(response, body) ?? {};
    return { value: json.value ?? [], nextLink: json["@odata.nextLink"], count: json["@odata.count"] };
  }

  /** JSON batching: up to 20 requests in one round trip; each answer is a result, never a throw. `signal` cancels it. */
  async function batch<T = unknown>(requests: BatchRequest[], signal?: AbortSignal): Promise<BatchResult<T>[]> {
    if (requests.length === 0) return [];
    if (requests.length > MAX_BATCH_SIZE) throw new Error(`A Graph $batch holds at most ${MAX_BATCH_SIZE} requests.`);
    const safe = requests.every((r) => r.method === "GET");
    const { response, body } = await send(`${root}/$batch`, "POST", { body: { requests }, safe, signal });
    const json = parseAnswer<{ responses?: unknown } | undefined>(response, body);
    if (!Array.isArray(json?.responses)) throw unreadableAnswer(response, "Microsoft Graph's $batch answer has no list of responses.");
    const answers = (json.responses as unknown[]).filter((r): r is BatchAnswer => !!r && typeof r === "object" && typeof (r as BatchAnswer).id === "string");
    const byId = new Map(answers.map((r) => [r.id, r]));
    return requests.map((req): BatchResult<T> => {
      const answer = byId.get(req.id);
      if (!answer) {
        return { id: req.id, ok: false, error: { kind: "unexpected", status: 0, code: "MissingBatchResponse", message: "Graph did not answer this request of the batch." } };
      }
      if (typeof answer.status !== "number") {
        return { id: req.id, ok: false, error: { kind: "unexpected", status: 0, code: UNREADABLE_ANSWER, message: "Graph's answer to this request of the batch has no status." } };
      }
      if (answer.status >= 200 && answer.status < 300) return { id: req.id, ok: true, status: answer.status, data: answer.body as T };
      const headers = new Headers(answer.headers ?? {});
      const error = graphErrorFromResponse(new Response(null, { status: answer.status, headers }), JSON.stringify(answer.body ?? {}), req.url.split("?")[0]);
      return { id: req.id, ok: false, error: error.info };
    });
  }

  return {
    request,
    page,
    batch,
    get: async <T>(path: string, query?: GraphQuery, headers?: Record<string, string>) =>
      (await request<T>({ method: "GET", path, query, headers })).data,
  };
}

export { GraphError };
