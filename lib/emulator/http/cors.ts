import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * CORS for Graph and the controls: Authorization/ConsistencyLevel/client-request-id allowed, ids exposed.
 * Graph answers any origin; the emulator echoes only an Origin its access policy (`access.ts`) let through,
 * which runs first: a foreign origin never gets here. No Origin (scripts, Node): no Allow-Origin header.
 */
export const EXPOSED_HEADERS = "request-id, client-request-id, Retry-After, Location, x-ms-ags-diagnostic, Content-Type";
const DEFAULT_ALLOWED_HEADERS = "Authorization, Content-Type, ConsistencyLevel, client-request-id, return-client-request-id, Prefer, SdkVersion";

export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (origin) res.setHeader("Access-Control-Allow-Origin", origin);
  res.setHeader("Vary", "Origin");
  res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
}

export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers["access-control-request-headers"];
  res.writeHead(204, {
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": typeof requested === "string" && requested.trim() ? requested : DEFAULT_ALLOWED_HEADERS,
    "Access-Control-Max-Age": "3600",
  });
  res.end();
}
