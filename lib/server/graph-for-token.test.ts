import { describe, expect, it, vi } from "vitest";
import { GraphError } from "@/lib/graph/graph-error";
import { ActionFailure, callerError, checkToken } from "./graph-for-token";

const TOKEN = "eyJhbGciOi.payload.signature";

describe("callerError", () => {
  it("keeps Graph's error info and marks network and 5xx failures of a change as ambiguous", () => {
    const server = new GraphError({ kind: "server", status: 503, code: "ServiceUnavailable", message: "", requestId: "r-1" });
    expect(callerError(server, TOKEN, { operation: "test", mutates: true })).toEqual({ kind: "server", status: 503, code: "ServiceUnavailable", message: "", requestId: "r-1", ambiguous: true });
    expect(callerError(server, TOKEN, { operation: "test", mutates: false }).ambiguous).toBeUndefined();
    const network = new GraphError({ kind: "network", status: 0, code: "NetworkError", message: "unreachable" });
    expect(callerError(network, TOKEN, { operation: "test", mutates: true }).ambiguous).toBe(true);
    for (const kind of ["bad-request", "forbidden", "throttled", "unauthenticated", "missing-sync-permission", "not-found"] as const) {
      expect(callerError(new GraphError({ kind, status: 400, code: "X", message: "" }), TOKEN, { operation: "test", mutates: true }).ambiguous).toBeUndefined();
    }
  });

  it("tells the caller generic words and a reference for a fault of ours; the log gets the redacted detail under that reference", () => {
    const error = new TypeError(`Headers.append: "Bearer ${TOKEN}" is an invalid header value.`);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const info = callerError(error, TOKEN, { operation: "test", mutates: true });
    const logged = String(log.mock.calls[0]?.[0]);
    log.mockRestore();
    expect(info).toMatchObject({ kind: "unexpected", code: "InternalServerError" });
    expect(info.message).not.toMatch(/TypeError|Headers|Bearer|\[token\]/);
    expect(info.message).not.toContain(TOKEN);
    const reference = /reference ([0-9a-f]{8})/.exec(info.message)?.[1];
    expect(reference).toBeTruthy();
    expect(logged).toContain(`[test] TypeError (reference ${reference}): Headers.append: "Bearer [token]"`);
    expect(logged).not.toContain(TOKEN);
    expect(callerError(new GraphError({ kind: "bad-request", status: 400, code: "X", message: `bad ${TOKEN}` }), TOKEN, { operation: "test", mutates: true }).message).toBe("bad [token]");
  });

  it("does not quote what a parser quoted (an upstream body) to the caller", () => {
    let parseError: unknown;
    try {
      JSON.parse("<html>upstream secret page</html>");
    } catch (error) {
      parseError = error;
    }
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const info = callerError(parseError, TOKEN, { operation: "test", mutates: false });
    expect(String(log.mock.calls[0]?.[0])).toContain("SyntaxError");
    log.mockRestore();
    expect(info.message).not.toContain("upstream");
    expect(info.message).not.toContain("JSON");
  });

  it("redacts the admin credentials the work carried, in what it logs and returns", () => {
    const secret = "s3cr3t-token-value";
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const options = { operation: "test", mutates: true, secrets: [secret, "ab"] };
    callerError(new Error(`could not send ${secret} to ab.example`), TOKEN, options);
    expect(String(log.mock.calls[0][0])).toContain("could not send [redacted] to ab.example");
    log.mockRestore();
    expect(callerError(new GraphError({ kind: "bad-request", status: 400, code: "X", message: `token ${secret} refused` }), TOKEN, options).message).toBe("token [redacted] refused");
    expect(callerError(new ActionFailure({ kind: "unexpected", status: 0, code: "X", message: secret }), TOKEN, options).message).toBe("[redacted]");
  });

  it("passes an ActionFailure's error through", () => {
    const failure = new ActionFailure({ kind: "unexpected", status: 201, code: "UnusableCreateResponse", message: "no body", ambiguous: true });
    expect(callerError(failure, TOKEN, { operation: "test", mutates: true })).toEqual(failure.error);
  });

  it("names configuration errors to the caller and the setting only in the log", () => {
    const error = Object.assign(new Error("GRAPH_API_VERSION: must be beta"), { name: "ConfigError" });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const info = callerError(error, TOKEN, { operation: "test", mutates: true });
    expect(String(log.mock.calls[0]?.[0])).toContain("GRAPH_API_VERSION: must be beta");
    log.mockRestore();
    expect(info.code).toBe("ServerConfiguration");
    expect(info.message).toContain("not configured correctly");
    expect(info.message).not.toContain("GRAPH_API_VERSION");
  });
});

describe("checkToken", () => {
  it("accepts JWTs and opaque tokens", () => {
    expect(checkToken(TOKEN).ok).toBe(true);
    expect(checkToken("EwBwA8l6BAAU+opaque/token==").ok).toBe(true);
  });

  it("refuses what no token looks like, naming the token field", () => {
    for (const bad of ["", " ", "Bearer abc", "a\nb", 5, null]) expect(checkToken(bad)).toMatchObject({ ok: false, error: { kind: "invalid-input", field: "token" } });
  });
});
