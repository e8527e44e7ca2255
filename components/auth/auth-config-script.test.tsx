import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseAuthConfig } from "@/lib/config/auth-config-element";
import type { PublicAuthConfig } from "@/lib/config/public-auth-config";
import { AuthConfigScript } from "./auth-config-script";

const CONFIG: PublicAuthConfig = {
  clientId: "00000000-0000-0000-0000-00000000c0de",
  authority: "http://127.0.0.1:4010/tenant-id",
  knownAuthorities: ["127.0.0.1:4010"],
  // A value that would end the element if it were written as it is.
  authorityMetadata: '{"issuer":"</script><script>alert(1)</script>"}',
  redirectPath: "/auth/bridge",
  scopes: ["https://graph.microsoft.com/Application.ReadWrite.OwnedBy"],
  logsScopes: ["https://graph.microsoft.com/AuditLog.Read.All"],
  directoryScopes: ["https://graph.microsoft.com/User.Read.All"],
  graphBaseUrl: "http://127.0.0.1:4010/graph",
  graphApiVersion: "beta",
};

describe("AuthConfigScript", () => {
  const markup = renderToStaticMarkup(<AuthConfigScript config={CONFIG} />);

  it("writes the config as a JSON data block that no value can close", () => {
    expect(markup).toMatch(/^<script id="console-auth-config" type="application\/json">[^<]*<\/script>$/);
  });

  it("reads back as the config it was written from", () => {
    const text = /^<script[^>]*>([^<]*)<\/script>$/.exec(markup)?.[1];
    expect(parseAuthConfig(text)).toEqual(CONFIG);
  });

  it("reads as no config without a block or with a broken one, so the page starts MSAL itself", () => {
    expect(parseAuthConfig(undefined)).toBeNull();
    expect(parseAuthConfig("")).toBeNull();
    expect(parseAuthConfig('{"clientId":')).toBeNull();
  });
});
