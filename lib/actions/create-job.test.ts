import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { type TestEmulator } from "@/lib/emulator/testing";
import { createJob } from "./create-job";
import { MAX_TOKEN_LENGTH } from "./run-graph-action";
import { withActionEmulator } from "@/lib/actions/test-env";

let emulator: TestEmulator;
let admin: string;

interface Logged {
  method: string;
  path: string;
  status: number;
}

async function graphRequests(): Promise<Logged[]> {
  return (await emulator.control("GET", "requests")).body.value;
}

async function jobsOf(spId: string): Promise<SynchronizationJob[]> {
  return (await emulator.call("GET", `/beta/servicePrincipals/${spId}/synchronization/jobs`)).body.value;
}

withActionEmulator((running) => (emulator = running));
beforeAll(async () => {
  admin = await emulator.token("admin");
});

describe("createJob refuses bad input before anything reaches Graph", () => {
  const GUID = SP.zoom;
  const good = { servicePrincipalId: GUID, templateId: "zoom" };

  const badTokens: [string, unknown][] = [
    ["undefined", undefined],
    ["null", null],
    ["empty", ""],
    ["a space", " "],
    ["a tab", "\t"],
    ["a line break", "\n"],
    ["an inner space", "abc def"],
    ["a Bearer prefix", "Bearer abc.def.ghi"],
    ["a trailing CRLF", "abc.def\r\n"],
    ["a header injection", "abc\r\nX-Evil: 1"],
    ["a NUL", "abc\u0000def"],
    ["non-ASCII", "tökén"],
    ["an emoji", "abc🔑"],
    ["one character too long", "x".repeat(MAX_TOKEN_LENGTH + 1)],
    ["a megabyte", "x".repeat(1_000_000)],
    ["a number", 42],
    ["an object", { token: "abc" }],
    ["an array", ["abc"]],
    ["a boolean", true],
  ];
  it.each(badTokens)("token: %s", async (_name, token) => {
    const result = await createJob(token as string, good);
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid-input", field: "token", status: 0, code: "InvalidInput" } });
    if (!result.ok) expect(result.error.message).toMatch(/token/i);
  });

  const badSpIds: [string, unknown][] = [
    ["empty", ""],
    ["a name", "zoom"],
    ["a short GUID", GUID.slice(0, -1)],
    ["a long GUID", `${GUID}0`],
    ["a GUID without dashes", GUID.replace(/-/g, "")],
    ["a braced GUID", `{${GUID}}`],
    ["dot segments after", `${GUID}/../x`],
    ["dot segments before", `../${GUID}`],
    ["an encoded slash", `${GUID}%2Fjobs`],
    ["a query", `${GUID}?$top=1`],
    ["a fragment", `${GUID}#x`],
    ["whitespace", ` ${GUID} `],
    ["a NUL", `${GUID}\u0000`],
    ["Arabic-Indic digits", "٣c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d08"],
    ["an appId alternate key", `(appId='${GUID}')`],
    ["a number", 42],
    ["null", null],
    ["undefined", undefined],
    ["an array", [GUID]],
  ];
  it.each(badSpIds)("servicePrincipalId: %s", async (_name, servicePrincipalId) => {
    const result = await createJob(admin, { ...good, servicePrincipalId } as never);
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid-input", field: "servicePrincipalId" } });
  });

  const badTemplateIds: [string, unknown][] = [
    ["empty", ""],
    ["a space", " "],
    ["..", ".."],
    [".", "."],
    ["a dot segment path", "../x"],
    ["a slash", "a/b"],
    ["a backslash", "a\\b"],
    ["an encoded slash", "a%2Fb"],
    ["an encoded dot segment", "%2e%2e"],
    ["a double dot inside", "a..b"],
    ["a leading dot", ".hidden"],
    ["a query", "a?b"],
    ["a fragment", "a#b"],
    ["a NUL", "a\u0000b"],
    ["a line break", "zoom\n"],
    ["Cyrillic look-alikes", "Вох"],
    ["an emoji", "zoom🙂"],
    ["HTML", "<script>"],
    ["an inner space", "a b"],
    ["a template path escape", "zoom/../../jobs"],
    ["101 characters", "t".repeat(101)],
    ["a number", 7],
    ["null", null],
    ["undefined", undefined],
    ["an object", { id: "zoom" }],
    ["an array", ["zoom"]],
    ["a boolean", false],
  ];
  it.each(badTemplateIds)("templateId: %s", async (_name, templateId) => {
    const result = await createJob(admin, { ...good, templateId } as never);
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid-input", field: "templateId" } });
  });

  const badShapes: [string, unknown][] = [
    ["null", null],
    ["undefined", undefined],
    ["a string", "zoom"],
    ["a number", 1],
    ["an array", [SP.zoom, "zoom"]],
    ["an extra field", { ...good, baseUrl: "http://evil.example" }],
    ["an own __proto__ key", JSON.parse(`{"servicePrincipalId":"${GUID}","templateId":"zoom","__proto__":{"x":1}}`)],
    ["only the SP id", { servicePrincipalId: GUID }],
    ["an empty object", {}],
  ];
  it.each(badShapes)("input: %s", async (_name, input) => {
    const result = await createJob(admin, input as never);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe("invalid-input");
      expect(result.error.message).not.toBe("");
    }
  });

  it("counts at least 50 refused inputs, and none of them reached the emulator", async () => {
    expect(badTokens.length + badSpIds.length + badTemplateIds.length + badShapes.length).toBeGreaterThanOrEqual(50);
    for (const [, token] of badTokens) await createJob(token as string, good);
    for (const [, servicePrincipalId] of badSpIds) await createJob(admin, { ...good, servicePrincipalId } as never);
    for (const [, templateId] of badTemplateIds) await createJob(admin, { ...good, templateId } as never);
    for (const [, input] of badShapes) await createJob(admin, input as never);
    expect(await graphRequests()).toEqual([]);
  });

  it("never echoes the refused token", async () => {
    const secret = "eyJ0eXAi.secret part.xyz";
    const result = await createJob(secret, good);
    expect(JSON.stringify(result)).not.toContain("secret part");
  });

  it("names an unexpected field without trusting its length", async () => {
    const result = await createJob(admin, { ...good, ["k".repeat(500)]: 1 } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ kind: "invalid-input", field: "input" });
      expect(result.error.message.length).toBeLessThan(100);
    }
  });
});

describe("createJob against the emulator", () => {
  it("creates a disabled, not configured job and returns Graph's 201 body", async () => {
    const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.id).toMatch(/^zoom\.[0-9a-f]{32}$/);
    expect(result.data.templateId).toBe("zoom");
    expect(result.data.schedule).toMatchObject({ state: "Disabled", interval: "P10675199DT2H48M5.4775807S" });
    expect(result.data.status?.code).toBe("NotConfigured");
    const posts = (await graphRequests()).filter((r) => r.method === "POST");
    expect(posts).toEqual([expect.objectContaining({ path: `/beta/servicePrincipals/${SP.zoom}/synchronization/jobs`, status: 201 })]);
    expect((await jobsOf(SP.zoom)).map((job) => job.id)).toEqual([result.data.id]);
  });

  it("accepts 200 as well (the docs example's status)", async () => {
    await emulator.control("POST", "settings", { createJobStatus: 200 });
    try {
      const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.data.schedule?.state).toBe("Disabled");
      expect((await graphRequests()).filter((r) => r.method === "POST").map((r) => r.status)).toEqual([200]);
    } finally {
      await emulator.control("POST", "settings", { createJobStatus: 201 });
    }
  });

  it("works on v1.0 too (the version comes from configuration)", async () => {
    vi.stubEnv("GRAPH_API_VERSION", "v1.0");
    try {
      const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
      expect(result.ok).toBe(true);
      expect((await graphRequests())[0].path).toBe(`/v1.0/servicePrincipals/${SP.zoom}/synchronization/jobs`);
    } finally {
      vi.stubEnv("GRAPH_API_VERSION", "beta");
    }
  });

  it("maps a template the SP does not have to a 400 with Graph's code and request-id", async () => {
    const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "BoxOutDelta" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: "bad-request", status: 400 });
    expect(result.error.code).toBeTruthy();
    expect(result.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.error.message).toMatch(/BoxOutDelta/);
    expect(result.error.ambiguous).toBeUndefined();
    expect(await jobsOf(SP.zoom)).toEqual([]);
  });

  it("maps the read-only admin to 403", async () => {
    const result = await createJob(await emulator.token("reader"), { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "forbidden", status: 403, code: "Authorization_RequestDenied" } });
  });

  it("maps a user without Synchronization scopes (401 UnknownError) to missing-sync-permission", async () => {
    const result = await createJob(await emulator.token("nosync"), { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "missing-sync-permission", status: 401, code: "UnknownError" } });
  });

  it("maps an expired token to unauthenticated (InvalidAuthenticationToken), not processed", async () => {
    const expired = await emulator.token("admin", { lifetimeSeconds: -120 });
    const result = await createJob(expired, { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "unauthenticated", status: 401, code: "InvalidAuthenticationToken" } });
    if (!result.ok) expect(result.error.ambiguous).toBeUndefined();
    expect(await jobsOf(SP.zoom)).toEqual([]);
  });

  it("maps a service principal that does not exist to 404", async () => {
    const result = await createJob(admin, { servicePrincipalId: "00000000-0000-4000-8000-000000000001", templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "not-found", status: 404 } });
  });

  it("returns 429 with its Retry-After, not ambiguous, and sends the POST once", async () => {
    await emulator.control("POST", "faults", { method: "POST", path: "**/synchronization/jobs", status: 429, retryAfter: 7, count: 1 });
    const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "throttled", status: 429, retryAfterSeconds: 7 } });
    if (!result.ok) expect(result.error.ambiguous).toBeUndefined();
    expect((await graphRequests()).filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("marks a 503 as an ambiguous server error and never retries the POST", async () => {
    await emulator.control("POST", "faults", { method: "POST", path: "**/synchronization/jobs", status: 503, retryAfter: 1, count: 1 });
    const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "server", status: 503, ambiguous: true } });
    if (!result.ok) expect(result.error.requestId).toBeTruthy();
    expect((await graphRequests()).filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("marks a connection reset as an ambiguous network error", async () => {
    await emulator.control("POST", "faults", { method: "POST", path: "**/synchronization/jobs", reset: true, count: 1 });
    const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
    expect(result).toMatchObject({ ok: false, error: { kind: "network", status: 0, code: "NetworkError", ambiguous: true } });
    expect((await graphRequests()).filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("creates a second job from a template that already has one (the form asks first, the action does not)", async () => {
    const result = await createJob(admin, { servicePrincipalId: SP.box, templateId: "BoxOutDelta" });
    expect(result.ok).toBe(true);
    expect((await jobsOf(SP.box)).map((job) => job.id)).toEqual(expect.arrayContaining([JOB.boxPaused, result.ok ? result.data.id : ""]));
  });

  it("returns a configuration error without calling Graph, and logs no token", async () => {
    vi.stubEnv("GRAPH_API_VERSION", "v2");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const result = await createJob(admin, { servicePrincipalId: SP.zoom, templateId: "zoom" });
      expect(result).toMatchObject({ ok: false, error: { kind: "unexpected", code: "ServerConfiguration" } });
      expect(log).toHaveBeenCalledTimes(1);
      expect(JSON.stringify(log.mock.calls)).not.toContain(admin);
      expect(await graphRequests()).toEqual([]);
    } finally {
      log.mockRestore();
      vi.stubEnv("GRAPH_API_VERSION", "beta");
    }
  });
});
