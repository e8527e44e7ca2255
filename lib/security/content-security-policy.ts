import type { RuntimeConfig } from "@/lib/config/runtime-config";

/**
 * The console's Content-Security-Policy, as a pure function of the request's nonce, the runtime
 * configuration and the dev flag. Applied by proxy.ts to every page, RSC and server-action response.
 *
 * What the browser talks to (DESIGN §4, §5):
 * - the console itself ('self'): pages, `_next/static`, server actions;
 * - Graph (GRAPH_BASE_URL's origin), from TanStack Query functions;
 * - the identity provider: MSAL posts to the token endpoint with fetch (connect-src) and may load the
 *   authorize endpoint in a hidden iframe for silent renewal (frame-src). Embedded mode hands MSAL the
 *   openid-configuration, whose endpoints live on ENTRA_AUTHORITY_METADATA_URL's origin; the nominal
 *   `https://login.emulator.invalid` authority is never contacted, so it is not allowed.
 * Sign-in and sign-out are top-level navigations (loginRedirect/logoutRedirect), which CSP does not
 * govern, and MSAL never submits a form: `form-action 'self'` (server-action forms post to the console).
 */

/** The parts of the runtime configuration the policy depends on. */
export type CspConfig = Pick<RuntimeConfig, "authority" | "authorityMetadataUrl" | "graphBaseUrl">;

export interface CspOptions {
  /** Fresh per response; Next reads it from the request's CSP header and puts it on its scripts. */
  nonce: string;
  /** null when the configuration does not parse: the policy then allows the console's own origin only. */
  config: CspConfig | null;
  /** `next dev`: React Refresh and Next's error overlay need eval and inline styles. Never in production. */
  dev: boolean;
  /** Who may frame the page: nobody, or the console itself (the MSAL redirect bridge, see securityHeaders). */
  frameAncestors: "none" | "self";
}

/** Base64 / base64url characters only, as Next's nonce extraction (`'nonce-([A-Za-z0-9+/_-]+={0,2})'`) expects. */
const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/**
 * Where MSAL's network calls for an Entra authority go when it is not told the metadata. Known Microsoft
 * clouds resolve from MSAL's built-in metadata to their `preferred_network` host; any other host makes MSAL
 * ask login.microsoftonline.com for instance discovery first (msal-common AuthorityMetadata.ts, Authority.ts).
 */
const MSAL_PREFERRED_NETWORK: Record<string, string> = {
  "login.microsoftonline.com": "login.microsoftonline.com",
  "login.windows.net": "login.microsoftonline.com",
  "login.microsoft.com": "login.microsoftonline.com",
  "sts.windows.net": "login.microsoftonline.com",
  "login.partner.microsoftonline.cn": "login.partner.microsoftonline.cn",
  "login.chinacloudapi.cn": "login.partner.microsoftonline.cn",
  "login.microsoftonline.de": "login.microsoftonline.de",
  "login.microsoftonline.us": "login.microsoftonline.us",
  "login.usgovcloudapi.net": "login.microsoftonline.us",
  "login-us.microsoftonline.com": "login-us.microsoftonline.com",
  "login.sovcloud-identity.fr": "login.sovcloud-identity.fr",
  "login.sovcloud-identity.de": "login.sovcloud-identity.de",
  "login.sovcloud-identity.sg": "login.sovcloud-identity.sg",
};
const INSTANCE_DISCOVERY_ORIGIN = "https://login.microsoftonline.com";

const unique = (values: string[]) => [...new Set(values)];

/** The origins of the identity provider the browser fetches from and frames (token, authorize, discovery). */
export function identityOrigins(config: CspConfig): string[] {
  if (config.authorityMetadataUrl) return [new URL(config.authorityMetadataUrl).origin];
  const authority = new URL(config.authority);
  const preferred = MSAL_PREFERRED_NETWORK[authority.hostname];
  return unique([authority.origin, preferred ? `https://${preferred}` : INSTANCE_DISCOVERY_ORIGIN]);
}

/** `connect-src` beyond 'self': Graph's origin and the identity provider's. */
export function connectOrigins(config: CspConfig): string[] {
  return unique([new URL(config.graphBaseUrl).origin, ...identityOrigins(config)]);
}

export function contentSecurityPolicy({ nonce, config, dev, frameAncestors }: CspOptions): string {
  if (!NONCE.test(nonce)) throw new Error("A CSP nonce must be at least 16 base64 characters.");
  const connect = config ? connectOrigins(config) : [];
  const frames = config ? identityOrigins(config) : [];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts Next loads from a nonced script run; 'self' is only a CSP2 fallback.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Tailwind is a stylesheet ('self'). Dev injects <style> elements without a nonce, so it needs
    // 'unsafe-inline' there (a nonce would disable it). No style attributes in server HTML: React sets
    // `style={{ width }}` through the CSSOM, which CSP does not govern; a server-rendered `style="…"`
    // attribute would be refused (add `style-src-attr 'unsafe-inline'` only if one is ever needed).
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...connect],
    // The hidden silent-renewal iframe loads the authorize endpoint, which redirects to /auth/bridge ('self').
    ["frame-src", "'self'", ...frames],
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["media-src", "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", `'${frameAncestors}'`],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}
