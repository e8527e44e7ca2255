import { describe, expect, it } from "vitest";
import { createNonce, PERMISSIONS_POLICY, routeKind, securityHeaders, STATIC_ASSET_HEADERS } from "./security-headers";
import { parseContentSecurityPolicy } from "@/test/support/csp";

const config = {
  authority: "https://login.emulator.invalid/t",
  authorityMetadataUrl: "http://127.0.0.1:4110/t/v2.0/.well-known/openid-configuration",
  graphBaseUrl: "http://127.0.0.1:4110",
};
const headersFor = (pathname: string, dev = false) => securityHeaders({ nonce: createNonce(), config, dev, pathname });

describe("securityHeaders", () => {
  it("gives console pages the full set", () => {
    for (const pathname of ["/", "/service-principals", "/service-principals/x/jobs/y", "/_not-found", "/nope"]) {
      const headers = headersFor(pathname);
      expect(Object.keys(headers).sort()).toEqual(
        ["Content-Security-Policy", "Cross-Origin-Opener-Policy", "Permissions-Policy", "Referrer-Policy", "X-Content-Type-Options", "X-Frame-Options"].sort(),
      );
      expect(headers).toMatchObject({
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
        "Permissions-Policy": PERMISSIONS_POLICY,
      });
      expect(parseContentSecurityPolicy(headers["Content-Security-Policy"]).get("frame-ancestors")).toEqual(["'none'"]);
    }
  });

  it("lets the console frame the bridge, sends it no Referer and no COOP", () => {
    for (const pathname of ["/auth/bridge", "/auth/bridge/"]) {
      const headers = headersFor(pathname);
      expect(headers["X-Frame-Options"]).toBe("SAMEORIGIN");
      expect(headers["Referrer-Policy"]).toBe("no-referrer");
      expect(headers["Cross-Origin-Opener-Policy"]).toBeUndefined();
      expect(parseContentSecurityPolicy(headers["Content-Security-Policy"]).get("frame-ancestors")).toEqual(["'self'"]);
    }
    expect(routeKind("/auth/bridgeX")).toBe("page");
    expect(routeKind("/auth/bridge/x")).toBe("page");
  });

  it("denies the powerful features, in Permissions-Policy syntax", () => {
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "serial", "hid", "display-capture"]) {
      expect(PERMISSIONS_POLICY.split(", ")).toContain(`${feature}=()`);
    }
    expect(PERMISSIONS_POLICY).toMatch(/^([a-z-]+=\(\))(, [a-z-]+=\(\))*$/);
  });

  it("uses a fresh 128-bit nonce per call", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const a = headersFor("/")["Content-Security-Policy"];
    const b = headersFor("/")["Content-Security-Policy"];
    expect(a).not.toBe(b);
  });

  it("adds unsafe-eval only in development", () => {
    expect(headersFor("/")["Content-Security-Policy"]).not.toContain("unsafe-eval");
    expect(headersFor("/", true)["Content-Security-Policy"]).toContain("'unsafe-eval'");
  });
});

describe("next.config.js", () => {
  it("keeps its settings and gives build assets and the icon the static headers", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nextConfig = require("../../next.config.js");
    expect(nextConfig).toMatchObject({ poweredByHeader: false, reactStrictMode: true, logging: { serverFunctions: false } });
    const rules: { source: string; headers: { key: string; value: string }[] }[] = await nextConfig.headers();
    expect(rules.map((rule) => rule.source)).toEqual(["/_next/static/:path*", "/icon.svg", "/favicon.ico"]);
    for (const rule of rules) expect(Object.fromEntries(rule.headers.map((h) => [h.key, h.value]))).toEqual(STATIC_ASSET_HEADERS);
  });
});
