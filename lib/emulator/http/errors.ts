/**
 * The Graph error envelope: `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`
 * (SYNC-API §7). Handlers throw `GraphError`; the server turns it (and anything unexpected) into this shape.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; innerError: { date: string; "request-id": string; "client-request-id": string } };
}

/** Graph writes `innerError.date` without fraction or zone, e.g. `2024-05-01T10:00:00`. */
export function graphDate(now = new Date()): string {
  return now.toISOString().slice(0, 19);
}

export function errorBody(code: string, message: string, requestId: string, clientRequestId: string): ErrorBody {
  return { error: { code, message, innerError: { date: graphDate(), "request-id": requestId, "client-request-id": clientRequestId } } };
}

export const badRequest = (message: string, code = "BadRequest") => new GraphError(400, code, message);
export const notFound = (message: string, code = "Request_ResourceNotFound") => new GraphError(404, code, message);

export const INVALID_JSON_MESSAGE =
  "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.";

export function resourceNotFound(id: string): GraphError {
  return notFound(`Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

/**
 * 405 with the `Allow` header (RFC 9110 §15.5.6) listing the methods the resource answers. Code and message
 * are Graph's, from the 405 in the JSON batching docs' example response (concepts/json-batching.md).
 */
export function methodNotAllowed(allowed: readonly string[]): GraphError {
  return new GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.", { Allow: [...new Set(allowed)].join(", ") });
}

export function segmentNotFound(segment: string): GraphError {
  return badRequest(`Resource not found for the segment '${segment}'.`);
}
