import type { ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { errorBody } from "./errors";
import { JSON_CONTENT_TYPE } from "./send";

/**
 * Requests Node's HTTP parser refuses before any handler runs (bad request line, unknown method, bad
 * Content-Length, headers over 16 KB) or that time out (`requestTimeoutMs`): answered with the Graph error
 * envelope and `Connection: close`, like every other emulator error. Never written over a response that
 * has started (that would corrupt it): then the socket is just closed.
 */
const ANSWERS: Record<string, [status: number, reason: string, code: string, message: string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large", "RequestHeaderFieldsTooLarge", "The request headers are too large."],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout", "RequestTimeout", "The request was not received completely in time."],
};
const BAD_REQUEST: [number, string, string, string] = [400, "Bad Request", "BadRequest", "The request could not be read as HTTP/1.1."];

export function clientErrorResponse(errorCode: string | undefined): string {
  const [status, reason, code, message] = (errorCode && ANSWERS[errorCode]) || BAD_REQUEST;
  const body = JSON.stringify(errorBody(code, message, "", ""));
  return [
    `HTTP/1.1 ${status} ${reason}`,
    `Content-Type: ${JSON_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // Node keeps the response in flight on the socket; its headers tell whether bytes were already written.
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    socket.end(clientErrorResponse(error.code));
    socket.once("finish", () => socket.destroy());
  } else {
    socket.destroy();
  }
}
