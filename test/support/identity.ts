/**
 * Test support (not a test): the identity router on a real node:http server on port 0, a tiny cookie
 * jar, and the requests MSAL Browser 5 sends (parameters copied from msal-common's Authorize.mjs and
 * AuthorizationCodeClient.mjs).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TENANT_ID, type PersonaId } from "@/lib/emulator/auth/personas";
import { EMBEDDED_CLIENT_ID } from "@/lib/emulator/identity/client";
import { handleIdentityRequest } from "@/lib/emulator/identity/router";
import { resetIdentityState } from "@/lib/emulator/identity/state";
import { createRemoteJWKSet } from "jose";
import { afterAll, beforeAll, beforeEach } from "vitest";

export const CONSOLE_ORIGIN = "http://127.0.0.1:3000";
export const REDIRECT_URI = `${CONSOLE_ORIGIN}/auth/bridge`;
export const LOGIN_SCOPES = "openid profile offline_access";
export const GRAPH_SCOPES = "https://graph.microsoft.com/Application.Read.All https://graph.microsoft.com/Synchronization.ReadWrite.All";

export interface Idp {
  origin: string;
  base: string;
  close(): Promise<void>;
}

export async function startIdp(): Promise<Idp> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://internal");
    handleIdentityRequest(req, res, url)
      .then((handled) => {
        if (!handled) res.writeHead(404, { "Content-Type": "text/plain" }).end("not an identity path");
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    base: `${origin}/${TENANT_ID}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export interface RunningIdp {
  idp: Idp;
  /** The provider's signing keys, as a relying party fetches them. */
  jwks: ReturnType<typeof createRemoteJWKSet>;
}

/** Registers a test file's hooks: the identity provider on a free port, its state reset before every test, closed at the end. */
export function withIdp(use: (running: RunningIdp) => void): void {
  let idp: Idp;
  beforeAll(async () => {
    idp = await startIdp();
    use({ idp, jwks: createRemoteJWKSet(new URL(`${idp.base}/discovery/v2.0/keys`)) });
  });
  afterAll(() => idp.close());
  beforeEach(() => resetIdentityState());
}

/** A cookie jar that ignores Path (tests stay under one tenant segment unless they say otherwise). */
export class Browser {
  readonly cookies = new Map<string, string>();
  lastSetCookies: string[] = [];

  header(): Record<string, string> {
    const pairs = [...this.cookies].map(([name, value]) => `${name}=${value}`);
    return pairs.length ? { Cookie: pairs.join("; ") } : {};
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...this.header(), ...(init.headers as Record<string, string>) } });
    this.lastSetCookies = response.headers.getSetCookie();
    for (const cookie of this.lastSetCookies) {
      const [pair, ...attributes] = cookie.split(";").map((part) => part.trim());
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const deleted = attributes.some((a) => a.toLowerCase() === "max-age=0");
      if (deleted) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(index + 1));
    }
    return response;
  }
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** MSAL's state: base64 JSON with library state `{id, meta}` then `|` user state. */
export function msalState(): string {
  const library = Buffer.from(JSON.stringify({ id: randomUUID(), meta: { interactionType: "redirect" } })).toString("base64");
  return `${library}|/service-principals`;
}

export interface AuthorizeOptions {
  scope?: string;
  responseMode?: "query" | "fragment" | null;
  prompt?: string;
  loginHint?: string;
  redirectUri?: string;
  clientId?: string;
  challenge?: string | null;
  challengeMethod?: string | null;
  nonce?: string;
  state?: string;
  tenantSegment?: string;
}

export interface AuthorizeRequestData {
  url: string;
  verifier: string;
  nonce: string;
  state: string;
  correlationId: string;
}

/** An authorize URL with the parameters MSAL Browser 5 sends for loginRedirect / ssoSilent. */
export function authorizeRequest(idp: Idp, options: AuthorizeOptions = {}): AuthorizeRequestData {
  const pkce = pkcePair();
  const nonce = options.nonce ?? randomUUID();
  const state = options.state ?? msalState();
  const correlationId = randomUUID();
  const params = new URLSearchParams({
    client_id: options.clientId ?? EMBEDDED_CLIENT_ID,
    scope: options.scope ?? LOGIN_SCOPES,
    redirect_uri: options.redirectUri ?? REDIRECT_URI,
    "client-request-id": correlationId,
    response_type: "code",
    "x-client-SKU": "msal.js.browser",
    "x-client-VER": "5.30.0",
    client_info: "1",
    clidata: "1",
    nonce,
    state,
  });
  if (options.responseMode !== null) params.set("response_mode", options.responseMode ?? "fragment");
  if (options.challenge !== null) params.set("code_challenge", options.challenge ?? pkce.challenge);
  if (options.challengeMethod !== null) params.set("code_challenge_method", options.challengeMethod ?? "S256");
  if (options.prompt) params.set("prompt", options.prompt);
  if (options.loginHint) params.set("login_hint", options.loginHint);
  const segment = options.tenantSegment ?? TENANT_ID;
  return { url: `${idp.origin}/${segment}/oauth2/v2.0/authorize?${params}`, verifier: pkce.verifier, nonce, state, correlationId };
}

/** Parameters of an authorize response, from the fragment or the query of a redirect Location. */
export function responseParams(location: string | null, mode: "query" | "fragment" = "fragment"): URLSearchParams {
  if (!location) throw new Error("no Location header");
  const url = new URL(location);
  return new URLSearchParams(mode === "fragment" ? url.hash.slice(1) : url.search.slice(1));
}

export function transactionId(html: string): string {
  const match = /name="txn" value="([^"]+)"/.exec(html);
  if (!match) throw new Error("sign-in page has no transaction id");
  return match[1];
}

/** Picker → persona button → redirect. Returns the redirect Location. */
export async function pickPersona(browser: Browser, pickerUrl: string, persona: PersonaId): Promise<Response> {
  const page = await browser.fetch(pickerUrl);
  if (page.status !== 200) throw new Error(`expected the sign-in page, got ${page.status}`);
  const html = await page.text();
  const action = new URL(pickerUrl);
  return browser.fetch(`${action.origin}${action.pathname}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ txn: transactionId(html), persona }).toString(),
  });
}

export interface SignedIn {
  request: AuthorizeRequestData;
  code: string;
  params: URLSearchParams;
}

/** Full interactive sign-in; returns the code from the fragment. */
export async function signIn(idp: Idp, browser: Browser, persona: PersonaId, options: AuthorizeOptions = {}): Promise<SignedIn> {
  const request = authorizeRequest(idp, options);
  const response = await pickPersona(browser, request.url, persona);
  const params = responseParams(response.headers.get("location"), options.responseMode === "query" || options.responseMode === null ? "query" : "fragment");
  const code = params.get("code");
  if (!code) throw new Error(`no code in redirect: ${params}`);
  return { request, code, params };
}

export async function postToken(idp: Idp, form: Record<string, string>, options: { tenantSegment?: string; correlationId?: string } = {}): Promise<Response> {
  const correlation = options.correlationId ? `?client-request-id=${options.correlationId}` : "";
  return fetch(`${idp.origin}/${options.tenantSegment ?? TENANT_ID}/oauth2/v2.0/token${correlation}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded;charset=utf-8", Origin: CONSOLE_ORIGIN },
    body: new URLSearchParams(form).toString(),
  });
}

/** The body MSAL's AuthorizationCodeClient posts. */
export function codeRedemption(signedIn: SignedIn, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    client_id: EMBEDDED_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: LOGIN_SCOPES,
    code: signedIn.code,
    "x-client-SKU": "msal.js.browser",
    code_verifier: signedIn.request.verifier,
    grant_type: "authorization_code",
    client_info: "1",
    ...overrides,
  };
}

export function refreshRedemption(refreshToken: string, scope: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    client_id: EMBEDDED_CLIENT_ID,
    scope,
    grant_type: "refresh_token",
    client_info: "1",
    refresh_token: refreshToken,
    ...overrides,
  };
}

export interface TokenBody {
  token_type: string;
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  client_info?: string;
}

export interface TokenErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
}
