import { isAbortError, toErrorInfo } from "@/lib/graph/graph-error";
import type { ActionError, ActionResult } from "@/lib/errors/action-result";

export interface TokenSources {
  /** The token MSAL has (cached or silently renewed). */
  getToken: () => Promise<string>;
  /** A new token from the identity provider, bypassing MSAL's cache; used once after a 401. */
  refreshToken: () => Promise<string>;
}

function tokenError(error: unknown): ActionError {
  const info = toErrorInfo(error);
  return {
    kind: "unauthenticated",
    status: 0,
    code: info.code === "Error" ? "TokenUnavailable" : info.code,
    message: info.message || "Could not get a Graph access token.",
  };
}

/** The action call itself can fail (the console's server unreachable, a redeploy): Graph may have done it. */
async function callOnce<T>(action: (token: string) => Promise<ActionResult<T>>, token: string): Promise<ActionResult<T>> {
  try {
    return await action(token);
  } catch (error) {
    if (isAbortError(error)) throw error;
    const info = toErrorInfo(error);
    return {
      ok: false,
      error: {
        kind: "network",
        status: 0,
        code: "ActionFailed",
        message: `The console's server did not answer the request${info.message ? ` (${info.message})` : ""}.`,
        ambiguous: true,
      },
    };
  }
}

/**
 * Calls a server action with the admin's Graph token. After a 401 (Graph refused the token before doing
 * anything) it gets a fresh token and tries once more; nothing else is ever repeated. An abort is thrown as it is.
 */
export async function callWithToken<T>(tokens: TokenSources, action: (token: string) => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  let token: string;
  try {
    token = await tokens.getToken();
  } catch (error) {
    return { ok: false, error: tokenError(error) };
  }
  const result = await callOnce(action, token);
  if (result.ok || result.error.kind !== "unauthenticated") return result;
  let fresh: string | undefined;
  try {
    fresh = await tokens.refreshToken();
  } catch {
    return result;
  }
  return fresh && fresh !== token ? callOnce(action, fresh) : result;
}
