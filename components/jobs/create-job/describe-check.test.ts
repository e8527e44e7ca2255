import { describe, expect, it } from "vitest";
import type { ActionError, ActionErrorKind } from "@/lib/errors/action-result";
import { describeCheck } from "./describe-check";

const error = (kind: ActionErrorKind, extra: Partial<ActionError> = {}): ActionError => ({ kind, status: 0, code: "X", message: "", ...extra });

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
