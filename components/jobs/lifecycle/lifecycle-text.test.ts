import { describe, expect, it } from "vitest";
import { successText } from "./lifecycle-text";

const JOB = "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01";

describe("lifecycle results in words", () => {
  it("says a restart's scope, and that a delete leaves the accounts as they are", () => {
    expect(successText({ kind: "restart", resetScope: [] }, JOB)).toContain("Restart provisioning");
    expect(successText({ kind: "restart", resetScope: ["Watermark", "Full"] }, JOB)).toContain("reset scope: Full");
    expect(successText({ kind: "delete" }, JOB)).toMatch(/accounts it provisioned were left as they are/);
    expect(successText({ kind: "start" }, JOB)).toContain(JOB);
  });
});
