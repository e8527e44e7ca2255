import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { config, proxy } from "@/proxy";
import { EMBEDDED_CLIENT_ID } from "@/lib/config/runtime-config";
import { parseContentSecurityPolicy } from "@/test/support/csp";

const TENANT = "11111111-2222-4333-8444-555555555555";
const ORIGIN = "http://127.0.0.1:3100";
const run = (path: string, init?: ConstructorParameters<typeof NextRequest>[1]) => proxy(new NextRequest(`${ORIGIN}${path}`, init));

beforeEach(() => {
  vi.stubEnv("ENTRA_CLIENT_ID", EMBEDDED_CLIENT_ID);
  vi.stubEnv("ENTRA_TENANT_ID", TENANT);
  vi.stubEnv("ENTRA_AUTHORITY", `https://login.emulator.invalid/${TENANT}`);
  vi.stubEnv("ENTRA_AUTHORITY_METADATA_URL", `http://127.0.0.1:4110/${TENANT}/v2.0/.well-known/openid-configuration`);
  vi.stubEnv("GRAPH_BASE_URL", "http://127.0.0.1:4110");
  vi.stubEnv("NODE_ENV", "production");
});
afterEach(() => vi.unstubAllEnvs());

describe("proxy", () => {
  it("sets the headers on the response and hands the CSP (with its nonce) to Next on the request", () => {
    const response = run("/service-principals");
    const csp = response.headers.get("content-security-policy")!;
    expect(parseContentSecurityPolicy(csp).get("connect-src")).toEqual(["'self'", "http://127.0.0.1:4110"]);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-middleware-next")).toBe("1");
    // NextResponse.next({ request: { headers } }): Next renders with these request headers.
    expect(response.headers.get("x-middleware-override-headers")?.split(",")).toContain("content-security-policy");
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("uses a new nonce for every request", () => {
    const nonce = (path: string) => /'nonce-([^']+)'/.exec(run(path).headers.get("content-security-policy")!)![1];
    expect(nonce("/")).not.toBe(nonce("/"));
  });

  it("still answers 404 for malformed ids, with the headers and the nonce", () => {
    const response = run("/service-principals/not-a-guid");
    expect(response.status).toBe(404);
    expect(new URL(response.headers.get("x-middleware-rewrite")!).pathname).toBe("/_not-found");
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(response.headers.get("content-security-policy"));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(run(`/service-principals/${TENANT}`).status).toBe(200);
  });

  it("gives the bridge its framing exception", () => {
    const response = run("/auth/bridge");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
  });

  it("covers server-action POSTs", () => {
    const response = run(`/service-principals/${TENANT}`, { method: "POST", headers: { "next-action": "abc", origin: ORIGIN } });
    expect(response.headers.get("content-security-policy")).toContain("script-src");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
  });

  it("adds unsafe-eval in development only, and survives a broken configuration", () => {
    expect(run("/").headers.get("content-security-policy")).not.toContain("unsafe-eval");
    vi.stubEnv("NODE_ENV", "development");
    expect(run("/").headers.get("content-security-policy")).toContain("'unsafe-eval'");
    vi.stubEnv("GRAPH_BASE_URL", "ftp://nope");
    expect(parseContentSecurityPolicy(run("/").headers.get("content-security-policy")!).get("connect-src")).toEqual(["'self'"]);
  });

  it("matches every page but skips build assets and the icon, exactly", () => {
    expect(config.matcher).toEqual(["/((?!_next/static/|_next/image$|favicon\\.ico$|icon\\.svg$).*)"]);
    // The same pattern Next compiles (path-to-regexp): the group must match what the proxy should run on.
    const group = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ["/", "/service-principals", "/auth/bridge", "/no-such-page", "/_not-found", "/service-principals/x/jobs/a.b", "/icon.svgX", "/favicon.icoX", "/favicon_ico", "/_next/staticX", "/_next/imageX"]) {
      expect(group.test(path), path).toBe(true);
    }
    for (const path of ["/_next/static/chunks/app.js", "/_next/image", "/icon.svg", "/favicon.ico"]) expect(group.test(path), path).toBe(false);
  });

  it("sends HSTS over https, directly or behind a TLS proxy that says so, and never over plain http", () => {
    expect(run("/").headers.get("strict-transport-security")).toBeNull();
    expect(run("/", { headers: { "x-forwarded-proto": "https" } }).headers.get("strict-transport-security")).toBe("max-age=63072000");
    expect(run("/", { headers: { "x-forwarded-proto": "http" } }).headers.get("strict-transport-security")).toBeNull();
    expect(proxy(new NextRequest("https://console.contoso.example/")).headers.get("strict-transport-security")).toBe("max-age=63072000");
  });
});
