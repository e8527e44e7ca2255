/** What went wrong with a Graph call, as plain data (server actions return it to the browser as is). */
export type GraphErrorKind =
  | "network"
  | "unauthenticated"
  | "missing-sync-permission"
  | "forbidden"
  | "not-found"
  | "bad-request"
  | "conflict"
  | "throttled"
  | "server"
  | "unexpected";

export interface GraphErrorInfo {
  kind: GraphErrorKind;
  /** HTTP status, or 0 when no response arrived. */
  status: number;
  /** Graph's `error.code` (e.g. Request_ResourceNotFound), or ours for network failures. */
  code: string;
  message: string;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
  retryAfterSeconds?: number;
}

export class GraphError extends Error {
  constructor(readonly info: GraphErrorInfo) {
    super(info.message || `${info.code} (HTTP ${info.status})`);
    this.name = "GraphError";
  }
}

interface GraphErrorEnvelope {
  error?: {
    code?: unknown;
    message?: unknown;
    innerError?: Record<string, unknown>;
    innererror?: Record<string, unknown>;
  };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}

/** Retry-After in seconds (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function kindOf(status: number, code: string, path: string): GraphErrorKind {
  // Real Graph quirk (SYNC-API §12): /synchronization without a Synchronization scope → 401 UnknownError.
  if (status === 401 && code === "UnknownError" && /\/synchronization(\/|$)/i.test(path)) return "missing-sync-permission";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 409 || status === 412) return "conflict";
  if (status === 429) return "throttled";
  if (status >= 500) return "server";
  if (status >= 400) return "bad-request";
  return "unexpected";
}

/** Turns a non-2xx Graph response into one typed error. `path` is the Graph path the request addressed. */
export function graphErrorFromResponse(response: Response, body: string, path: string): GraphError {
  let envelope: GraphErrorEnvelope = {};
  try {
    envelope = JSON.parse(body) as GraphErrorEnvelope;
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): keep the status alone.
  }
  const inner = envelope.error?.innerError ?? envelope.error?.innererror ?? {};
  const code = text(envelope.error?.code) ?? `HTTP${response.status}`;
  return new GraphError({
    kind: kindOf(response.status, code, path),
    status: response.status,
    code,
    message: text(envelope.error?.message) ?? "",
    requestId: text(inner["request-id"]) ?? response.headers.get("request-id") ?? undefined,
    clientRequestId: text(inner["client-request-id"]) ?? response.headers.get("client-request-id") ?? undefined,
    date: text(inner.date),
    retryAfterSeconds: parseRetryAfter(response.headers.get("retry-after")),
  });
}

export function networkGraphError(cause: unknown, clientRequestId: string): GraphError {
  const timeout = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
  return new GraphError({
    kind: "network",
    status: 0,
    code: timeout ? "Timeout" : "NetworkError",
    message: timeout ? "Microsoft Graph did not answer in time." : "Microsoft Graph could not be reached.",
    clientRequestId,
  });
}

/** Any failure of a Graph call as GraphErrorInfo, so every screen shows errors the same way. */
export function toErrorInfo(error: unknown): GraphErrorInfo {
  if (error instanceof GraphError) return error.info;
  return { kind: "unexpected", status: 0, code: error instanceof Error ? error.name : "Error", message: error instanceof Error ? error.message : String(error) };
}

/** Whether a fetch or a stream read stopped because its signal was aborted: an abort is no failure to report. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

/** Used when Graph throttles without saying how long to wait. */
const DEFAULT_THROTTLE_WAIT_SECONDS = 5;

/** When trying again is allowed (epoch ms): after Graph's Retry-After, or a default wait when it throttled without one; null when nothing says wait. */
export function retryAllowedAt(error: { kind: string; retryAfterSeconds?: number }, now = Date.now()): number | null {
  const wait = error.retryAfterSeconds ?? (error.kind === "throttled" ? DEFAULT_THROTTLE_WAIT_SECONDS : undefined);
  return wait ? now + wait * 1000 : null;
}
