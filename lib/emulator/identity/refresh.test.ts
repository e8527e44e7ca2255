import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GRAPH_AUDIENCE, PERSONAS } from "../auth/personas";
import { EMBEDDED_CLIENT_ID } from "./client";
import { Browser, GRAPH_SCOPES, LOGIN_SCOPES, codeRedemption, postToken, refreshRedemption, signIn, withIdp, type Idp, type TokenBody, type TokenErrorBody } from "@/test/support/identity";

let idp: Idp;
let jwks: ReturnType<typeof createRemoteJWKSet>;
withIdp((running) => ({ idp, jwks } = running));
afterEach(() => vi.useRealTimers());

async function signedInTokens(persona: "admin" | "reader" | "nosync" = "admin"): Promise<TokenBody> {
  const signedIn = await signIn(idp, new Browser(), persona);
  const response = await postToken(idp, codeRedemption(signedIn));
  expect(response.status).toBe(200);
  return (await response.json()) as TokenBody;
}

async function refresh(token: string, scope: string) {
  const response = await postToken(idp, refreshRedemption(token, scope));
  return { status: response.status, body: (await response.json()) as TokenBody & TokenErrorBody };
}

describe("refresh_token grant", () => {
  it("gets a Graph token for a different scope than sign-in asked for, and rotates the refresh token", async () => {
    const login = await signedInTokens("reader");
    const { status, body } = await refresh(login.refresh_token!, `https://graph.microsoft.com/Synchronization.Read.All ${LOGIN_SCOPES}`);
    expect(status).toBe(200);
    expect(body.refresh_token).toBeTruthy();
    expect(body.refresh_token).not.toBe(login.refresh_token);
    expect(body.scope.split(" ")).toEqual([...PERSONAS.reader.scopes.map((s) => `${GRAPH_AUDIENCE}/${s}`), "openid", "profile"]);
    const { payload } = await jwtVerify(body.access_token, jwks, { audience: GRAPH_AUDIENCE });
    expect(payload.scp).toBe(PERSONAS.reader.scopes.join(" "));
    expect(payload.oid).toBe(PERSONAS.reader.oid);
    const id = await jwtVerify(body.id_token!, jwks, { audience: EMBEDDED_CLIENT_ID });
    expect(id.payload.nonce).toBeUndefined();
    expect(id.payload.oid).toBe(PERSONAS.reader.oid);
    // the rotated token works
    expect((await refresh(body.refresh_token!, GRAPH_SCOPES)).status).toBe(200);
  });

  it("accepts .default and bare Graph permission names", async () => {
    const login = await signedInTokens();
    const dflt = await refresh(login.refresh_token!, `https://graph.microsoft.com/.default ${LOGIN_SCOPES}`);
    expect(dflt.status).toBe(200);
    const bare = await refresh(dflt.body.refresh_token!, "Application.Read.All offline_access");
    expect(bare.status).toBe(200);
    expect(bare.body.scope).toBe(PERSONAS.admin.scopes.join(" "));
    expect(bare.body.id_token).toBeUndefined();
  });

  it("keeps a rotated refresh token usable for a grace period, then rejects it", async () => {
    const login = await signedInTokens();
    const first = await refresh(login.refresh_token!, GRAPH_SCOPES);
    expect(first.status).toBe(200);
    // concurrent silent calls race on the same token: still fine right after rotation
    expect((await refresh(login.refresh_token!, GRAPH_SCOPES)).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3 * 60 * 1000);
    const late = await refresh(login.refresh_token!, GRAPH_SCOPES);
    expect(late.status).toBe(400);
    expect(late.body.error).toBe("invalid_grant");
    expect(late.body.error_codes).toEqual([70000]);
    expect((await refresh(first.body.refresh_token!, GRAPH_SCOPES)).status).toBe(200);
  });

  it("ends the refresh-token family 24 hours after sign-in, as Entra does for SPAs (AADSTS700084)", async () => {
    const login = await signedInTokens();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 23 * 3600 * 1000);
    const before = await refresh(login.refresh_token!, GRAPH_SCOPES);
    expect(before.status).toBe(200);
    vi.setSystemTime(Date.now() + 2 * 3600 * 1000);
    const after = await refresh(before.body.refresh_token!, GRAPH_SCOPES);
    expect(after.body.error).toBe("invalid_grant");
    expect(after.body.error_codes).toEqual([700084]);
  });

  it("rejects an unknown refresh token, a missing scope and a foreign resource", async () => {
    expect((await refresh("bogus", GRAPH_SCOPES)).body.error_codes).toEqual([70000]);
    const login = await signedInTokens();
    const missing = await refresh(login.refresh_token!, "");
    expect(missing.body.error_codes).toEqual([900144]);
    const foreign = await refresh(login.refresh_token!, "https://management.azure.com/user_impersonation");
    expect(foreign.body.error).toBe("invalid_resource");
    expect(foreign.body.error_codes).toEqual([500011]);
  });
});
