/**
 * App registrations the embedded identity provider knows. Pure module (no Node imports) so the
 * console may import the client id constant without pulling in the emulator.
 */

/** The embedded console's application (client) id: a single-page application registration. */
export const EMBEDDED_CLIENT_ID = "3f4e8a21-6b0c-4d9e-8f7a-2b1c0d9e8f7a";

/** Display name shown on the sign-in page, as Entra shows the app's name. */
export const EMBEDDED_CLIENT_NAME = "Provisioning Console";

/** The redirect path registered for any loopback origin (MSAL v5 redirect bridge). */
export const BRIDGE_PATH = "/auth/bridge";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function isKnownClient(clientId: string): boolean {
  return clientId === EMBEDDED_CLIENT_ID;
}

/** Extra redirect URIs from `EMULATOR_REDIRECT_URIS` (comma-separated absolute URLs), read per call. */
export function extraRedirectUris(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.EMULATOR_REDIRECT_URIS ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter((value) => value.length > 0 && parseUrl(value) !== undefined);
}

function parseUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

function isLoopbackBridge(url: URL): boolean {
  return (
    url.protocol === "http:" &&
    LOOPBACK_HOSTS.has(url.hostname) &&
    url.pathname === BRIDGE_PATH &&
    url.search === "" &&
    url.hash === "" &&
    url.username === "" &&
    url.password === ""
  );
}

/**
 * Exact-match check, as Entra does, except that a loopback `http://127.0.0.1|localhost:<any port>/auth/bridge`
 * is accepted for any port (Entra's loopback rule for native apps, extended here so tests can use any port).
 */
export function isRegisteredRedirectUri(clientId: string, redirectUri: string): boolean {
  if (!isKnownClient(clientId)) return false;
  const url = parseUrl(redirectUri);
  if (!url) return false;
  if (isLoopbackBridge(url)) return true;
  return extraRedirectUris().includes(redirectUri);
}

/** Origins of every registered redirect URI; post-logout redirects must land on one of them. */
export function isAllowedPostLogoutRedirect(uri: string): boolean {
  const url = parseUrl(uri);
  if (!url || url.username || url.password) return false;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return true;
  return extraRedirectUris().some((registered) => parseUrl(registered)?.origin === url.origin);
}
