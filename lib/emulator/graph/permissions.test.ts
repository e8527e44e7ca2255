import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB, SP } from "../seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

const spPath = `/beta/servicePrincipals/${SP.slack}`;
const jobs = `${spPath}/synchronization/jobs`;
const job = `${jobs}/${encodeURIComponent(JOB.slackActive)}`;

describe("personas: allowed and denied calls", () => {
  it("admin reads service principals and jobs and can write", async () => {
    const token = await emu.token("admin");
    expect((await emu.call("GET", "/v1.0/servicePrincipals", { token })).status).toBe(200);
    expect((await emu.call("GET", jobs, { token })).status).toBe(200);
    expect((await emu.call("GET", `${spPath}/synchronization/templates`, { token })).status).toBe(200);
    expect((await emu.call("POST", `${job}/pause`, { token })).status).toBe(204);
    expect((await emu.call("POST", `${job}/start`, { token })).status).toBe(204);
    expect((await emu.call("GET", `${job}/schema/functions`, { token })).status).toBe(200);
  });

  it("reader reads jobs but gets 403 Authorization_RequestDenied on writes", async () => {
    const token = await emu.token("reader");
    expect((await emu.call("GET", jobs, { token })).status).toBe(200);
    expect((await emu.call("GET", job, { token })).status).toBe(200);
    for (const [method, path, body] of [
      ["POST", jobs, { templateId: "Slack" }],
      ["POST", `${job}/start`, undefined],
      ["POST", `${job}/pause`, undefined],
      ["POST", `${job}/restart`, undefined],
      ["DELETE", job, undefined],
      ["PUT", `${spPath}/synchronization/secrets`, { value: [] }],
      ["GET", `${job}/schema/filterOperators`, undefined],
    ] as const) {
      const result = await emu.call(method, path, { token, body });
      expect(result.status, `${method} ${path}`).toBe(403);
      expect(result.body.error.code).toBe("Authorization_RequestDenied");
      expect(result.body.error.message).toBe("Insufficient privileges to complete the operation.");
    }
  });

  it("nosync lists service principals but gets Graph's 401 UnknownError with an empty message on /synchronization", async () => {
    const token = await emu.token("nosync");
    expect((await emu.call("GET", "/beta/servicePrincipals", { token })).status).toBe(200);
    for (const path of [jobs, job, `${spPath}/synchronization/templates`, `/beta/servicePrincipals/00000000-0000-0000-0000-000000000000/synchronization/jobs`]) {
      const result = await emu.call("GET", path, { token });
      expect(result.status, path).toBe(401);
      expect(result.body.error).toMatchObject({ code: "UnknownError", message: "" });
      expect(result.body.error.innerError["request-id"]).toBe(result.headers.get("request-id"));
    }
  });

  it("a token without Application.Read.All gets 403 on service principals", async () => {
    const token = await emu.token("admin", { scopes: ["Synchronization.ReadWrite.All"] });
    const result = await emu.call("GET", "/beta/servicePrincipals", { token });
    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe("Authorization_RequestDenied");
    expect((await emu.call("GET", jobs, { token })).status).toBe(200);
  });

  it("missing, malformed, foreign-signed and expired tokens get 401 InvalidAuthenticationToken", async () => {
    const expired = await emu.token("admin", { lifetimeSeconds: -60 });
    const admin = await emu.token("admin");
    const [header, payload] = admin.split(".");
    const forged = `${header}.${payload}.${"A".repeat(342)}`;
    for (const token of [null, "not-a-jwt", forged, expired]) {
      const result = await emu.call("GET", "/beta/servicePrincipals", { token });
      expect(result.status).toBe(401);
      expect(result.body.error.code).toBe("InvalidAuthenticationToken");
      expect(result.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    const lifetime = await emu.control("POST", "token", { persona: "admin", lifetimeSeconds: -1 });
    expect((await emu.call("GET", "/beta/servicePrincipals", { token: lifetime.body.access_token })).body.error.message).toMatch(/expired/);
  });

  it("the token control validates personas and never echoes tokens into the request log", async () => {
    expect((await emu.control("POST", "token", { persona: "root" })).status).toBe(400);
    const token = await emu.token("reader");
    await emu.call("GET", jobs, { token, headers: { "client-request-id": "log-check" } });
    const log = await emu.control("GET", "requests");
    expect(log.text).not.toContain(token);
    expect(log.text).not.toMatch(/authorization|bearer/i);
    expect(log.body.value.some((entry: { clientRequestId: string }) => entry.clientRequestId === "log-check")).toBe(true);
  });
});
