import { describe, expect, it } from "vitest";
import { GraphError, isAbortError, retryAllowedAt, toErrorInfo } from "./graph-error";

describe("retryAllowedAt", () => {
  it("waits what Graph asked, 5 s when it throttled without saying, and not at all otherwise", () => {
    expect(retryAllowedAt({ kind: "server", retryAfterSeconds: 7 }, 1_000)).toBe(8_000);
    expect(retryAllowedAt({ kind: "throttled" }, 1_000)).toBe(6_000);
    expect(retryAllowedAt({ kind: "server" }, 1_000)).toBeNull();
  });
});

describe("toErrorInfo and isAbortError", () => {
  it("keeps a GraphError's info and names anything else unexpected", () => {
    const info = { kind: "not-found", status: 404, code: "Request_ResourceNotFound", message: "gone" } as const;
    expect(toErrorInfo(new GraphError(info))).toBe(info);
    expect(toErrorInfo(new TypeError("boom"))).toEqual({ kind: "unexpected", status: 0, code: "TypeError", message: "boom" });
  });

  it("tells an abort from a failure", () => {
    expect(isAbortError(new DOMException("aborted", "AbortError"))).toBe(true);
    expect(isAbortError(new DOMException("late", "TimeoutError"))).toBe(false);
  });
});
