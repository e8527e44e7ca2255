import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "./http";
import { USER_SCHEMA, startTestTarget, type TestTarget } from "@/test/support/scim-target-client";

/** HTTP-level refusals: each a SCIM error (RFC 7644 §3.12) in application/scim+json. */
let t: TestTarget;
beforeAll(async () => {
  t = await startTestTarget();
});
afterAll(() => t.close());

const scimError = (status: number, scimType?: string) => ({
  schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
  status: String(status),
  ...(scimType ? { scimType } : {}),
  detail: expect.any(String),
});

describe("HTTP errors", () => {
  it("400 invalidSyntax for malformed JSON", async () => {
    const answer = await t.call("POST", "/Users", { body: '{"schemas": [' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toBe("application/scim+json");
    expect(answer.body).toEqual(scimError(400, "invalidSyntax"));
  });

  it("accepts application/json, refuses other media types with 415", async () => {
    const body = JSON.stringify({ schemas: [USER_SCHEMA], userName: "json" });
    expect((await t.call("POST", "/Users", { body, headers: { "Content-Type": "application/json; charset=utf-8" } })).status).toBe(201);
    const answer = await t.call("POST", "/Users", { body, headers: { "Content-Type": "text/plain" } });
    expect(answer).toMatchObject({ status: 415, body: scimError(415) });
  });

  it("413 for a body over 1 MB, declared or streamed, and closes the connection", async () => {
    const big = JSON.stringify({ schemas: [USER_SCHEMA], userName: "big", displayName: "x".repeat(MAX_BODY_BYTES) });
    const answer = await t.call("POST", "/Users", { body: big });
    expect(answer).toMatchObject({ status: 413, body: scimError(413) });
    expect(answer.headers.get("connection")).toBe("close");
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(`${t.target.url}/Users`, { method: "POST", headers: { Authorization: `Bearer ${t.target.token}`, "Content-Type": "application/scim+json", "Transfer-Encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      for (let i = 0; i < 20; i++) req.write("x".repeat(64 * 1024));
      req.end();
    });
    expect(chunked).toBe(413);
  });

  it("404 for a path that names nothing", async () => {
    for (const path of ["/Nope", "/Users/", "/Users/a/b", ""]) {
      const answer = await t.call("GET", path);
      expect({ path, status: answer.status, body: answer.body }).toEqual({ path, status: 404, body: scimError(404) });
    }
    const outside = await fetch(`${t.target.url.replace("/scim/v2", "/scim/v1")}/Users`, { headers: { Authorization: `Bearer ${t.target.token}` } });
    expect(outside.status).toBe(404);
  });

  it("405 with Allow for a method the path does not take", async () => {
    const answer = await t.call("DELETE", "/Users");
    expect(answer).toMatchObject({ status: 405, body: scimError(405) });
    expect(answer.headers.get("allow")).toBe("GET, HEAD, POST");
    expect((await t.call("POST", "/ServiceProviderConfig", { body: {} })).headers.get("allow")).toBe("GET, HEAD");
    expect((await t.call("POST", "/Users/some-id", { body: {} })).headers.get("allow")).toBe("GET, HEAD, PUT, PATCH, DELETE");
  });

  it("501 for what the target does not implement: Bulk, /Me, POST search", async () => {
    for (const [method, path] of [["POST", "/Bulk"], ["GET", "/Me"], ["POST", "/Users/.search"], ["POST", "/.search"]]) {
      const answer = await t.call(method, path, method === "POST" ? { body: {} } : {});
      expect({ path, status: answer.status, body: answer.body }).toEqual({ path, status: 501, body: scimError(501) });
    }
  });
});
