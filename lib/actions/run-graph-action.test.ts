import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GraphError } from "@/lib/graph/graph-error";
import { ActionFailure, graphToken, inputProblem, toActionError } from "./run-graph-action";

const TOKEN = "eyJhbGciOi.payload.signature";

describe("toActionError", () => {
  it("keeps Graph's error info and marks network and 5xx failures of a change as ambiguous", () => {
    const server = new GraphError({ kind: "server", status: 503, code: "ServiceUnavailable", message: "", requestId: "r-1" });
    expect(toActionError(server, TOKEN, true)).toEqual({ kind: "server", status: 503, code: "ServiceUnavailable", message: "", requestId: "r-1", ambiguous: true });
    expect(toActionError(server, TOKEN, false).ambiguous).toBeUndefined();
    const network = new GraphError({ kind: "network", status: 0, code: "NetworkError", message: "unreachable" });
    expect(toActionError(network, TOKEN, true).ambiguous).toBe(true);
    for (const kind of ["bad-request", "forbidden", "throttled", "unauthenticated", "missing-sync-permission", "not-found"] as const) {
      expect(toActionError(new GraphError({ kind, status: 400, code: "X", message: "" }), TOKEN, true).ambiguous).toBeUndefined();
    }
  });

  it("redacts the token from any message", () => {
    const error = new TypeError(`Headers.append: "Bearer ${TOKEN}" is an invalid header value.`);
    const info = toActionError(error, TOKEN, true);
    expect(info).toMatchObject({ kind: "unexpected", code: "TypeError" });
    expect(info.message).not.toContain(TOKEN);
    expect(info.message).toContain("[token]");
    expect(toActionError(new GraphError({ kind: "bad-request", status: 400, code: "X", message: `bad ${TOKEN}` }), TOKEN, true).message).toBe("bad [token]");
  });

  it("passes an ActionFailure's error through", () => {
    const failure = new ActionFailure({ kind: "unexpected", status: 201, code: "UnusableCreateResponse", message: "no body", ambiguous: true });
    expect(toActionError(failure, TOKEN, true)).toEqual(failure.error);
  });

  it("names configuration errors", () => {
    const error = Object.assign(new Error("GRAPH_API_VERSION: must be beta"), { name: "ConfigError" });
    expect(toActionError(error, TOKEN, true).code).toBe("ServerConfiguration");
  });
});

describe("graphToken and inputProblem", () => {
  it("accepts JWTs and opaque tokens", () => {
    expect(graphToken.safeParse(TOKEN).success).toBe(true);
    expect(graphToken.safeParse("EwBwA8l6BAAU+opaque/token==").success).toBe(true);
  });

  it("names the field and never quotes the value", () => {
    const schema = z.strictObject({ templateId: z.string().min(1, "The template id is empty.") });
    const empty = schema.safeParse({ templateId: "" });
    expect(empty.success).toBe(false);
    if (!empty.success) expect(inputProblem(empty.error)).toEqual({ kind: "invalid-input", status: 0, code: "InvalidInput", field: "templateId", message: "The template id is empty." });
    const typed = schema.safeParse({ templateId: 5 });
    if (!typed.success) expect(inputProblem(typed.error)).toMatchObject({ field: "templateId", message: "The template id must be a string." });
    const extra = schema.safeParse({ templateId: "x", a: 1, b: 2 });
    if (!extra.success) expect(inputProblem(extra.error)).toMatchObject({ field: "input", message: 'Unexpected fields: "a", "b".' });
    const notObject = schema.safeParse("x");
    if (!notObject.success) expect(inputProblem(notObject.error)).toMatchObject({ field: "input", message: "The input must be an object." });
  });
});
