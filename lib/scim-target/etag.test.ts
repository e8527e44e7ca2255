import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USER_SCHEMA, startTestTarget, type TestTarget } from "@/test/support/scim-target-client";

/** Versions (RFC 7644 §3.14): ETag, If-Match on PUT/PATCH/DELETE, If-None-Match on GET. */
let t: TestTarget;
beforeAll(async () => {
  t = await startTestTarget();
});
afterAll(() => t.close());

describe("ETags", () => {
  it("refuses a write whose If-Match is stale (412) and takes one that is current or *", async () => {
    const id = (await t.createUser("alice")).body.id;
    const put = (version: string, userName: string) => t.call("PUT", `/Users/${id}`, { headers: { "If-Match": version }, body: { schemas: [USER_SCHEMA], userName } });
    expect((await put('W/"1"', "alice2")).headers.get("etag")).toBe('W/"2"');
    const stale = await put('W/"1"', "alice3");
    expect(stale).toMatchObject({ status: 412, body: { status: "412" } });
    expect(stale.headers.get("etag")).toBe('W/"2"');
    expect((await put("*", "alice3")).status).toBe(200);
    expect((await t.call("DELETE", `/Users/${id}`, { headers: { "If-Match": 'W/"2"' } })).status).toBe(412);
    expect((await t.call("DELETE", `/Users/${id}`, { headers: { "If-Match": '"3"' } })).status).toBe(204);
  });

  it("answers 304 to a GET whose If-None-Match is current", async () => {
    const id = (await t.createUser("bob")).body.id;
    const notModified = await t.call("GET", `/Users/${id}`, { headers: { "If-None-Match": 'W/"1"' } });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe("");
    expect((await t.call("GET", `/Users/${id}`, { headers: { "If-None-Match": 'W/"0"' } })).status).toBe(200);
  });
});
