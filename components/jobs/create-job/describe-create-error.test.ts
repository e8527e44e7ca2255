import { describe, expect, it } from "vitest";
import type { ActionError, ActionErrorKind } from "@/lib/actions/action-result";
import { describeCheck, describeCreateError } from "./describe-create-error";

const error = (kind: ActionErrorKind, extra: Partial<ActionError> = {}): ActionError => ({ kind, status: 0, code: "X", message: "", ...extra });

describe("describeCreateError", () => {
  it.each([
    ["bad-request", /did not accept the template BoxOutDelta/, true],
    ["unauthenticated", /session expired/, true],
    ["missing-sync-permission", /lacks Synchronization\.ReadWrite\.All/, true],
    ["forbidden", /not create them/, true],
    ["not-found", /no longer exists/, true],
    ["throttled", /throttling/, true],
    ["invalid-input", /refused/, true],
    ["server", /had a problem/, false],
    ["network", /answer was lost/, false],
    ["conflict", /conflict/, false],
  ] as const)("%s", (kind, title, nothingCreated) => {
    const problem = describeCreateError(error(kind), "BoxOutDelta");
    expect(problem.title).toMatch(title);
    expect(problem.nothingCreated).toBe(nothingCreated);
    expect(problem.advice.length).toBeGreaterThan(20);
  });

  it("quotes Graph's message for a refused template and states the wait for throttling", () => {
    expect(describeCreateError(error("bad-request", { message: "No such template." }), "x").advice).toContain("No such template.");
    expect(describeCreateError(error("throttled", { retryAfterSeconds: 12 }), "x").advice).toMatch(/wait 12 seconds.*safe/);
    expect(describeCreateError(error("throttled", { retryAfterSeconds: 1 }), "x").advice).toMatch(/wait 1 second\./);
  });

  it("says an unusable 2xx may have created the job", () => {
    expect(describeCreateError(error("unexpected", { ambiguous: true, message: "No body." }), "x")).toMatchObject({ nothingCreated: false });
    expect(describeCreateError(error("unexpected", { message: "Oops." }), "x")).toMatchObject({ nothingCreated: true });
  });
});

describe("describeCheck", () => {
  it("allows a retry only when the job list shows no new job", () => {
    expect(describeCheck({ kind: "absent" }, "zoom")).toMatchObject({ safeToRetry: true, text: expect.stringMatching(/no job from zoom was created/) });
    expect(describeCheck({ kind: "exists", job: { id: "zoom.1" } }, "zoom")).toMatchObject({ safeToRetry: false, text: expect.stringContaining("zoom.1") });
    expect(describeCheck({ kind: "several", jobs: [{ id: "zoom.1" }, { id: "zoom.2" }] }, "zoom")).toMatchObject({
      safeToRetry: false,
      text: expect.stringMatching(/2 new jobs.*zoom\.1, zoom\.2/),
    });
    expect(describeCheck({ kind: "unknown", error: error("server", { code: "generalException", status: 500 }) }, "zoom")).toMatchObject({
      safeToRetry: false,
      text: expect.stringContaining("generalException, HTTP 500"),
    });
  });
});
