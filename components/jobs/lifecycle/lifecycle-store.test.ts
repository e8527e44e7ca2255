import { describe, expect, it } from "vitest";
import { dismissFailure, jobKey, lifecycleState, tryLock, unlock } from "./lifecycle-store";

const error = { kind: "server" as const, status: 503, code: "ServiceUnavailable", message: "", ambiguous: true };

describe("lifecycle store", () => {
  it("locks a job synchronously: a second change while one is in flight is refused", () => {
    const key = jobKey("sp-1", "job-1");
    expect(tryLock(key, "start")).toBe(true);
    expect(tryLock(key, "start")).toBe(false);
    expect(tryLock(key, "delete")).toBe(false);
    expect(lifecycleState(key).pending).toBe("start");
    expect(tryLock(jobKey("sp-1", "job-2"), "pause")).toBe(true);
    unlock(key, null);
    unlock(jobKey("sp-1", "job-2"), null);
    expect(lifecycleState(key)).toEqual({ pending: null, failure: null });
  });

  it("keeps a failure until the next change or a dismissal", () => {
    const key = jobKey("sp-2", "job-1");
    tryLock(key, "pause");
    unlock(key, { operation: { kind: "pause" }, error, retryAt: null });
    expect(lifecycleState(key).failure?.error.code).toBe("ServiceUnavailable");
    dismissFailure(key);
    expect(lifecycleState(key).failure).toBeNull();
    tryLock(key, "pause");
    unlock(key, { operation: { kind: "pause" }, error, retryAt: null });
    tryLock(key, "start");
    expect(lifecycleState(key)).toEqual({ pending: "start", failure: null });
    unlock(key, null);
  });

  it("returns the same snapshot while nothing changes (useSyncExternalStore needs that)", () => {
    const key = jobKey("sp-3", "job-1");
    expect(lifecycleState(key)).toBe(lifecycleState(key));
    tryLock(key, "restart");
    expect(lifecycleState(key)).toBe(lifecycleState(key));
    unlock(key, null);
  });
});
