/** id_token and client_info as Entra v2 issues them to a single-page app. */
import { createHash, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { signingKey } from "../auth/keys";
import { PERSONAS, TENANT_ID, type PersonaId } from "../auth/personas";

/** Entra id_tokens live an hour whatever the access-token lifetime is; MSAL does not renew on it. */
export const ID_TOKEN_LIFETIME_SECONDS = 3600;

export interface IdTokenOptions {
  persona: PersonaId;
  clientId: string;
  /** `<origin>/<tenant>/v2.0`, the openid-configuration issuer. */
  issuer: string;
  nonce?: string | null;
}

/** Entra's `sub` is pairwise: stable per user and application, different across applications. */
export function pairwiseSubject(oid: string, clientId: string): string {
  return createHash("sha256").update(`${oid}|${clientId}|${TENANT_ID}`).digest("base64url").slice(0, 43);
}

export async function issueIdToken(options: IdTokenOptions): Promise<string> {
  const persona = PERSONAS[options.persona];
  const key = await signingKey();
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    oid: persona.oid,
    tid: TENANT_ID,
    preferred_username: persona.upn,
    name: persona.name,
    ver: "2.0",
    uti: randomUUID().replaceAll("-", ""),
  };
  if (options.nonce) claims.nonce = options.nonce;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: key.kid })
    .setIssuer(options.issuer)
    .setAudience(options.clientId)
    .setSubject(pairwiseSubject(persona.oid, options.clientId))
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + ID_TOKEN_LIFETIME_SECONDS)
    .sign(key.privateKey);
}

/** base64url of `{"uid": oid, "utid": tid}`: MSAL builds the home account id from it. */
export function clientInfo(persona: PersonaId): string {
  return Buffer.from(JSON.stringify({ uid: PERSONAS[persona].oid, utid: TENANT_ID })).toString("base64url");
}
