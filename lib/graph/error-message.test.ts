import { describe, expect, it } from "vitest";
import { describeGraphError } from "./error-message";
import type { GraphErrorInfo } from "./graph-error";

const error = (info: Partial<GraphErrorInfo>): GraphErrorInfo => ({ kind: "unexpected", status: 0, code: "X", message: "", ...info });

describe("describeGraphError", () => {
  it("names the missing permission for Graph's 401 UnknownError on /synchronization", () => {
    const problem = describeGraphError(error({ kind: "missing-sync-permission", status: 401, code: "UnknownError" }), "load the jobs");
    expect(problem.title).toBe("Could not load the jobs: missing Synchronization permission");
    expect(problem.advice).toMatch(/Synchronization\.ReadWrite\.All/);
    expect(problem.retryable).toBe(false);
  });

  it("tells how long Graph asked to wait when throttled", () => {
    expect(describeGraphError(error({ kind: "throttled", status: 429, retryAfterSeconds: 7 }), "search").advice).toMatch(/7 seconds/);
  });

  it("offers retry only where it can help", () => {
    expect(describeGraphError(error({ kind: "server", status: 503 }), "x").retryable).toBe(true);
    expect(describeGraphError(error({ kind: "network" }), "x").retryable).toBe(true);
    expect(describeGraphError(error({ kind: "not-found", status: 404 }), "x").retryable).toBe(false);
    expect(describeGraphError(error({ kind: "forbidden", status: 403 }), "x").retryable).toBe(false);
  });

  it("passes Graph's own message through for bad requests", () => {
    expect(describeGraphError(error({ kind: "bad-request", status: 400, message: "Invalid templateId" }), "create the job").advice).toBe("Invalid templateId");
  });
});
