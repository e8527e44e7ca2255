import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SCIM_TARGET_DEMO_TOKEN } from "./demo-token";
import { startTestTarget, type TestTarget } from "@/test/support/scim-target-client";

/** Every request needs `Authorization: Bearer <token>` (RFC 6750); the token never reaches requests(). */
let t: TestTarget;
beforeAll(async () => {
  t = await startTestTarget();
});
afterAll(() => t.close());
beforeEach(() => t.target.clearRequests());

function expectUnauthorized(answer: Awaited<ReturnType<TestTarget["call"]>>) {
  expect(answer.status).toBe(401);
  expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer /);
  expect(answer.headers.get("content-type")).toBe("application/scim+json");
  expect(answer.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
  expect(answer.body.detail).toEqual(expect.any(String));
}

describe("authentication", () => {
  it("uses the demo token by default and accepts it", async () => {
    expect(t.target.token).toBe(SCIM_TARGET_DEMO_TOKEN);
    expect((await t.call("GET", "/Users")).status).toBe(200);
    expect((await t.call("GET", "/Users", { headers: { Authorization: `bearer ${SCIM_TARGET_DEMO_TOKEN}` } })).status).toBe(200);
  });

  it("answers 401 with a SCIM error and WWW-Authenticate without a token, with a wrong one, or another scheme", async () => {
    expectUnauthorized(await t.call("GET", "/Users", { token: null }));
    const wrong = await t.call("GET", "/Users", { token: `${SCIM_TARGET_DEMO_TOKEN}x` });
    expectUnauthorized(wrong);
    expect(wrong.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expectUnauthorized(await t.call("GET", "/Users", { token: SCIM_TARGET_DEMO_TOKEN.slice(0, -1) }));
    expectUnauthorized(await t.call("GET", "/Users", { token: null, headers: { Authorization: `Basic ${Buffer.from(`u:${SCIM_TARGET_DEMO_TOKEN}`).toString("base64")}` } }));
  });

  it("checks the token before anything else: an unknown path or a body is not looked at", async () => {
    expectUnauthorized(await t.call("GET", "/NoSuchThing", { token: null }));
    expectUnauthorized(await t.call("POST", "/Users", { token: "nope", body: "{not json" }));
    expect((await t.call("GET", "/Users")).body.totalResults).toBe(0);
  });

  it("never records the Authorization header or the token, wherever the client put it", async () => {
    const token = SCIM_TARGET_DEMO_TOKEN;
    await t.call("GET", "/Users", { token: null });
    await t.call("GET", `/Users?filter=${encodeURIComponent(`userName eq "${token}"`)}&access_token=${token}`);
    await t.createUser("alice", { displayName: `Alice ${token}`, password: "s3cret" });
    const recorded = JSON.stringify(t.target.requests());
    expect(t.target.requests()).toHaveLength(3);
    expect(recorded).not.toContain(token);
    expect(recorded.toLowerCase()).not.toContain("authorization");
    expect(recorded).not.toContain("s3cret");
    expect(t.target.requests()[2]).toMatchObject({ method: "POST", path: "/scim/v2/Users", status: 201, body: { userName: "alice", displayName: "Alice [redacted]", password: "[redacted]" } });
  });
});
