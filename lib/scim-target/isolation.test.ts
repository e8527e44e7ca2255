import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filterQuery, startTestTarget, type TestTarget } from "@/test/support/scim-target-client";

/** Two targets in one process share nothing: store, token, request log, base URL (scimmy's globals hold only schemas). */
let a: TestTarget;
let b: TestTarget;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestTarget({ token: "token-a" }), startTestTarget({ token: "token-b" })]);
});
afterAll(() => Promise.all([a.close(), b.close()]));

describe("two targets in one process", () => {
  it("keep their own resources, tokens, locations and request logs", async () => {
    expect(a.target.port).not.toBe(b.target.port);
    const alice = await a.createUser("alice");
    expect(alice.status).toBe(201);
    expect(alice.body.meta.location.startsWith(a.target.url)).toBe(true);
    expect((await b.call("GET", `/Users?${filterQuery('userName eq "alice"')}`)).body.totalResults).toBe(0);
    expect((await b.call("GET", `/Users/${alice.body.id}`)).status).toBe(404);
    const twin = await b.createUser("alice");
    expect(twin.status).toBe(201);
    expect(twin.body.meta.location.startsWith(b.target.url)).toBe(true);
    expect((await b.call("GET", "/Users", { token: "token-a" })).status).toBe(401);
    expect(a.target.requests().map((r) => r.path)).toEqual(["/scim/v2/Users"]);
    expect(b.target.requests()).toHaveLength(4);
  });

  it("reset() empties one target only", async () => {
    a.target.reset();
    expect((await a.call("GET", "/Users")).body.totalResults).toBe(0);
    expect((await b.call("GET", "/Users")).body.totalResults).toBe(1);
    expect((await a.createUser("alice")).status).toBe(201);
  });
});
