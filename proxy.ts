import { NextResponse, type NextRequest } from "next/server";
import { parseRuntimeConfig } from "@/lib/config/runtime-config";
import type { CspConfig } from "@/lib/security/content-security-policy";
import { cameOverHttps, createNonce, securityHeaders } from "@/lib/security/security-headers";
import { hasMalformedId } from "@/lib/validation/console-path";

/** The configuration as the environment says now; null when it does not parse (the startup check names the variable). */
function cspConfig(): CspConfig | null {
  try {
    return parseRuntimeConfig(process.env);
  } catch {
    return null;
  }
}

/**
 * Every page, RSC and server-action request: a fresh nonce and the security headers (lib/security), and a
 * 404 for console URLs whose ids cannot exist, before anything renders (pages stream with 200).
 * The CSP also goes on the request: Next reads the nonce from it and puts it on its own scripts.
 */
export function proxy(request: NextRequest) {
  const headers = securityHeaders({
    nonce: createNonce(),
    config: cspConfig(),
    dev: process.env.NODE_ENV === "development",
    pathname: request.nextUrl.pathname,
    https: cameOverHttps(request.nextUrl, request.headers.get("x-forwarded-proto")),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = hasMalformedId(request.nextUrl.pathname)
    ? NextResponse.rewrite(new URL("/_not-found", request.url), { status: 404, request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but build assets and the icon, exactly (next.config.js gives those their headers): `/icon.svgX`
  // or `/_next/staticX` are pages (404s) and get the page headers.
  matcher: ["/((?!_next/static/|_next/image$|favicon\\.ico$|icon\\.svg$).*)"],
};
