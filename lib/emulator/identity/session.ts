/** Browser sessions (the cookie behind `prompt=none`) and authorization-code issuance. */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PersonaId } from "../auth/personas";
import { redirectWith } from "./redirect";
import { clientInfo } from "./id-token";
import { appendSetCookie, parseCookies, serializeCookie } from "./http";
import {
  CODE_TTL_SECONDS,
  SESSION_TTL_SECONDS,
  codes,
  digest,
  newSecret,
  revokeSessionFamilies,
  sessions,
  type AuthorizeRequest,
  type Session,
} from "./state";

export const SESSION_COOKIE = "emu_estsauth";

/** The session named by this request's cookie (its Path scopes it to `/{tenant segment}`), if live. */
export function currentSession(req: IncomingMessage): Session | undefined {
  const value = parseCookies(req).get(SESSION_COOKIE);
  return value ? sessions.get(digest(value)) : undefined;
}

/** Signs the browser in as `persona`, replacing any session it had. */
export function startSession(req: IncomingMessage, res: ServerResponse, tenantSegment: string, persona: PersonaId): Session {
  const previous = parseCookies(req).get(SESSION_COOKIE);
  if (previous) sessions.delete(digest(previous));
  const value = newSecret();
  const session: Session = { id: digest(value), persona, sessionState: randomUUID() };
  sessions.set(session.id, session, SESSION_TTL_SECONDS * 1000);
  // No Max-Age: a browser-session cookie, like ESTSAUTH; the server forgets it after 24 h anyway.
  appendSetCookie(res, serializeCookie(SESSION_COOKIE, value, { path: `/${tenantSegment}` }));
  return session;
}

/** Signs the browser out: forgets the session, revokes its refresh tokens, deletes the cookie. */
export function endSession(req: IncomingMessage, res: ServerResponse, tenantSegment: string): boolean {
  const value = parseCookies(req).get(SESSION_COOKIE);
  appendSetCookie(res, serializeCookie(SESSION_COOKIE, "", { path: `/${tenantSegment}`, maxAge: 0 }));
  if (!value) return false;
  const id = digest(value);
  const known = sessions.delete(id);
  revokeSessionFamilies(id);
  return known;
}

/** Issues a one-time code for the session's persona and returns the redirect URL carrying it. */
export function issueCode(request: AuthorizeRequest, session: Session): string {
  const code = newSecret(48);
  codes.set(
    digest(code),
    { request, persona: session.persona, sessionId: session.id, used: false, expiresAt: Date.now() + CODE_TTL_SECONDS * 1000, familyIds: [] },
    2 * CODE_TTL_SECONDS * 1000,
  );
  const params = new URLSearchParams({ code });
  if (request.clientInfo) params.set("client_info", clientInfo(session.persona));
  if (request.state !== null) params.set("state", request.state);
  params.set("session_state", session.sessionState);
  return redirectWith(request.redirectUri, request.responseMode, params);
}
