import type { IncomingMessage, ServerResponse } from "node:http";
import { TENANT_ID } from "../auth/personas";
import { handleAuthorizeGet, handleAuthorizePost, type IdpContext } from "./authorize";
import { handleKeys, handleOpenIdConfiguration } from "./discovery";
import { Errors, errorContext, tokenErrorBody } from "./errors";
import { BodyTooLargeError, corsHeaders, requestOrigin, sendEmpty, sendHtml, sendJson } from "./http";
import { errorPage } from "./pages";
import { handleLogout } from "./logout";
import { handleToken } from "./token";

/** Tenant path segments answered for the embedded tenant: its id and Entra's multi-tenant aliases. */
const TENANT_ALIASES = new Set([TENANT_ID, "organizations", "common"]);

type Route = "openid-configuration" | "authorize" | "token" | "logout" | "keys";

const ROUTES: Record<string, { route: Route; methods: string[] }> = {
  "v2.0/.well-known/openid-configuration": { route: "openid-configuration", methods: ["GET", "HEAD", "OPTIONS"] },
  "oauth2/v2.0/authorize": { route: "authorize", methods: ["GET", "POST"] },
  "oauth2/v2.0/token": { route: "token", methods: ["POST", "OPTIONS"] },
  "oauth2/v2.0/logout": { route: "logout", methods: ["GET", "POST"] },
  "discovery/v2.0/keys": { route: "keys", methods: ["GET", "HEAD", "OPTIONS"] },
};

/**
 * Entra-shaped identity provider under `/{tenantId}/...` (Sign-in issue). The Graph server calls this
 * for every path outside /v1.0, /beta and /_emulator. Returns true when it handled the request, false
 * when the path is not an identity path.
 */
export async function handleIdentityRequest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const match = /^\/([^/]+)\/(.+?)\/?$/.exec(url.pathname);
  if (!match) return false;
  const entry = ROUTES[match[2].toLowerCase()];
  if (!entry) return false;
  let segment: string;
  try {
    segment = decodeURIComponent(match[1]);
  } catch {
    return false;
  }
  const ctx: IdpContext = { origin: requestOrigin(req), tenantSegment: segment, tenantId: TENANT_ID };
  const method = req.method ?? "GET";

  if (!TENANT_ALIASES.has(segment.toLowerCase())) {
    // Identity-shaped path for a tenant we do not host: answer like Entra instead of a Graph 404.
    const err = Errors.unknownTenant(segment);
    const errCtx = errorContext(url.searchParams.get("client-request-id"));
    if (entry.route === "authorize" || entry.route === "logout") {
      sendHtml(res, 400, errorPage({ code: err.code, message: err.message, ...errCtx }));
    } else {
      sendJson(res, 400, tokenErrorBody(err, errCtx), corsHeaders(req));
    }
    return true;
  }
  // Canonicalise the tenant id's case; aliases keep their own segment (cookie paths follow the URL).
  if (segment.toLowerCase() === TENANT_ID) ctx.tenantSegment = TENANT_ID;

  if (!entry.methods.includes(method)) {
    sendEmpty(res, 405, { Allow: entry.methods.join(", ") });
    return true;
  }
  try {
    switch (entry.route) {
      case "openid-configuration":
        handleOpenIdConfiguration(ctx, req, res);
        break;
      case "keys":
        await handleKeys(req, res);
        break;
      case "authorize":
        if (method === "POST") await handleAuthorizePost(ctx, req, res);
        else await handleAuthorizeGet(ctx, req, res, url);
        break;
      case "token":
        await handleToken(ctx, req, res, url);
        break;
      case "logout":
        await handleLogout(ctx, req, res, url);
        break;
    }
  } catch (error) {
    if (!res.headersSent) {
      if (error instanceof BodyTooLargeError) sendEmpty(res, 413, { Connection: "close" });
      else throw error;
    }
  }
  return true;
}

export { EMBEDDED_CLIENT_ID } from "./client";
export { resetIdentityState } from "./state";
