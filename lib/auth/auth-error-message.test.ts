import { AuthError, InteractionRequiredAuthError } from "@azure/msal-browser";
import { describe, expect, it } from "vitest";
import { describeAuthError } from "./auth-error-message";

describe("describeAuthError", () => {
  it("explains a redirect URI mismatch from Entra's AADSTS code and keeps both codes", () => {
    const error = new AuthError("invalid_request", "corr-1", "AADSTS50011: The redirect URI specified in the request does not match.");
    const problem = describeAuthError(error);
    expect(problem.advice).toMatch(/\/auth\/bridge/);
    expect(problem.code).toBe("invalid_request (AADSTS50011)");
  });

  it("uses MSAL's error code when Entra gave none", () => {
    const problem = describeAuthError(new AuthError("user_cancelled", "corr-2", "User cancelled the flow."));
    expect(problem).toEqual({ title: "Sign-in was cancelled", advice: "Sign in again when you are ready.", code: "user_cancelled" });
  });

  it("explains missing consent on interaction-required errors", () => {
    const problem = describeAuthError(new InteractionRequiredAuthError("consent_required", "corr-3", "AADSTS65001: The user or administrator has not consented"));
    expect(problem.advice).toMatch(/consent/);
    expect(problem.code).toBe("consent_required (AADSTS65001)");
  });

  it("falls back to the raw message for unknown failures, and copes with non-errors", () => {
    expect(describeAuthError(new Error("boom"))).toMatchObject({ code: "unknown_error", advice: expect.stringContaining("boom") });
    expect(describeAuthError("nonsense")).toMatchObject({ title: "Sign-in failed", code: "unknown_error" });
  });
});
