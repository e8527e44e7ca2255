import { REDIRECT_PATH } from "@/lib/config/runtime-config";
import { contentSecurityPolicy, type CspConfig } from "./content-security-policy";

/**
 * Every security header of a console response, by route. One exception: MSAL's redirect bridge
 * (`/auth/bridge`), which MSAL loads in a hidden iframe (silent renewal) and in popups, so it may be
 * framed by the console itself, keeps its opener, and sends no Referer at all (it is where the
 * authorization response lands).
 */

/**
 * Features the console never uses, denied to it and to every frame it embeds. Only names Chromium 156
 * recognises: an unknown one ("bluetooth", "interest-cohort", "battery") is a console warning on every page.
 */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

export type RouteKind = "page" | "bridge";

export function routeKind(pathname: string): RouteKind {
  return pathname === REDIRECT_PATH || pathname === `${REDIRECT_PATH}/` ? "bridge" : "page";
}

export interface SecurityHeaderOptions {
  nonce: string;
  config: CspConfig | null;
  dev: boolean;
  pathname: string;
  /** The browser reached the console over https: directly, or through a TLS proxy that says so. */
  https?: boolean;
}

/** Two years, subdomains not included (the console does not own its parent domain's other hosts). */
export const HSTS = "max-age=63072000";

/**
 * Whether a request came over https: its own URL, or `X-Forwarded-Proto: https` from the TLS proxy in front
 * (the console binds to 127.0.0.1, so only a local proxy can reach it to say so; README "Security").
 */
export function cameOverHttps(url: URL, forwardedProto: string | null): boolean {
  return url.protocol === "https:" || forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

export function securityHeaders({ nonce, config, dev, pathname, https = false }: SecurityHeaderOptions): Record<string, string> {
  const bridge = routeKind(pathname) === "bridge";
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy({ nonce, config, dev, frameAncestors: bridge ? "self" : "none" }),
    // Pages: cross-origin requests (Graph, the identity provider) learn the console's origin only.
    // `no-referrer` on pages would make Chromium send `Origin: null` with a same-origin form POST (checked
    // with Chromium 156), and Next refuses a server action whose Origin does not match the host. The bridge
    // has no server action, and it is where the sign-in response lands: it sends no Referer at all.
    "Referrer-Policy": bridge ? "no-referrer" : "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": bridge ? "SAMEORIGIN" : "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
  };
  // Pages keep the popups they open (an MSAL popup flow watches `popup.closed`) but drop any cross-origin
  // opener. The bridge sends none: inside an MSAL popup it must stay in its opener's browsing context group.
  if (!bridge) headers["Cross-Origin-Opener-Policy"] = "same-origin-allow-popups";
  // Browsers ignore HSTS over http; sent only where it means something.
  if (https) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Headers for what the proxy skips (`/_next/static`, the icon): set by next.config.js `headers()`.
 * Scripts and stylesheets ignore a CSP; an SVG opened as a document does not.
 */
export const STATIC_ASSET_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};
