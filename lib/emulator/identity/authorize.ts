/**
 * `/{tenant}/oauth2/v2.0/authorize`: GET validates the request and either answers silently (session
 * cookie) or shows the account picker; POST is the picker's form (per-request transaction id bound to
 * a browser cookie) and issues the code.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { PERSONAS, isPersonaId, type PersonaId } from "../auth/personas";
import { EMBEDDED_CLIENT_NAME, isKnownClient, isRegisteredRedirectUri } from "./client";
import { Errors, authorizeErrorParams, errorContext, stsError, type StsError } from "./errors";
import { appendSetCookie, parseCookies, readForm, sendHtml, sendRedirect, serializeCookie } from "./http";
import { errorPage, signInPage } from "./pages";
import { isS256Challenge } from "./pkce";
import { redirectWith } from "./redirect";
import { isStsError, parseScopes } from "./scopes";
import { digest, newSecret, transactions, TRANSACTION_TTL_SECONDS, type AuthorizeRequest } from "./state";
import { currentSession, issueCode, startSession } from "./session";

export interface IdpContext {
  /** `http://127.0.0.1:4010` */
  origin: string;
  /** The tenant path segment as requested (the tenant id or an alias). */
  tenantSegment: string;
  /** The canonical tenant id. */
  tenantId: string;
}

const BROWSER_COOKIE = "emu_browser";
const BROWSER_COOKIE_MAX_AGE = 24 * 3600;
const PROMPTS = new Set(["none", "login", "select_account", "consent", "create"]);

function sendErrorPage(res: ServerResponse, err: StsError, clientRequestId: string | null): void {
  const ctx = errorContext(clientRequestId);
  sendHtml(res, 400, errorPage({ code: err.code, message: err.message, ...ctx }));
}

function redirectError(res: ServerResponse, request: Pick<AuthorizeRequest, "redirectUri" | "responseMode" | "state">, err: StsError, clientRequestId: string | null): void {
  const params = authorizeErrorParams(err, errorContext(clientRequestId), request.state);
  sendRedirect(res, redirectWith(request.redirectUri, request.responseMode, params));
}

/** login_hint may be a UPN (MSAL sends the account's username) or a persona id. */
export function personaForHint(hint: string | null): PersonaId | undefined {
  if (!hint) return undefined;
  const lower = hint.trim().toLowerCase();
  return Object.values(PERSONAS).find((p) => p.upn.toLowerCase() === lower || p.id === lower)?.id;
}

type Parsed = { ok: true; request: AuthorizeRequest } | { ok: false; fatal: boolean; error: StsError; partial?: AuthorizeRequest };

/** Validate in Entra's order: client and redirect URI first (errors shown as a page), then the rest (errors redirected). */
export function parseAuthorizeRequest(ctx: IdpContext, query: URLSearchParams): Parsed {
  const clientId = query.get("client_id") ?? "";
  if (!clientId) return { ok: false, fatal: true, error: Errors.missingParameter("client_id") };
  if (!isKnownClient(clientId)) return { ok: false, fatal: true, error: Errors.unknownClient(clientId, ctx.tenantId) };
  const redirectUri = query.get("redirect_uri") ?? "";
  if (!redirectUri) return { ok: false, fatal: true, error: Errors.missingParameter("redirect_uri") };
  if (!isRegisteredRedirectUri(clientId, redirectUri)) return { ok: false, fatal: true, error: Errors.redirectMismatch(redirectUri, clientId) };

  const rawMode = query.get("response_mode");
  const partial: AuthorizeRequest = {
    tenantSegment: ctx.tenantSegment,
    clientId,
    redirectUri,
    responseMode: rawMode === "fragment" ? "fragment" : "query",
    scopes: [],
    state: query.get("state"),
    nonce: query.get("nonce"),
    codeChallenge: "",
    clientInfo: query.get("client_info") === "1",
    loginHint: query.get("login_hint"),
    prompt: query.get("prompt"),
  };
  const fail = (error: StsError): Parsed => ({ ok: false, fatal: false, error, partial });
  if (rawMode !== null && rawMode !== "query" && rawMode !== "fragment") return fail(Errors.unsupportedResponseMode(rawMode));
  const responseType = query.get("response_type");
  if (!responseType) return fail(Errors.missingParameter("response_type"));
  if (responseType !== "code") return fail(Errors.unsupportedResponseType(responseType));
  const scopes = parseScopes(query.get("scope"));
  if (isStsError(scopes)) return fail(scopes);
  const challenge = query.get("code_challenge");
  const method = query.get("code_challenge_method");
  if (!challenge || method !== "S256") return fail(Errors.pkceRequired());
  if (!isS256Challenge(challenge)) return fail(Errors.challengeInvalid());
  if (partial.prompt !== null && !PROMPTS.has(partial.prompt)) {
    return fail(stsError("invalid_request", 90023, `Invalid STS request: unsupported prompt '${partial.prompt}'.`));
  }
  return { ok: true, request: { ...partial, scopes: scopes.scopes, codeChallenge: challenge } };
}

export async function handleAuthorizeGet(ctx: IdpContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const clientRequestId = url.searchParams.get("client-request-id");
  const parsed = parseAuthorizeRequest(ctx, url.searchParams);
  if (!parsed.ok) {
    if (parsed.fatal || !parsed.partial) return sendErrorPage(res, parsed.error, clientRequestId);
    return redirectError(res, parsed.partial, parsed.error, clientRequestId);
  }
  const request = parsed.request;
  const session = currentSession(req);
  const hinted = personaForHint(request.loginHint);

  if (request.prompt === "none") {
    if (!session) return redirectError(res, request, Errors.loginRequired(), clientRequestId);
    if (request.loginHint && hinted !== session.persona) return redirectError(res, request, Errors.selectAccount(), clientRequestId);
    return sendRedirect(res, issueCode(request, session));
  }
  const forceUi = request.prompt !== null;
  if (!forceUi && session && (!request.loginHint || hinted === session.persona)) {
    return sendRedirect(res, issueCode(request, session));
  }

  // Account picker: a one-time transaction id, bound to this browser by a SameSite=Lax cookie.
  const cookies = parseCookies(req);
  let browserId = cookies.get(BROWSER_COOKIE);
  if (!browserId || !/^[A-Za-z0-9_-]{43}$/.test(browserId)) {
    browserId = newSecret();
    appendSetCookie(res, serializeCookie(BROWSER_COOKIE, browserId, { path: `/${ctx.tenantSegment}`, maxAge: BROWSER_COOKIE_MAX_AGE }));
  }
  const transactionId = newSecret();
  transactions.set(transactionId, { request, browserDigest: digest(browserId) }, TRANSACTION_TTL_SECONDS * 1000);
  sendHtml(
    res,
    200,
    signInPage({
      action: `/${ctx.tenantSegment}/oauth2/v2.0/authorize`,
      transactionId,
      clientName: EMBEDDED_CLIENT_NAME,
      hinted,
      signedIn: session?.persona,
    }),
    "same-origin", // the form must post with the emulator's Origin (sendHtml)
  );
}

export async function handleAuthorizePost(ctx: IdpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const transactionId = form.get("txn") ?? "";
  const transaction = transactionId ? transactions.get(transactionId) : undefined;
  if (!transaction || transaction.request.tenantSegment !== ctx.tenantSegment) {
    return sendErrorPage(res, Errors.flowExpired(), null);
  }
  const browserId = parseCookies(req).get(BROWSER_COOKIE);
  if (!browserId || digest(browserId) !== transaction.browserDigest) {
    return sendErrorPage(
      res,
      stsError("invalid_request", 50089, "The sign-in form was not submitted from the browser that started the sign-in (missing or different browser cookie). Start the sign-in again from the application."),
      null,
    );
  }
  const { request } = transaction;
  if (form.get("action") === "cancel") {
    transactions.delete(transactionId);
    return redirectError(res, request, Errors.cancelled(), null);
  }
  const persona = form.get("persona") ?? "";
  if (!isPersonaId(persona)) return sendErrorPage(res, Errors.unknownPersona(persona), null);
  transactions.delete(transactionId);
  const session = startSession(req, res, ctx.tenantSegment, persona);
  sendRedirect(res, issueCode(request, session), 303);
}
