import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENANT_ID } from "./auth/personas";
import { GROUP, USER } from "./directory/ids";
import { JOB, SP } from "./seed/ids";
import { startTestEmulator, type CallResult, type TestEmulator } from "@/test/support/emulator";
import { CONSOLE_ORIGIN, authorizeRequest, postToken, refreshRedemption, type Idp } from "@/test/support/identity";

/**
 * Clients see Graph's and Entra's texts, never the word "emulator": the error answers of a broad set of
 * failing requests (Graph, $batch items, faults, controls, the identity provider) are scanned for it.
 */
let emu: TestEmulator;
let idp: Idp;
beforeAll(async () => {
  emu = await startTestEmulator({ consoleOrigin: CONSOLE_ORIGIN }); // postToken posts from the console's origin
  idp = { origin: emu.url, base: `${emu.url}/${TENANT_ID}`, close: async () => {} };
});
afterAll(() => emu.close());

const sync = `/beta/servicePrincipals/${SP.slack}/synchronization`;
const job = `${sync}/jobs/${encodeURIComponent(JOB.slackActive)}`;
const boxJob = `/beta/servicePrincipals/${SP.box}/synchronization/jobs/${encodeURIComponent(JOB.boxPaused)}`;
const onDemandGroup = (members: string[]) => ({
  parameters: [{ ruleId: "r", subjects: [{ objectId: GROUP.finance, objectTypeName: "Group", links: { members: members.map((objectId) => ({ objectId, objectTypeName: "User" })) } }] }],
});
const eventual = { ConsistencyLevel: "eventual" };
const q = (expression: string) => encodeURIComponent(expression);

type Case = [label: string, run: () => Promise<{ status: number; text: string }>];

const graph = (method: string, path: string, options: Parameters<TestEmulator["call"]>[2] = {}) => () => emu.call(method, path, options);

/** A $batch whose every item fails: its status is the lowest item status. */
const batchItems = (options: Parameters<TestEmulator["call"]>[2]) => async () => {
  const result = await emu.call("POST", "/beta/$batch", options);
  return { status: Math.min(...result.body.responses.map((r: { status: number }) => r.status)), text: result.text };
};

function graphCases(): Case[] {
  return [
    ["no token", graph("GET", "/beta/servicePrincipals", { token: null })],
    ["malformed token", graph("GET", "/beta/servicePrincipals", { token: "not-a-jwt" })],
    ["nosync on /synchronization", async () => emu.call("GET", `${sync}/jobs`, { token: await emu.token("nosync") })],
    ["reader writes", async () => emu.call("POST", `${job}/pause`, { token: await emu.token("reader") })],
    ["bulkUpload without the permission", graph("POST", `${job}/bulkUpload`, { body: {} })],
    ["unknown service principal", graph("GET", "/beta/servicePrincipals/00000000-0000-0000-0000-000000000000")],
    ["malformed id", graph("GET", "/beta/servicePrincipals/not-a-guid")],
    ["unknown appId", graph("GET", "/beta/servicePrincipals(appId='00000000-0000-0000-0000-000000000000')")],
    ["unknown segment", graph("GET", `/beta/servicePrincipals/${SP.slack}/nope`)],
    ["unknown root", graph("GET", "/beta/nope")],
    ["unknown synchronization segment", graph("GET", `${sync}/nope`)],
    ["405", graph("PATCH", job)],
    ["405 on the collection", graph("POST", "/beta/servicePrincipals", { body: {} })],
    ["$expand", graph("GET", "/beta/servicePrincipals?$expand=owners")],
    ["$skip", graph("GET", "/beta/servicePrincipals?$skip=1")],
    ["unknown query option", graph("GET", "/beta/servicePrincipals?$apply=x")],
    ["$top out of range", graph("GET", "/beta/servicePrincipals?$top=1000")],
    ["$count value", graph("GET", "/beta/servicePrincipals?$count=maybe")],
    ["tampered $skiptoken", graph("GET", "/beta/servicePrincipals?$skiptoken=garbage")],
    ["$select unknown", graph("GET", "/beta/servicePrincipals?$select=nope")],
    ["$select on one", graph("GET", `/beta/servicePrincipals/${SP.slack}?$select=nope`)],
    ["query option on one", graph("GET", `/beta/servicePrincipals/${SP.slack}?$top=1`)],
    ["$search without header", graph("GET", `/beta/servicePrincipals?$search=${q('"displayName:x"')}`)],
    ["$search syntax", graph("GET", "/beta/servicePrincipals?$search=x", { headers: eventual })],
    ["$search property", graph("GET", `/beta/servicePrincipals?$search=${q('"appId:x"')}`, { headers: eventual })],
    ["$count segment without header", graph("GET", "/beta/servicePrincipals/$count")],
    ["$orderby without advanced", graph("GET", "/beta/servicePrincipals?$orderby=displayName")],
    ["$orderby property", graph("GET", "/beta/servicePrincipals?$orderby=appId&$count=true", { headers: eventual })],
    ["$filter property", graph("GET", `/beta/servicePrincipals?$filter=${q("createdDateTime ge 2020-01-01")}`)],
    ["$filter advanced", graph("GET", `/beta/servicePrincipals?$filter=${q("displayName ne 'x'")}`)],
    ["$filter collection", graph("GET", `/beta/servicePrincipals?$filter=${q("tags eq 'x'")}`)],
    ["$filter syntax", graph("GET", `/beta/servicePrincipals?$filter=${q("startswith(displayName,")}`)],
    ["$filter function", graph("GET", `/beta/servicePrincipals?$filter=${q("contains(displayName,'x')")}`)],
    ["$filter lambda", graph("GET", `/beta/servicePrincipals?$filter=${q("tags/all(t:t eq 'x')")}`)],
    ["$filter gt", graph("GET", `/beta/servicePrincipals?$filter=${q("displayName gt 'x'")}`)],
    ["bad percent-encoding", graph("GET", "/beta/servicePrincipals/%E0%A4%A")],
    ["invalid JSON", graph("POST", `${sync}/jobs`, { body: "{nope" })],
    ["non-JSON content type", graph("POST", `${sync}/jobs`, { body: "x", headers: { "Content-Type": "text/plain" } })],
    ["unknown job", graph("GET", `${sync}/jobs/nope`)],
    ["unknown template", graph("GET", `${sync}/templates/nope`)],
    ["create without templateId", graph("POST", `${sync}/jobs`, { body: {} })],
    ["create with a foreign templateId", graph("POST", `${sync}/jobs`, { body: { templateId: "nope" } })],
    ["restart scope", graph("POST", `${job}/restart`, { body: { criteria: { resetScope: "Everything" } } })],
    ["provisionOnDemand parameters", graph("POST", `${job}/provisionOnDemand`, { body: { parameters: [] } })],
    // On Box's job: Slack's has its own rate-limit case below.
    ["provisionOnDemand links over 5", graph("POST", `${boxJob}/provisionOnDemand`, { body: onDemandGroup(Array.from({ length: 6 }, (_, i) => `0000000${i}-0000-4000-8000-000000000000`)) })],
    ["provisionOnDemand link to a non-member", graph("POST", `${boxJob}/provisionOnDemand`, { body: onDemandGroup([USER.nestorWilke]) })],
    ["provisionOnDemand unreadable links", graph("POST", `${boxJob}/provisionOnDemand`, { body: { parameters: [{ ruleId: "r", subjects: [{ objectId: GROUP.finance, objectTypeName: "Group", links: { members: "all" } }] }] } })],
    ["validateCredentials for an unknown template", graph("POST", `${sync}/jobs/validateCredentials`, { body: { templateId: "nope" } })],
    ["validateCredentials with bad credentials", graph("POST", `${job}/validateCredentials`, { body: { credentials: [{ key: "SecretToken", value: "revoked" }] } })],
    ["schema body", graph("PUT", `${job}/schema`, { body: { bogus: 1 } })],
    ["secrets key", graph("PUT", `${sync}/secrets`, { body: { value: [{ key: "Bogus", value: "x" }] } })],
    ["secrets body", graph("PUT", `${sync}/secrets`, { body: {} })],
    ["acquireAccessToken body", graph("POST", `${sync}/acquireAccessToken`, { body: { credentials: "x" } })],
    [
      "bulkUpload content type",
      async () =>
        emu.call("POST", `/beta/servicePrincipals/${SP.inboundApi}/synchronization/jobs/${encodeURIComponent(JOB.inboundApi)}/bulkUpload`, {
          token: await emu.token("admin", { scopes: ["SynchronizationData-User.Upload"] }),
          body: {},
        }),
    ],
    [
      "bulkUpload on an outbound job",
      async () =>
        emu.call("POST", `${job}/bulkUpload`, {
          token: await emu.token("admin", { scopes: ["SynchronizationData-User.Upload"] }),
          body: {},
          headers: { "Content-Type": "application/scim+json" },
        }),
    ],
    [
      "provisionOnDemand rate limit",
      async () => {
        const body = { parameters: [{ ruleId: "r", subjects: [{ objectId: "o", objectTypeName: "User" }] }] };
        let last: CallResult | undefined;
        for (let i = 0; i < 6; i++) last = await emu.call("POST", `${job}/provisionOnDemand`, { body });
        return last!;
      },
    ],
    ["body over 1 MB", graph("POST", `${sync}/jobs`, { body: JSON.stringify({ templateId: "x".repeat(1_100_000) }) })],
    ["headers over 16 KB", graph("GET", "/beta/servicePrincipals", { headers: { "x-big": "x".repeat(20_000) } })],
    ["$batch body", graph("POST", "/beta/$batch", { body: { nope: true } })],
    ["$batch empty", graph("POST", "/beta/$batch", { body: { requests: [] } })],
    ["$batch over 20", graph("POST", "/beta/$batch", { body: { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: "GET", url: "/servicePrincipals" })) } })],
    ["$batch duplicate ids", graph("POST", "/beta/$batch", { body: { requests: [{ id: "a", method: "GET", url: "/x" }, { id: "A", method: "GET", url: "/x" }] } })],
    ["$batch unknown dependency", graph("POST", "/beta/$batch", { body: { requests: [{ id: "a", method: "GET", url: "/x", dependsOn: ["b"] }] } })],
    ["$batch cycle", graph("POST", "/beta/$batch", { body: { requests: [{ id: "a", method: "GET", url: "/x", dependsOn: ["b"] }, { id: "b", method: "GET", url: "/x", dependsOn: ["a"] }] } })],
    ["$batch item without id", graph("POST", "/beta/$batch", { body: { requests: [{ method: "GET", url: "/x" }] } })],
    ["$batch item without method", graph("POST", "/beta/$batch", { body: { requests: [{ id: "a", url: "/x" }] } })],
    [
      "$batch items",
      batchItems({
        body: {
          requests: [
            { id: "abs", method: "GET", url: "https://graph.microsoft.com/v1.0/servicePrincipals" },
            { id: "nested", method: "POST", url: "/$batch" },
            { id: "type", method: "POST", url: `/servicePrincipals/${SP.zoom}/synchronization/jobs`, body: { templateId: "zoom" } },
            { id: "fail", method: "GET", url: "/servicePrincipals/not-a-guid" },
            { id: "dep", method: "GET", url: "/servicePrincipals", dependsOn: ["fail"] },
            { id: "405", method: "PATCH", url: `/servicePrincipals/${SP.slack}` },
          ],
        },
      }),
    ],
    ["$batch method", graph("GET", "/beta/$batch")],
  ];
}

describe("no error text says 'emulator'", () => {
  it("in Graph answers, $batch items and every part of their envelope", async () => {
    for (const [label, run] of graphCases()) {
      const result = await run();
      expect(result.status, label).toBeGreaterThanOrEqual(400);
      expect(result.text, label).not.toMatch(/emulator/i);
    }
  });

  it("in injected faults (429, 500, 503, latency)", async () => {
    for (const status of [429, 500, 503]) {
      await emu.control("POST", "faults", { path: "/servicePrincipals", status, retryAfter: 1, count: 1 });
      const result = await emu.call("GET", "/beta/servicePrincipals");
      expect(result.status).toBe(status);
      expect(result.text).not.toMatch(/emulator/i);
    }
    await emu.control("DELETE", "faults");
  });

  it("in control-plane errors", async () => {
    for (const [method, name, body] of [
      ["GET", "nope", undefined],
      ["POST", "token", { persona: "root" }],
      ["POST", "faults", { status: 418 }],
      ["DELETE", "faults/nope", undefined],
    ] as const) {
      const result = await emu.control(method, name, body);
      expect(result.status, name).toBeGreaterThanOrEqual(400);
      expect(result.text, name).not.toMatch(/emulator/i);
    }
    // The access policy's refusals (http/access.ts) and the control content type (415).
    for (const [label, init] of [
      ["foreign origin", { headers: { Origin: "https://evil.example" } }],
      ["text/plain control POST", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "{}" }],
    ] as const) {
      const response = await fetch(`${emu.url}/_emulator/reset`, init as RequestInit);
      expect(response.status, label).toBeGreaterThanOrEqual(400);
      expect(await response.text(), label).not.toMatch(/emulator/i);
    }
    expect((await emu.control("POST", "faults", { path: "^/x$", status: 500 })).text).not.toMatch(/emulator/i);
  });

  it("in the identity provider's token errors and error-page messages", async () => {
    for (const form of [
      { grant_type: "authorization_code", client_id: "c0ffee00-0000-4000-8000-000000000001", code: "nope", redirect_uri: "http://127.0.0.1:3000/auth/bridge", code_verifier: "v" },
      refreshRedemption("nope", "openid"),
      { grant_type: "password" },
    ]) {
      const response = await postToken(idp, form);
      expect(response.status).toBe(400);
      expect(await response.text()).not.toMatch(/emulator/i);
    }
    for (const request of [authorizeRequest(idp, { redirectUri: "https://evil.example/auth/bridge" }), authorizeRequest(idp, { clientId: "11111111-2222-3333-4444-555555555555" }), authorizeRequest(idp, { tenantSegment: "other.example" })]) {
      const response = await fetch(request.url, { redirect: "manual" });
      expect(response.status).toBe(400);
      // The page's chrome names the embedded sign-in; the error it reports (the alert) must be Entra's text.
      const alert = /<div class="error" role="alert">([\s\S]*?)<\/div>/.exec(await response.text());
      expect(alert, request.url).not.toBeNull();
      expect(alert![1]).not.toMatch(/emulator/i);
    }
  });
});
