import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scanClientBundle } from "./scan-files";
import { describeFindings, scanText } from "./secret-scan";

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const JWT = `${b64url({ alg: "RS256", typ: "JWT" })}.${b64url({ aud: "https://graph.microsoft.com", scp: "User.Read" })}.c2lnbmF0dXJl`;
const kinds = (text: string, options?: Parameters<typeof scanText>[2]) => scanText("fixture.js", text, options).map((f) => f.kind);

describe("scanText", () => {
  it("finds a JWT anywhere: in a string, a header, a URL", () => {
    expect(kinds(`const t="${JWT}";`)).toEqual(["jwt"]);
    expect(kinds(`Authorization: Bearer ${JWT}`)).toEqual(["jwt"]);
    expect(kinds(`GET /beta/me?access_token=${JWT}&x=1`)).toEqual(["jwt"]);
    expect(kinds(`${JWT} and ${JWT}`)).toEqual(["jwt", "jwt"]);
  });

  it("ignores what only looks like base64 JSON (one segment, or MSAL's own constants)", () => {
    expect(kinds(`const header = "eyJhbGciOiJSUzI1NiJ9";`)).toEqual([]);
    expect(kinds(`e.set(n.CLIENT_SECRET,t); CLIENT_SECRET:"client_secret"`)).toEqual([]);
    expect(kinds(`advice:"Entra ID does not know this application. Check ENTRA_CLIENT_ID and ENTRA_TENANT_ID."`)).toEqual([]);
  });

  it("finds private keys, PEM or JWK", () => {
    expect(kinds("-----BEGIN PRIVATE KEY-----\nMIIE")).toEqual(["private-key"]);
    expect(kinds("-----BEGIN RSA PRIVATE KEY-----")).toEqual(["private-key"]);
    expect(kinds(`{"kty":"RSA","n":"x","e":"AQAB","d":"${"A".repeat(342)}"}`)).toEqual(["private-key"]);
    expect(kinds(`{"kty":"RSA","n":"${"A".repeat(342)}","e":"AQAB"}`)).toEqual([]);
  });

  it("finds reads of server-only env vars in any spelling, not the names as words", () => {
    expect(kinds("const a=process.env.GRAPH_BASE_URL;")).toEqual(["server-env-read"]);
    expect(kinds(`x(process.env["ENTRA_CLIENT_ID"])`)).toEqual(["server-env-read"]);
    expect(kinds(`x(process.env[ 'ENTRA_AUTHORITY_METADATA_URL' ])`)).toEqual(["server-env-read"]);
    expect(kinds("const { ENTRA_TENANT_ID: t } = process.env")).toEqual(["server-env-read"]);
    expect(kinds("process.env.NODE_ENV, process.env.NEXT_PUBLIC_X, process.env.GRAPH_BASE_URLS")).toEqual([]);
    expect(kinds("Set GRAPH_BASE_URL to Graph's origin.")).toEqual([]);
    expect(kinds("process.env.SECRET_THING", { serverEnvNames: ["SECRET_THING"] })).toEqual(["server-env-read"]);
  });

  it("finds given secret values, and ignores trivially short ones", () => {
    expect(kinds("log: opaque-token-1234 done", { secretValues: ["opaque-token-1234"] })).toEqual(["secret-value"]);
    expect(kinds("abc", { secretValues: ["abc"] })).toEqual([]);
  });

  it("never quotes the whole secret in a finding", () => {
    const findings = scanText("console log", `Bearer ${JWT}`, { secretValues: [JWT] });
    expect(findings).toHaveLength(2);
    expect(describeFindings(findings)).not.toContain(JWT);
    expect(describeFindings(findings)).toContain("jwt in console log: eyJhbGciOiJS…");
  });
});

describe("scanClientBundle", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bundle-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("walks every script, stylesheet and map under the directory", () => {
    mkdirSync(path.join(dir, "chunks", "app"), { recursive: true });
    writeFileSync(path.join(dir, "chunks", "clean.js"), "console.log('hello')");
    writeFileSync(path.join(dir, "chunks", "app", "leak.js"), `const t="${JWT}"`);
    writeFileSync(path.join(dir, "chunks", "app", "leak.js.map"), `{"sourcesContent":["process.env.GRAPH_BASE_URL"]}`);
    writeFileSync(path.join(dir, "chunks", "image.png"), JWT);
    const scan = scanClientBundle(dir);
    expect(scan.files).toBe(3);
    expect(scan.findings.map((f) => [f.kind, f.source])).toEqual([
      ["jwt", path.join(".next/static", "chunks", "app", "leak.js")],
      ["server-env-read", path.join(".next/static", "chunks", "app", "leak.js.map")],
    ]);
  });
});
