import { randomUUID } from "node:crypto";
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import { signingKey } from "./keys";
import { EMBEDDED_CLIENT_ID } from "../identity/client";
import { GRAPH_APP_ID, GRAPH_AUDIENCE, PERSONAS, TENANT_ID, type PersonaId } from "./personas";

/** Default access-token lifetime in seconds; tests shorten it through `/_emulator/settings`. */
let accessTokenLifetimeSeconds = 3600;

export function setAccessTokenLifetime(seconds: number): void {
  accessTokenLifetimeSeconds = seconds;
}

export function accessTokenLifetime(): number {
  return accessTokenLifetimeSeconds;
}

/** Graph access tokens carry the v1 issuer, as Entra issues them. */
export const ACCESS_TOKEN_ISSUER = `https://sts.windows.net/${TENANT_ID}/`;

export interface AccessTokenOptions {
  persona: PersonaId;
  /** The client (app registration) the token was issued to; default the embedded console (control tokens stand in for its). */
  clientId?: string;
  lifetimeSeconds?: number;
  /** Overrides the persona's delegated scopes (emulator controls only, e.g. SynchronizationData-User.Upload). */
  scopes?: readonly string[];
}

/** A Graph access token shaped like Entra's: aud Graph, scp, tid, oid, exp. */
export async function issueGraphAccessToken(options: AccessTokenOptions): Promise<{ token: string; expiresIn: number }> {
  const persona = PERSONAS[options.persona];
  const key = await signingKey();
  const expiresIn = options.lifetimeSeconds ?? accessTokenLifetimeSeconds;
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({
    scp: (options.scopes ?? persona.scopes).join(" "),
    tid: TENANT_ID,
    oid: persona.oid,
    upn: persona.upn,
    name: persona.name,
    appid: options.clientId ?? EMBEDDED_CLIENT_ID,
    ver: "1.0",
    uti: randomUUID().replaceAll("-", ""),
  })
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: key.kid })
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(GRAPH_AUDIENCE)
    .setSubject(persona.oid)
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + expiresIn)
    .sign(key.privateKey);
  return { token, expiresIn };
}

export type VerifiedCaller =
  | { ok: true; oid: string; name: string; upn: string; appId: string; scopes: Set<string> }
  | { ok: false; reason: "missing" | "expired" | "invalid" };

/** Checks a `Authorization` header value: RS256 signature, expiry, audience Graph. */
export async function verifyGraphAuthorization(header: string | undefined): Promise<VerifiedCaller> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!match) return { ok: false, reason: "missing" };
  const key = await signingKey();
  try {
    const { payload } = await jwtVerify(match[1], key.publicKey, {
      algorithms: ["RS256"],
      audience: [GRAPH_AUDIENCE, GRAPH_APP_ID],
    });
    const scopes = new Set(typeof payload.scp === "string" ? payload.scp.split(" ").filter(Boolean) : []);
    const text = (value: unknown) => (typeof value === "string" ? value : "");
    return { ok: true, oid: text(payload.oid), name: text(payload.name), upn: text(payload.upn), appId: text(payload.appid), scopes };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: "expired" };
    return { ok: false, reason: "invalid" };
  }
}
