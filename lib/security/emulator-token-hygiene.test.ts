import { format } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { TENANT_ID } from "@/lib/emulator/auth/personas";
import { EMBEDDED_CLIENT_ID } from "@/lib/emulator/identity/client";
import { SP } from "@/lib/emulator/seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { describeFindings, scanText } from "./secret-scan";

/**
 * The emulator never writes a token to its output or its request log: authenticated calls that succeed
 * and that fail (expired, forged, wrong scope, faults, bad bodies, $batch, the token endpoint), with every
 * console method and both standard streams watched.
 */

let emulator: TestEmulator;
const output: string[] = [];
const spies: MockInstance[] = [];
const tokens: string[] = [];

function capture(target: object, method: string): void {
  const spy = vi.spyOn(target as Record<string, (...args: unknown[]) => unknown>, method).mockImplementation((...args: unknown[]) => {
    output.push(format(...args));
    return true;
  });
  spies.push(spy);
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  for (const method of ["log", "info", "warn", "error", "debug", "trace"]) capture(console, method);
  capture(process.stdout, "write");
  capture(process.stderr, "write");
});
afterAll(async () => {
  for (const spy of spies) spy.mockRestore();
  await emulator.close();
});

/** Flips one character of the signature: a well-formed JWT the emulator must refuse. */
const forged = (token: string) => `${token.slice(0, -2)}${token.at(-2) === "A" ? "B" : "A"}${token.at(-1)}`;

describe("the emulator's output and request log", () => {
  it("are watched: a token written to any console method or stream would be caught", async () => {
    const canary = await emulator.token("reader", { lifetimeSeconds: 61 });
    console.error("[emulator] unexpected error", new Error(`bad ${canary}`));
    process.stdout.write(`GET /x Authorization: Bearer ${canary}\n`);
    const findings = scanText("canary", output.splice(0).join("\n"), { secretValues: [canary] });
    expect(findings.map((f) => f.kind)).toEqual(["jwt", "jwt", "secret-value", "secret-value"]);
  });

  it("carry no token after successful and failing calls", async () => {
    const admin = await emulator.token("admin");
    const reader = await emulator.token("reader");
    const nosync = await emulator.token("nosync");
    const expired = await emulator.token("admin", { lifetimeSeconds: -120 });
    tokens.push(admin, reader, nosync, expired, forged(admin));
    const jobs = `/beta/servicePrincipals/${SP.box}/synchronization/jobs`;

    const calls: [string, Promise<{ status: number }>][] = [
      ["read", emulator.call("GET", "/beta/servicePrincipals?$top=2", { token: admin })],
      ["read v1.0", emulator.call("GET", `/v1.0/servicePrincipals/${SP.box}`, { token: reader })],
      ["expired", emulator.call("GET", "/beta/servicePrincipals", { token: expired })],
      ["forged signature", emulator.call("GET", "/beta/servicePrincipals", { token: forged(admin) })],
      ["not a JWT", emulator.call("GET", "/beta/servicePrincipals", { token: "opaque-not-a-jwt-0123456789" })],
      ["Basic scheme", emulator.call("GET", "/beta/servicePrincipals", { token: null, headers: { Authorization: `Basic ${admin}` } })],
      ["token twice", emulator.call("GET", "/beta/servicePrincipals", { token: null, headers: { Authorization: `Bearer ${admin} ${admin}` } })],
      ["read-only write", emulator.call("POST", jobs, { token: reader, body: { templateId: "BoxOutDelta" } })],
      ["no sync scope", emulator.call("GET", jobs, { token: nosync })],
      ["malformed JSON", emulator.call("POST", jobs, { token: admin, body: `{"templateId": "${admin}"` })],
      ["token in a body field", emulator.call("POST", jobs, { token: admin, body: { templateId: admin } })],
      ["wrong content type", emulator.call("POST", jobs, { token: admin, body: admin, headers: { "Content-Type": "text/plain" } })],
      ["unknown route", emulator.call("GET", `/beta/nothing/${encodeURIComponent("x")}`, { token: admin })],
      [
        "$batch with inner Authorization",
        emulator.call("POST", "/beta/$batch", {
          token: admin,
          body: { requests: [{ id: "1", method: "GET", url: "/servicePrincipals?$top=1", headers: { Authorization: `Bearer ${reader}` } }] },
        }),
      ],
    ];
    const statuses = Object.fromEntries(await Promise.all(calls.map(async ([name, call]) => [name, (await call).status])));
    expect(statuses).toMatchObject({ read: 200, "read v1.0": 200, expired: 401, "forged signature": 401, "not a JWT": 401, "read-only write": 403 });

    // Faults answer before the token is looked at; the connection reset path too.
    await emulator.control("POST", "faults", [
      { method: "GET", path: "/servicePrincipals", status: 500, count: 1 },
      { method: "GET", path: "/servicePrincipals/*", reset: true, count: 1 },
    ]);
    expect((await emulator.call("GET", "/beta/servicePrincipals", { token: admin })).status).toBe(500);
    await expect(emulator.call("GET", `/beta/servicePrincipals/${SP.box}`, { token: admin })).rejects.toThrow();

    // The token endpoint, given tokens where codes and refresh tokens belong.
    const tokenEndpoint = `${emulator.url}/${TENANT_ID}/oauth2/v2.0/token`;
    const forms: Record<string, string>[] = [
      { client_id: EMBEDDED_CLIENT_ID, grant_type: "refresh_token", refresh_token: admin, scope: "https://graph.microsoft.com/.default" },
      { client_id: EMBEDDED_CLIENT_ID, grant_type: "authorization_code", code: admin, code_verifier: reader, redirect_uri: "http://127.0.0.1:3100/auth/bridge" },
      { client_id: admin, grant_type: "refresh_token", refresh_token: admin },
    ];
    for (const form of forms) {
      const response = await fetch(tokenEndpoint, { method: "POST", body: new URLSearchParams(form) });
      expect(response.status).toBeGreaterThanOrEqual(400);
    }

    const log = await emulator.requests();
    expect(log.length).toBeGreaterThanOrEqual(calls.length);
    for (const entry of log) expect(Object.keys(entry)).not.toContain("authorization");

    const logFindings = scanText("emulator request log", JSON.stringify(log), { secretValues: tokens });
    expect(logFindings, describeFindings(logFindings)).toEqual([]);
    const outputFindings = scanText("emulator output", output.join("\n"), { secretValues: tokens });
    expect(outputFindings, describeFindings(outputFindings)).toEqual([]);
    expect(output.join("\n")).not.toMatch(/authorization|bearer /i);
  });
});
