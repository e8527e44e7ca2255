import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCIM_TARGET_DEMO_TOKEN } from "./demo-token";
import { startScimTarget, type ScimTarget } from "./server";

/** A target on loopback answers loopback names only (DNS rebinding: a page on evil.example resolved to 127.0.0.1 sends its own name). */
let target: ScimTarget;
beforeAll(async () => {
  target = await startScimTarget({ port: 0 });
});
afterAll(() => target.close());

const get = (host: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: target.port, path: "/scim/v2/Users", headers: { Host: host, Authorization: `Bearer ${SCIM_TARGET_DEMO_TOKEN}` } }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });

describe("Host header", () => {
  it("serves 127.0.0.1, localhost and [::1] on its own port", async () => {
    for (const host of [`127.0.0.1:${target.port}`, `LOCALHOST:${target.port}`, `[::1]:${target.port}`]) expect((await get(host)).status).toBe(200);
  });

  it("refuses any other name, or another port, with a SCIM error, before the data is read", async () => {
    target.clearRequests();
    for (const host of [`evil.example:${target.port}`, "127.0.0.1", `127.0.0.1:${target.port + 1}`, `127.0.0.1.evil.example:${target.port}`]) {
      const answer = await get(host);
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "403", detail: expect.stringContaining("is not accepted") });
    }
  });
});
