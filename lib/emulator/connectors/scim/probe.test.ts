import { afterEach, describe, expect, it } from "vitest";
import { listResponse, scimError, startScimStub, type ScimStub, type StubAnswer } from "@/test/support/scim-stub";
import { SCIM_DEMO_CREDENTIALS } from "../../targets/app-profiles";
import { endpointRefusal, scimEndpoint, type ScimEndpoint } from "./endpoint";
import { testConnection } from "./probe";
import { VALIDATION_FAILURE, VALIDATION_UNAVAILABLE } from "./codes";

/** Test connection against endpoints that answer well and badly (a stub over real HTTP). */

const TOKEN = "probe-secret-token-value";
let stub: ScimStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function endpointAnswering(answer: StubAnswer): Promise<ScimEndpoint> {
  stub = await startScimStub(() => answer);
  return scimEndpoint("scim", [
    { key: "BaseAddress", value: `${stub.url}/` },
    { key: "SecretToken", value: TOKEN },
  ])!;
}

describe("which jobs call an endpoint", () => {
  it("the custom SCIM template with an http(s) URL other than the embedded demo target's", () => {
    const secrets = (url: string) => [{ key: "BaseAddress", value: url }];
    expect(scimEndpoint("scim", secrets("http://127.0.0.1:4020/scim/v2/"))?.base.href).toBe("http://127.0.0.1:4020/scim/v2");
    expect(scimEndpoint("customappsso", secrets("https://scim.contoso.example/v2"))).not.toBeNull();
    expect(scimEndpoint("scim", secrets(SCIM_DEMO_CREDENTIALS.BaseAddress))).toBeNull();
    expect(scimEndpoint("dataBricks", secrets("http://127.0.0.1:4020/scim/v2"))).toBeNull();
    expect(scimEndpoint("scim", secrets("ftp://127.0.0.1/scim"))).toBeNull();
  });

  it("refuses http to another machine and URLs with credentials in them, before any call", () => {
    const refusal = (url: string) => endpointRefusal(scimEndpoint("scim", [{ key: "BaseAddress", value: url }])!);
    expect(refusal("http://scim.contoso.example/v2")?.message).toMatch(/only https:\/\/ addresses, or http:\/\/ to 127\.0\.0\.1, localhost or \[::1\]/);
    expect(refusal("https://user:pw@scim.contoso.example/v2")?.message).toMatch(/must not contain a user name or password/);
    for (const url of ["http://127.0.0.1:1/x", "http://localhost:1/x", "http://[::1]:1/x", "https://scim.contoso.example/v2"]) expect(refusal(url)).toBeNull();
  });
});

describe("Test connection", () => {
  it("passes on 200 with an empty ListResponse to a query for a random user, sent with the Bearer token", async () => {
    const endpoint = await endpointAnswering({ status: 200, body: listResponse() });
    expect(await testConnection(endpoint)).toBeNull();
    const [request] = stub!.requests;
    expect(request.method).toBe("GET");
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const url = new URL(request.url, "http://x");
    expect(url.pathname).toBe("/scim/v2/Users");
    expect(url.searchParams.get("filter")).toMatch(/^userName eq "[0-9a-f-]{36}"$/);
  });

  it("queries the user mapping's matching attribute", async () => {
    const endpoint = await endpointAnswering({ status: 200, body: listResponse() });
    await testConnection(endpoint, "externalId");
    expect(new URL(stub!.requests[0].url, "http://x").searchParams.get("filter")).toMatch(/^externalId eq "/);
  });

  it("401 fails as a credential validation failure with the endpoint's SCIM error, never the token", async () => {
    const endpoint = await endpointAnswering({ status: 401, body: scimError(401, "The bearer token is not valid.") });
    const error = await testConnection(endpoint);
    expect(error?.code).toBe(VALIDATION_FAILURE);
    expect(error?.message).toMatch(/^While attempting to validate our authorization to access your application, we received this unexpected response: Received response from Web resource\. Resource: http:\/\/127\.0\.0\.1:\d+\/scim\/v2\/Users\?filter=userName\+eq\+"[0-9a-f-]{36}" Operation: GET Response Status Code: Unauthorized/);
    expect(error?.message).toContain("The bearer token is not valid.");
    expect(error?.message).not.toContain(TOKEN);
  });

  it("403 fails the same way (Forbidden)", async () => {
    const error = await testConnection(await endpointAnswering({ status: 403, body: scimError(403, "Forbidden here") }));
    expect(error?.code).toBe(VALIDATION_FAILURE);
    expect(error?.message).toContain("Response Status Code: Forbidden");
  });

  it("404 to the empty filter (a non-compliant endpoint) is an unexpected response", async () => {
    const error = await testConnection(await endpointAnswering({ status: 404, body: scimError(404, "No such user") }));
    expect(error?.code).toBe(VALIDATION_UNAVAILABLE);
    expect(error?.message).toMatch(/^We received this unexpected response from your application: Received response from Web resource\..*Response Status Code: NotFound/);
  });

  it("an HTML page is not SCIM JSON, whatever its status", async () => {
    const error = await testConnection(await endpointAnswering({ status: 200, headers: { "Content-Type": "text/html" }, body: "<html>Sign in</html>" }));
    expect(error?.code).toBe(VALIDATION_UNAVAILABLE);
    expect(error?.message).toContain("with 'text/html', not SCIM JSON");
  });

  it("a 200 that is not a ListResponse fails", async () => {
    const error = await testConnection(await endpointAnswering({ status: 200, body: { id: "x" } }));
    expect(error?.code).toBe(VALIDATION_UNAVAILABLE);
  });

  it("a redirect is not followed", async () => {
    const endpoint = await endpointAnswering({ status: 302, headers: { Location: "http://127.0.0.1:9/elsewhere" } });
    const error = await testConnection(endpoint);
    expect(error?.message).toContain("redirects are not followed");
    expect(stub!.requests).toHaveLength(1);
  });

  it("an answer over the size limit is not read", async () => {
    const endpoint = await endpointAnswering({ status: 200, body: listResponse([{ id: "x", padding: "x".repeat(4096) }]) });
    const error = await testConnection(endpoint, "userName", { maxResponseBytes: 1024 });
    expect(error?.message).toContain("The answer is larger than 1024 bytes.");
  });

  it("an endpoint that does not answer in time, or cannot be reached, fails with Entra's 'not able to connect' text", async () => {
    stub = await startScimStub(() => new Promise<StubAnswer>(() => undefined));
    const slow = scimEndpoint("scim", [{ key: "BaseAddress", value: stub.url }])!;
    const timedOut = await testConnection(slow, "userName", { timeoutMs: 200 });
    expect(timedOut).toEqual({ code: VALIDATION_UNAVAILABLE, message: expect.stringMatching(/^We are not able to connect to your application/), tenantActionable: true });
    const closed = scimEndpoint("scim", [{ key: "BaseAddress", value: "http://127.0.0.1:9/scim" }])!;
    expect((await testConnection(closed))?.message).toMatch(/^We are not able to connect to your application/);
  });

  it("a tenant URL without a path is called at /Users, not //Users", async () => {
    stub = await startScimStub(() => ({ status: 200, body: listResponse() }));
    const origin = new URL(stub.url).origin;
    expect(await testConnection(scimEndpoint("scim", [{ key: "BaseAddress", value: `${origin}/` }])!)).toBeNull();
    expect(new URL(stub.requests[0].url, "http://x").pathname).toBe("/Users");
  });

  it("an answer that stalls halfway through its body times out as no answer", async () => {
    const endpoint = await endpointAnswering({ status: 200, body: listResponse([{ id: "x", padding: "y".repeat(100) }]), stall: true });
    expect((await testConnection(endpoint, "userName", { timeoutMs: 300 }))?.message).toMatch(/^We are not able to connect to your application/);
  });

  it("a token the endpoint echoes back is not repeated in the error", async () => {
    stub = await startScimStub((request) => ({ status: 401, body: scimError(401, `Token ${request.headers.authorization} is revoked`) }));
    const error = await testConnection(scimEndpoint("scim", [{ key: "BaseAddress", value: stub.url }, { key: "SecretToken", value: TOKEN }])!);
    expect(error?.message).toContain("Token Bearer ***** is revoked");
    expect(error?.message).not.toContain(TOKEN);
  });

  it("a token that cannot be sent in a header is reported as such, not as an unreachable endpoint", async () => {
    stub = await startScimStub(() => ({ status: 200, body: listResponse() }));
    const error = await testConnection(scimEndpoint("scim", [{ key: "BaseAddress", value: stub.url }, { key: "SecretToken", value: "line\nbreak" }])!);
    expect(error).toMatchObject({ code: VALIDATION_FAILURE, message: "The secret token has characters that cannot be sent in an HTTP header." });
    expect(stub.requests).toEqual([]);
  });

  it("Retry-After is honoured (seconds or an HTTP date) and capped", async () => {
    let calls = 0;
    stub = await startScimStub(() => (++calls === 1 ? { status: 429, headers: { "Retry-After": "1" } } : { status: 200, body: listResponse() }));
    const endpoint = scimEndpoint("scim", [{ key: "BaseAddress", value: stub.url }])!;
    let began = performance.now();
    expect(await testConnection(endpoint)).toBeNull();
    expect(performance.now() - began).toBeGreaterThanOrEqual(900);
    calls = 0;
    await stub.close();
    stub = await startScimStub(() => (++calls === 1 ? { status: 429, headers: { "Retry-After": new Date(Date.now() + 3_600_000).toUTCString() } } : { status: 200, body: listResponse() }));
    began = performance.now();
    expect(await testConnection(scimEndpoint("scim", [{ key: "BaseAddress", value: stub.url }])!, "userName", { maxRetryDelayMs: 50 })).toBeNull();
    expect(calls).toBe(2);
    expect(performance.now() - began).toBeLessThan(3_000);
  });

  it("429 is retried, honouring Retry-After; 500 is not", async () => {
    let calls = 0;
    stub = await startScimStub(() => (++calls === 1 ? { status: 429, headers: { "Retry-After": "0" }, body: scimError(429, "slow down") } : { status: 200, body: listResponse() }));
    expect(await testConnection(scimEndpoint("scim", [{ key: "BaseAddress", value: stub.url }])!)).toBeNull();
    expect(calls).toBe(2);
    await stub.close();
    calls = 0;
    stub = await startScimStub(() => (++calls, { status: 500, body: scimError(500, "boom") }));
    expect((await testConnection(scimEndpoint("scim", [{ key: "BaseAddress", value: stub.url }])!))?.message).toContain("InternalServerError");
    expect(calls).toBe(1);
  });
});
