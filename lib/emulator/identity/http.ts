/** Small node:http helpers for the identity provider: origin, bodies, cookies, CORS, responses. */
import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_FORM_BYTES = 64 * 1024;

/** The emulator's own origin as the browser sees it, from the Host header (`http://127.0.0.1:4010`). */
export function requestOrigin(req: IncomingMessage): string {
  const host = req.headers.host ?? "";
  if (/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host) || /^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) {
    return `http://${host.toLowerCase()}`;
  }
  const port = req.socket.localPort ?? 4010;
  return `http://127.0.0.1:${port}`;
}

export class BodyTooLargeError extends Error {}

/** Reads an `application/x-www-form-urlencoded` body (anything else parses as empty), ≤ 64 KB. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new BodyTooLargeError("form body too large");
    chunks.push(chunk);
  }
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return new URLSearchParams();
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export function parseCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(index + 1).trim());
  }
  return cookies;
}

export interface CookieOptions {
  path: string;
  /** Seconds; omit for a browser-session cookie, 0 to delete. */
  maxAge?: number;
}

/** HttpOnly, SameSite=Lax (same-site console and provider on 127.0.0.1: sent in hidden iframes too). */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, `Path=${options.path}`, "HttpOnly", "SameSite=Lax"];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  if (options.maxAge === 0) parts.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  return parts.join("; ");
}

export function appendSetCookie(res: ServerResponse, cookie: string): void {
  const existing = res.getHeader("Set-Cookie");
  const list = Array.isArray(existing) ? existing : existing === undefined ? [] : [String(existing)];
  res.setHeader("Set-Cookie", [...list, cookie]);
}

/**
 * CORS for the SPA endpoints, no credentials. Entra answers any origin (`*`); the emulator echoes the request's
 * Origin, which its access policy (`../http/access.ts`, run before this router) has already checked: only the
 * emulator's own origin and the configured console origin get this far. No Origin: no Allow-Origin header.
 */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return origin ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : { Vary: "Origin" };
}

export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  for (const [name, value] of Object.entries(corsHeaders(req))) res.setHeader(name, value);
  res.setHeader("Access-Control-Expose-Headers", "x-ms-request-id, client-request-id, x-ms-clitelem");
  if (req.method === "OPTIONS") {
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    const requested = req.headers["access-control-request-headers"];
    res.setHeader("Access-Control-Allow-Headers", typeof requested === "string" && requested ? requested : "content-type");
    res.setHeader("Access-Control-Max-Age", "86400");
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
    Pragma: "no-cache",
    ...headers,
  });
  res.end(text);
}

/**
 * HTML pages: no script, inline styles only, never framed, no referrer to other origins (URLs carry state/nonce).
 * `no-referrer` by default; the account picker sends `same-origin`, because under `no-referrer` Chromium posts a
 * form with `Origin: null`, which the access policy refuses; `same-origin` sends the real Origin (and a Referer)
 * to the emulator itself only.
 */
export function sendHtml(res: ServerResponse, status: number, html: string, referrerPolicy: "no-referrer" | "same-origin" = "no-referrer"): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": referrerPolicy,
  });
  res.end(html);
}

export function sendRedirect(res: ServerResponse, location: string, status = 302): void {
  res.writeHead(status, {
    Location: location,
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "Content-Length": 0,
  });
  res.end();
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Length": 0, ...headers });
  res.end();
}
