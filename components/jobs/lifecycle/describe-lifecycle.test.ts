import { describe, expect, it } from "vitest";
import type { ActionError } from "@/lib/actions/action-result";
import { describeLifecycleError, successText } from "./describe-lifecycle";

const JOB = "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01";
const err = (error: Partial<ActionError>): ActionError => ({ kind: "unexpected", status: 0, code: "X", message: "", ...error });

describe("lifecycle results in words", () => {
  it("says a restart's scope, and that a delete leaves the accounts as they are", () => {
    expect(successText({ kind: "restart", resetScope: [] }, JOB)).toContain("Restart provisioning");
    expect(successText({ kind: "restart", resetScope: ["Watermark", "Full"] }, JOB)).toContain("reset scope: Full");
    expect(successText({ kind: "delete" }, JOB)).toMatch(/accounts it provisioned were left as they are/);
    expect(successText({ kind: "start" }, JOB)).toContain(JOB);
  });

  it("says the state is uncertain after a 5xx or a lost connection, and that the status will refresh", () => {
    for (const kind of ["server", "network"] as const) {
      const problem = describeLifecycleError(err({ kind, status: kind === "server" ? 503 : 0, ambiguous: true }), { kind: "pause" }, JOB);
      expect(problem.title).toMatch(/uncertain/);
      expect(problem.advice).toMatch(/may or may not have been paused/);
      expect(problem.advice).toMatch(/status will refresh/);
    }
  });

  it("shows the wait Graph asked for on 429", () => {
    const problem = describeLifecycleError(err({ kind: "throttled", status: 429, retryAfterSeconds: 7 }), { kind: "start" }, JOB);
    expect(problem.advice).toContain("wait 7 seconds");
    expect(describeLifecycleError(err({ kind: "throttled", status: 429, retryAfterSeconds: 1 }), { kind: "start" }, JOB).advice).toContain("wait 1 second.");
  });

  it("names the missing permission for 403 and for Graph's 401 UnknownError", () => {
    for (const kind of ["forbidden", "missing-sync-permission"] as const) {
      expect(describeLifecycleError(err({ kind }), { kind: "delete" }, JOB).title).toContain("Synchronization.ReadWrite.All");
    }
  });

  it("covers the other kinds with a title naming the change", () => {
    for (const kind of ["invalid-input", "unauthenticated", "not-found", "bad-request", "conflict", "unexpected"] as const) {
      const problem = describeLifecycleError(err({ kind, message: "m" }), { kind: "restart", resetScope: [] }, JOB);
      expect(problem.title).toContain(`restart job ${JOB}`);
      expect(problem.advice).not.toBe("");
    }
  });
});
