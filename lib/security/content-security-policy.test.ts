import { describe, expect, it } from "vitest";
import { EMBEDDED_CLIENT_ID, parseRuntimeConfig } from "@/lib/config/runtime-config";
import { parseContentSecurityPolicy } from "@/test/support/csp";
import { connectOrigins, contentSecurityPolicy, identityOrigins, type CspOptions } from "./content-security-policy";

const NONCE = "q83vEjRWeJASNFZ4kKvN7w==";
const TENANT = "11111111-2222-4333-8444-555555555555";
const CLIENT = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

/** The configuration scripts/lib/embedded.ts gives the console for an emulator on port 4110. */
const embedded = parseRuntimeConfig({
  ENTRA_CLIENT_ID: EMBEDDED_CLIENT_ID,
  ENTRA_TENANT_ID: TENANT,
  ENTRA_AUTHORITY: `https://login.emulator.invalid/${TENANT}`,
  ENTRA_AUTHORITY_METADATA_URL: `http://127.0.0.1:4110/${TENANT}/v2.0/.well-known/openid-configuration`,
  GRAPH_BASE_URL: "http://127.0.0.1:4110",
});
const tenant = parseRuntimeConfig({ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT_ID: "contoso.onmicrosoft.com" });

const policy = (options: Partial<CspOptions> = {}) =>
  parseContentSecurityPolicy(contentSecurityPolicy({ nonce: NONCE, config: embedded, dev: false, frameAncestors: "none", ...options }));

describe("contentSecurityPolicy", () => {
  it("is the exact embedded-mode production policy", () => {
    expect(contentSecurityPolicy({ nonce: NONCE, config: embedded, dev: false, frameAncestors: "none" })).toBe(
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`,
        `style-src 'self' 'nonce-${NONCE}'`,
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self' http://127.0.0.1:4110",
        "frame-src 'self' http://127.0.0.1:4110",
        "worker-src 'self'",
        "manifest-src 'self'",
        "media-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join("; "),
    );
  });

  it("never allows eval, inline scripts or plugins in production", () => {
    const directives = policy();
    expect(directives.get("script-src")).not.toContain("'unsafe-eval'");
    expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
    expect(directives.get("script-src")).toContain("'strict-dynamic'");
    expect(directives.get("style-src")).not.toContain("'unsafe-inline'");
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'none'"]);
    // Mixed http/https origins in embedded mode: upgrading would break the emulator.
    expect(directives.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval and inline styles only in development", () => {
    const dev = policy({ dev: true });
    expect(dev.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'", "'unsafe-eval'"]);
    expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("lets only the console frame the redirect bridge", () => {
    expect(policy({ frameAncestors: "self" }).get("frame-ancestors")).toEqual(["'self'"]);
    expect(policy().get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("carries the nonce Next extracts (its own pattern) and refuses a weak one", () => {
    const header = contentSecurityPolicy({ nonce: NONCE, config: embedded, dev: false, frameAncestors: "none" });
    const scriptSrc = header.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"))!;
    const match = scriptSrc.split(/\s+/).map((s) => /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/.exec(s)).find(Boolean);
    expect(match?.[1]).toBe(NONCE);
    for (const bad of ["", "short", "abc'; script-src *", "a b c d e f g h i j k l m n o p"]) {
      expect(() => contentSecurityPolicy({ nonce: bad, config: embedded, dev: false, frameAncestors: "none" })).toThrow(/nonce/);
    }
  });

  it("allows Entra and Graph, and nothing else, in tenant mode", () => {
    const directives = policy({ config: tenant });
    expect(directives.get("connect-src")).toEqual(["'self'", "https://graph.microsoft.com", "https://login.microsoftonline.com"]);
    expect(directives.get("frame-src")).toEqual(["'self'", "https://login.microsoftonline.com"]);
  });

  it("falls back to the console's own origin when the configuration does not parse", () => {
    const directives = policy({ config: null });
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("frame-src")).toEqual(["'self'"]);
  });

  it("has no directive twice and no stray characters", () => {
    const header = contentSecurityPolicy({ nonce: NONCE, config: tenant, dev: true, frameAncestors: "self" });
    const names = header.split("; ").map((d) => d.split(" ")[0]);
    expect(new Set(names).size).toBe(names.length);
    expect(header).not.toMatch(/[\r\n,]|;;|\s{2}/);
  });
});

describe("identityOrigins and connectOrigins", () => {
  const config = (authority: string, extra: Partial<Parameters<typeof identityOrigins>[0]> = {}) => ({
    authority,
    graphBaseUrl: "https://graph.microsoft.com",
    ...extra,
  });

  it("embedded: the metadata origin only (the https authority is nominal and never contacted)", () => {
    expect(identityOrigins(embedded)).toEqual(["http://127.0.0.1:4110"]);
    expect(connectOrigins(embedded)).toEqual(["http://127.0.0.1:4110"]);
  });

  it("Microsoft clouds: the host MSAL sends its requests to", () => {
    expect(identityOrigins(config(`https://login.microsoftonline.us/${TENANT}`))).toEqual(["https://login.microsoftonline.us"]);
    expect(identityOrigins(config(`https://login.windows.net/${TENANT}`))).toEqual(["https://login.windows.net", "https://login.microsoftonline.com"]);
    expect(identityOrigins(config(`https://login.chinacloudapi.cn/${TENANT}`))).toEqual([
      "https://login.chinacloudapi.cn",
      "https://login.partner.microsoftonline.cn",
    ]);
  });

  it("another authority host: itself plus Entra's instance discovery", () => {
    expect(identityOrigins(config(`https://contoso.ciamlogin.com/${TENANT}`))).toEqual([
      "https://contoso.ciamlogin.com",
      "https://login.microsoftonline.com",
    ]);
  });

  it("a metadata URL on another origin than Graph: both, with ports", () => {
    const origins = connectOrigins(
      config("https://login.example.test/t", { authorityMetadataUrl: "https://idp.example.test:8443/t/v2.0/.well-known/openid-configuration", graphBaseUrl: "http://127.0.0.1:4010" }),
    );
    expect(origins).toEqual(["http://127.0.0.1:4010", "https://idp.example.test:8443"]);
  });
});
