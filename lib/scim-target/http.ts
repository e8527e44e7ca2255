import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { ScimError, badRequest, errorBody } from "./errors";

/** RFC 7644 §3.1 / §8.1: the SCIM media type, on every answer with a body. */
export const SCIM_CONTENT_TYPE = "application/scim+json";

/** Request bodies over this many bytes are refused with 413 (before or while reading). */
export const MAX_BODY_BYTES = 1024 * 1024;

export function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  if (body === undefined) {
    res.writeHead(status, { ...headers, "Content-Length": "0" });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": SCIM_CONTENT_TYPE, ...headers, "Content-Length": String(Buffer.byteLength(text)) });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ScimError): void {
  send(res, error.status, error.body(), error.headers);
}

/** The request announces a body (which the server may leave unread, then it closes the connection). */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? "0") > 0;
}

const tooLarge = () =>
  new ScimError(413, undefined, `The request body exceeds the maximum of ${MAX_BODY_BYTES} bytes (RFC 7644 §3.12: 413 Request Entity Too Large).`, { Connection: "close" });

/** Reads the whole body; 413 past MAX_BODY_BYTES, as soon as the declared length or the bytes read exceed it. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on("error", () => {
      if (!failed) reject(badRequest("invalidSyntax", "The request body was not received completely."));
    });
  });
}

/**
 * A request body is JSON in `application/scim+json` (RFC 7644 §3.1) or `application/json` (§3.8: accepted too),
 * UTF-8 (RFC 8259 §8.1). Empty → undefined (the handler says what was missing); another type → 415;
 * unreadable JSON → 400 invalidSyntax.
 */
export function parseJsonBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const [type, ...params] = (contentType ?? "").split(";").map((part) => part.trim().toLowerCase());
  if (type !== SCIM_CONTENT_TYPE && type !== "application/json")
    throw new ScimError(415, undefined, `The request body must be application/scim+json or application/json (RFC 7644 §3.8), not '${contentType ?? "(no Content-Type)"}'.`);
  const charset = params.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "");
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8")
    throw new ScimError(415, undefined, `The request body must be UTF-8 (RFC 8259 §8.1), not charset '${charset}'.`);
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw badRequest("invalidSyntax", "The request body is not valid JSON.");
  }
}

/**
 * Requests Node's HTTP parser refuses before any handler runs (bad request line, headers over 16 KB) or that do
 * not arrive in time: answered with a SCIM error and `Connection: close`, unless a response has started.
 */
const CLIENT_ERRORS: Record<string, [status: number, reason: string, detail: string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large", "The request headers are too large."],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout", "The request was not received completely in time."],
};
const BAD_REQUEST: [number, string, string] = [400, "Bad Request", "The request could not be read as HTTP/1.1."];

export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, reason, detail] = (error.code && CLIENT_ERRORS[error.code]) || BAD_REQUEST;
  const body = JSON.stringify(errorBody(status, undefined, detail));
  socket.end(
    [`HTTP/1.1 ${status} ${reason}`, `Content-Type: ${SCIM_CONTENT_TYPE}`, `Content-Length: ${Buffer.byteLength(body)}`, "Connection: close", "", body].join("\r\n"),
  );
  socket.once("finish", () => socket.destroy());
}
