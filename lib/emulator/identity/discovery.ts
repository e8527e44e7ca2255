/** `/{tenant}/v2.0/.well-known/openid-configuration` and `/{tenant}/discovery/v2.0/keys` (CORS `*`).
 * Not cached: the signing key is per emulator process and changes on restart. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { signingKey } from "../auth/keys";
import type { IdpContext } from "./authorize";
import { applyCors, sendEmpty, sendJson } from "./http";
import { openIdConfiguration } from "./metadata";

export function handleOpenIdConfiguration(ctx: IdpContext, req: IncomingMessage, res: ServerResponse): void {
  applyCors(req, res);
  if (req.method === "OPTIONS") return sendEmpty(res, 204);
  sendJson(res, 200, openIdConfiguration(ctx.origin, ctx.tenantId));
}

export async function handleKeys(req: IncomingMessage, res: ServerResponse): Promise<void> {
  applyCors(req, res);
  if (req.method === "OPTIONS") return sendEmpty(res, 204);
  const key = await signingKey();
  const { kty, n, e, kid, use, alg } = key.publicJwk;
  sendJson(res, 200, { keys: [{ kty, use, kid, n, e, alg }] });
}
