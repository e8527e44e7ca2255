/**
 * `/{tenant}/oauth2/v2.0/logout`: ends the browser session (cookie and its refresh tokens), then
 * returns to `post_logout_redirect_uri` when it is on a registered origin, else shows "You signed out".
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { IdpContext } from "./authorize";
import { isAllowedPostLogoutRedirect } from "./client";
import { readForm, sendHtml, sendRedirect } from "./http";
import { signedOutPage } from "./pages";
import { endSession } from "./session";

export async function handleLogout(ctx: IdpContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const params = req.method === "POST" ? await readForm(req) : url.searchParams;
  endSession(req, res, ctx.tenantSegment);
  const target = params.get("post_logout_redirect_uri");
  if (target && isAllowedPostLogoutRedirect(target)) {
    const location = new URL(target);
    const state = params.get("state");
    if (state !== null) location.searchParams.set("state", state);
    return sendRedirect(res, location.toString());
  }
  sendHtml(
    res,
    200,
    signedOutPage(target ? "The application asked to return to an address that is not registered for it, so you stay here." : undefined),
  );
}
