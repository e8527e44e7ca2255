/**
 * In-memory, per-process identity state: pending sign-ins, authorization codes, browser sessions and
 * refresh-token families. Secrets are stored by SHA-256 digest only; maps are bounded and expire.
 */
import { createHash, randomBytes } from "node:crypto";
import type { PersonaId } from "../auth/personas";
import { TtlMap } from "./ttl-map";

export const CODE_TTL_SECONDS = 600;
export const TRANSACTION_TTL_SECONDS = 900;
export const SESSION_TTL_SECONDS = 24 * 3600;
/** Entra gives single-page apps a fixed 24-hour refresh-token lifetime that rotation does not extend. */
export const SPA_REFRESH_LIFETIME_SECONDS = 24 * 3600;
/** A rotated refresh token still works this long (concurrent silent calls race on the same token). */
export const ROTATION_GRACE_SECONDS = 120;

export type ResponseMode = "query" | "fragment";

/** A validated authorize request, kept while the user picks an account and inside the code. */
export interface AuthorizeRequest {
  tenantSegment: string;
  clientId: string;
  redirectUri: string;
  responseMode: ResponseMode;
  scopes: string[];
  state: string | null;
  nonce: string | null;
  codeChallenge: string;
  clientInfo: boolean;
  loginHint: string | null;
  prompt: string | null;
}

export interface Transaction {
  request: AuthorizeRequest;
  /** Digest of the browser-binding cookie the sign-in form must come back with. */
  browserDigest: string;
}

export interface CodeGrant {
  request: AuthorizeRequest;
  persona: PersonaId;
  sessionId: string;
  used: boolean;
  /** Epoch ms; the entry outlives it so an expired code says "expired", not "unknown". */
  expiresAt: number;
  /** Refresh-token families issued from this code (revoked if the code is replayed). */
  familyIds: string[];
}

export interface Session {
  /** Digest of the cookie value; refresh-token families point at it. */
  id: string;
  persona: PersonaId;
  /** Non-secret session identifier returned as `session_state`, as Entra does. */
  sessionState: string;
}

export interface RefreshFamily {
  id: string;
  persona: PersonaId;
  clientId: string;
  sessionId: string;
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshRecord {
  familyId: string;
  rotatedAt?: number;
}

export const transactions = new TtlMap<string, Transaction>(10_000);
export const codes = new TtlMap<string, CodeGrant>(10_000);
export const sessions = new TtlMap<string, Session>(10_000);
export const families = new TtlMap<string, RefreshFamily>(20_000);
export const refreshTokens = new TtlMap<string, RefreshRecord>(50_000);

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function digest(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

/** Forget every code, session and refresh token (emulator reset). */
export function resetIdentityState(): void {
  transactions.clear();
  codes.clear();
  sessions.clear();
  families.clear();
  refreshTokens.clear();
}

/** Revoke every refresh-token family that hangs off a browser session (sign-out). */
export function revokeSessionFamilies(sessionId: string): void {
  for (const family of families.values()) if (family.sessionId === sessionId) family.revoked = true;
}

export function revokeFamilies(ids: readonly string[]): void {
  for (const id of ids) {
    const family = families.get(id);
    if (family) family.revoked = true;
  }
}

/** Expired families and their tokens are kept this long so they answer "expired", not "unknown". */
const EXPIRED_RETENTION_MS = 24 * 3600 * 1000;

/** Mint a refresh token in a family (new family when `familyId` is absent or gone). */
export function mintRefreshToken(family: Omit<RefreshFamily, "id" | "expiresAt" | "revoked"> & { familyId?: string }): {
  token: string;
  familyId: string;
} {
  let current = family.familyId ? families.get(family.familyId) : undefined;
  if (!current) {
    const expiresAt = Date.now() + SPA_REFRESH_LIFETIME_SECONDS * 1000;
    current = { id: newSecret(16), persona: family.persona, clientId: family.clientId, sessionId: family.sessionId, expiresAt, revoked: false };
    families.set(current.id, current, expiresAt - Date.now() + EXPIRED_RETENTION_MS);
  }
  const token = newSecret(48);
  refreshTokens.set(digest(token), { familyId: current.id }, current.expiresAt - Date.now() + EXPIRED_RETENTION_MS);
  return { token, familyId: current.id };
}
