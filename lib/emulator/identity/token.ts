/**
 * `/{tenant}/oauth2/v2.0/token` (CORS): `authorization_code` with PKCE and `refresh_token`. Refresh
 * tokens are good for any resource (here: Graph) and rotate; responses and errors are Entra v2 shaped.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PersonaId } from "../auth/personas";
import { issueGraphAccessToken } from "../auth/tokens";
import type { IdpContext } from "./authorize";
import { isKnownClient } from "./client";
import { Errors, errorContext, tokenErrorBody, type ErrorContext, type StsError } from "./errors";
import { applyCors, readForm, sendEmpty, sendJson } from "./http";
import { clientInfo, issueIdToken } from "./id-token";
import { verifierMatches } from "./pkce";
import { grantedScopeString, isStsError, parseScopes, type ScopeRequest } from "./scopes";
import {
  ROTATION_GRACE_SECONDS,
  codes,
  digest,
  families,
  mintRefreshToken,
  refreshTokens,
  revokeFamilies,
} from "./state";

interface Grant {
  persona: PersonaId;
  clientId: string;
  sessionId: string;
  scopes: ScopeRequest;
  /** Whether the response carries an id_token / refresh token. */
  openid: boolean;
  offline: boolean;
  nonce: string | null;
  familyId?: string;
  /** The redeemed code's list of families, so a replayed code can revoke what it produced. */
  producedFamilies?: string[];
  wantsClientInfo: boolean;
}

type GrantResult = Grant | StsError;

function scopesFor(form: URLSearchParams, fallback?: string[]): ScopeRequest | StsError {
  const raw = form.get("scope");
  return parseScopes(raw !== null && raw.trim() !== "" ? raw : fallback ? fallback.join(" ") : null);
}

function redeemCode(form: URLSearchParams, clientId: string): GrantResult {
  const code = form.get("code");
  if (!code) return Errors.missingParameter("code");
  const grant = codes.get(digest(code));
  if (!grant) return Errors.codeInvalid("");
  if (grant.used) {
    // RFC 6749 §4.1.2: a replayed code revokes what it produced.
    revokeFamilies(grant.familyIds);
    return Errors.codeRedeemed();
  }
  // One attempt per code: whatever the outcome below, the code is spent.
  grant.used = true;
  if (grant.expiresAt <= Date.now()) return Errors.codeExpired();
  if (grant.request.clientId !== clientId) return Errors.codeInvalid("The code was issued to a different application.");
  const redirectUri = form.get("redirect_uri");
  if (!redirectUri) return Errors.missingParameter("redirect_uri");
  if (redirectUri !== grant.request.redirectUri) return Errors.replyMismatch();
  if (!verifierMatches(form.get("code_verifier"), grant.request.codeChallenge)) return Errors.verifierMismatch();
  const scopes = scopesFor(form, grant.request.scopes);
  if (isStsError(scopes)) return scopes;
  const authorized = new Set(grant.request.scopes.map((s) => s.toLowerCase()));
  return {
    persona: grant.persona,
    clientId,
    sessionId: grant.sessionId,
    scopes,
    openid: authorized.has("openid"),
    offline: authorized.has("offline_access") || scopes.oidc.has("offline_access"),
    nonce: grant.request.nonce,
    wantsClientInfo: form.get("client_info") === "1",
    producedFamilies: grant.familyIds,
  };
}

function redeemRefreshToken(form: URLSearchParams, clientId: string): GrantResult {
  const token = form.get("refresh_token");
  if (!token) return Errors.missingParameter("refresh_token");
  const record = refreshTokens.get(digest(token));
  const family = record ? families.get(record.familyId) : undefined;
  if (!record || !family) return Errors.refreshInvalid("");
  if (family.clientId !== clientId) return Errors.refreshInvalid("The refresh token was issued to a different application.");
  if (family.revoked) return Errors.refreshRevoked();
  if (family.expiresAt <= Date.now()) return Errors.refreshExpired();
  if (record.rotatedAt !== undefined && Date.now() - record.rotatedAt > ROTATION_GRACE_SECONDS * 1000) {
    return Errors.refreshInvalid("The refresh token was already exchanged for a newer one (rotation); use the refresh token from the latest response.");
  }
  const scopes = scopesFor(form);
  if (isStsError(scopes)) return scopes;
  record.rotatedAt ??= Date.now();
  return {
    persona: family.persona,
    clientId,
    sessionId: family.sessionId,
    scopes,
    openid: scopes.oidc.has("openid"),
    offline: true,
    nonce: null,
    familyId: family.id,
    wantsClientInfo: form.get("client_info") === "1",
  };
}

async function tokenResponse(grant: Grant, issuer: string) {
  const access = await issueGraphAccessToken({ persona: grant.persona, clientId: grant.clientId });
  const body: Record<string, string | number> = {
    token_type: "Bearer",
    scope: grantedScopeString(grant.persona, grant.scopes),
    expires_in: access.expiresIn,
    ext_expires_in: access.expiresIn,
    access_token: access.token,
  };
  if (grant.offline) {
    const minted = mintRefreshToken({ persona: grant.persona, clientId: grant.clientId, sessionId: grant.sessionId, familyId: grant.familyId });
    grant.producedFamilies?.push(minted.familyId);
    body.refresh_token = minted.token;
  }
  if (grant.openid) {
    body.id_token = await issueIdToken({ persona: grant.persona, clientId: grant.clientId, issuer, nonce: grant.nonce });
  }
  if (grant.wantsClientInfo) body.client_info = clientInfo(grant.persona);
  return body;
}

function sendTokenError(res: ServerResponse, err: StsError, ctx: ErrorContext): void {
  const status = err.error === "invalid_client" ? 401 : 400;
  sendJson(res, status, tokenErrorBody(err, ctx), { "x-ms-request-id": ctx.traceId, "client-request-id": ctx.correlationId });
}

export async function handleToken(ctx: IdpContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  applyCors(req, res);
  if (req.method === "OPTIONS") return sendEmpty(res, 204);
  const errCtx = errorContext(url.searchParams.get("client-request-id") ?? headerValue(req, "client-request-id"));
  const form = await readForm(req);
  const clientId = form.get("client_id");
  if (!clientId) return sendTokenError(res, Errors.missingParameter("client_id"), errCtx);
  if (!isKnownClient(clientId)) return sendTokenError(res, Errors.unknownClient(clientId, ctx.tenantId), errCtx);
  const grantType = form.get("grant_type");
  if (!grantType) return sendTokenError(res, Errors.missingParameter("grant_type"), errCtx);

  let grant: GrantResult;
  if (grantType === "authorization_code") grant = redeemCode(form, clientId);
  else if (grantType === "refresh_token") grant = redeemRefreshToken(form, clientId);
  else return sendTokenError(res, Errors.unsupportedGrant(grantType), errCtx);
  if (isStsError(grant)) return sendTokenError(res, grant, errCtx);

  const body = await tokenResponse(grant, `${ctx.origin}/${ctx.tenantId}/v2.0`);
  sendJson(res, 200, body, { "x-ms-request-id": errCtx.traceId, "client-request-id": errCtx.correlationId });
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
}
