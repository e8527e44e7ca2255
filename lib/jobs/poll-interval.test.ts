import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it } from "vitest";
import { FAST_POLL_MS, IDLE_POLL_MS, pollInterval, STEADY_POLL_MS } from "./poll-interval";

const job = (code: string) => ({ id: code, status: { code } }) as unknown as SynchronizationJob;

describe("pollInterval", () => {
  it("polls fast while any job runs its initial cycle", () => {
    expect(pollInterval([job("Active"), job("NotRun")])).toBe(FAST_POLL_MS);
    expect(pollInterval([job("notRun")])).toBe(FAST_POLL_MS);
  });
  it("polls slower in steady state and slowest when nothing runs", () => {
    expect(pollInterval([job("Active"), job("Paused")])).toBe(STEADY_POLL_MS);
    expect(pollInterval([job("Paused"), job("Quarantine"), job("NotConfigured")])).toBe(IDLE_POLL_MS);
    expect(pollInterval([])).toBe(IDLE_POLL_MS);
    expect(pollInterval(undefined)).toBe(IDLE_POLL_MS);
  });
  it("never polls sooner than Graph's Retry-After", () => {
    const throttled = { kind: "throttled" as const, status: 429, code: "TooManyRequests", message: "", retryAfterSeconds: 90 };
    expect(pollInterval([job("NotRun")], throttled)).toBe(90_000);
    expect(pollInterval([job("NotRun")], { ...throttled, retryAfterSeconds: 1 })).toBe(FAST_POLL_MS);
  });
  it("backs off after an error without Retry-After", () => {
    expect(pollInterval([job("NotRun")], { kind: "server", status: 503, code: "ServiceUnavailable", message: "" })).toBe(STEADY_POLL_MS);
  });
});
