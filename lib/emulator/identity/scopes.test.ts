import { describe, expect, it } from "vitest";
import { PERSONAS } from "../auth/personas";
import { grantedScopeString, isStsError, parseScopes } from "./scopes";
import { TtlMap } from "./ttl-map";
import { isRegisteredRedirectUri, EMBEDDED_CLIENT_ID } from "./client";
import { verifierMatches, s256 } from "./pkce";

describe("parseScopes", () => {
  it("classifies OIDC scopes, prefixed and bare Graph permissions", () => {
    const parsed = parseScopes("openid Profile offline_access https://graph.microsoft.com/User.Read Application.Read.All");
    if (isStsError(parsed)) throw new Error(parsed.message);
    expect([...parsed.oidc]).toEqual(["openid", "profile", "offline_access"]);
    expect(parsed.graph).toEqual(["User.Read", "Application.Read.All"]);
    expect(parsed.prefixed).toBe(true);
  });

  it("accepts Graph's app id URI, the double-slash form and .default", () => {
    for (const scope of ["00000003-0000-0000-c000-000000000000/.default", "https://graph.microsoft.com//.default", "https://graph.microsoft.com/.default"]) {
      const parsed = parseScopes(scope);
      expect(isStsError(parsed)).toBe(false);
    }
  });

  it("rejects an empty scope, another resource and nonsense", () => {
    expect(parseScopes("  ")).toMatchObject({ error: "invalid_request", code: 900144 });
    expect(parseScopes("api://payroll/read")).toMatchObject({ error: "invalid_resource", code: 500011 });
    expect(parseScopes("https://management.azure.com/user_impersonation")).toMatchObject({ code: 500011 });
    expect(parseScopes("https://graph.microsoft.com/<script>")).toMatchObject({ error: "invalid_scope", code: 70011 });
  });

  it("answers with the persona's granted permissions in the caller's form, without offline_access", () => {
    const prefixed = parseScopes("https://graph.microsoft.com/User.Read openid offline_access");
    const bare = parseScopes("User.Read profile");
    if (isStsError(prefixed) || isStsError(bare)) throw new Error("parse failed");
    expect(grantedScopeString("nosync", prefixed)).toBe(`https://graph.microsoft.com/${PERSONAS.nosync.scopes[0]} openid`);
    expect(grantedScopeString("nosync", bare)).toBe(`${PERSONAS.nosync.scopes[0]} profile`);
  });
});

describe("TtlMap", () => {
  it("is bounded: the oldest entries go first", () => {
    const map = new TtlMap<number, number>(3);
    for (let i = 0; i < 5; i++) map.set(i, i, 60_000);
    expect(map.size).toBe(3);
    expect(map.get(0)).toBeUndefined();
    expect(map.get(4)).toBe(4);
  });

  it("forgets expired entries", () => {
    const map = new TtlMap<string, string>(10);
    map.set("a", "x", -1);
    expect(map.get("a")).toBeUndefined();
    expect(map.size).toBe(0);
  });
});

describe("redirect URI registration and PKCE", () => {
  it("matches loopback bridges on any port, exactly", () => {
    expect(isRegisteredRedirectUri(EMBEDDED_CLIENT_ID, "http://127.0.0.1:3000/auth/bridge")).toBe(true);
    expect(isRegisteredRedirectUri(EMBEDDED_CLIENT_ID, "http://localhost/auth/bridge")).toBe(true);
    expect(isRegisteredRedirectUri(EMBEDDED_CLIENT_ID, "http://127.0.0.1:3000/auth/bridge/")).toBe(false);
    expect(isRegisteredRedirectUri(EMBEDDED_CLIENT_ID, "http://127.0.0.1:3000/auth/bridge#x")).toBe(false);
    expect(isRegisteredRedirectUri(EMBEDDED_CLIENT_ID, "http://user@127.0.0.1:3000/auth/bridge")).toBe(false);
    expect(isRegisteredRedirectUri(EMBEDDED_CLIENT_ID, "https://127.0.0.1:3000/auth/bridge")).toBe(false);
    expect(isRegisteredRedirectUri("someone-else", "http://127.0.0.1:3000/auth/bridge")).toBe(false);
  });

  it("verifies S256 verifiers and refuses short or malformed ones", () => {
    const verifier = "a".repeat(43);
    expect(verifierMatches(verifier, s256(verifier))).toBe(true);
    expect(verifierMatches("b".repeat(43), s256(verifier))).toBe(false);
    expect(verifierMatches("short", s256("short"))).toBe(false);
    expect(verifierMatches(null, s256(verifier))).toBe(false);
  });
});
