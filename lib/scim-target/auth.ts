import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ScimError } from "./errors";

/**
 * Bearer authentication (RFC 6750 §2.1), the `oauthbearertoken` scheme of ServiceProviderConfig. The token is
 * compared in constant time: both sides are hashed to 32 bytes first, so neither length nor content leaks.
 */
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

export function isValidToken(token: string): boolean {
  return TOKEN68.test(token);
}

export class BearerCheck {
  private readonly expected: Buffer;

  constructor(token: string) {
    this.expected = digest(token);
  }

  /** Throws 401 with `WWW-Authenticate` (RFC 6750 §3) unless the request carries the token. */
  check(req: IncomingMessage): void {
    const header = req.headers.authorization;
    const match = typeof header === "string" ? /^Bearer +(\S+) *$/i.exec(header) : null;
    if (!match) throw unauthorized("The request has no 'Authorization: Bearer <token>' header.", 'Bearer realm="scim-target"');
    if (!timingSafeEqual(digest(match[1]), this.expected))
      throw unauthorized("The bearer token is not valid.", 'Bearer realm="scim-target", error="invalid_token"');
  }
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

const unauthorized = (detail: string, challenge: string) => new ScimError(401, undefined, detail, { "WWW-Authenticate": challenge });
