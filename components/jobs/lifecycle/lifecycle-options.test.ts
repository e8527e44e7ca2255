import { describe, expect, it } from "vitest";
import { lifecycleOptions } from "./lifecycle-options";

const job = (code: string | undefined, schedule?: string) => ({ status: code === undefined ? undefined : { code: code as never }, schedule: schedule ? { state: schedule as never } : undefined });

describe("lifecycleOptions", () => {
  it("never offers Start on a running job (Active or its initial cycle); offers Pause and Restart", () => {
    for (const code of ["Active", "NotRun", "active", "notRun"]) {
      expect(lifecycleOptions(job(code, "Active"))).toEqual({ phase: "running", pause: "secondary", restart: "secondary", delete: "danger" });
    }
  });

  it("puts Start first for a paused, quarantined or new job", () => {
    expect(lifecycleOptions(job("Paused", "Paused"))).toEqual({ phase: "paused", start: "primary", restart: "secondary", delete: "danger" });
    expect(lifecycleOptions(job("Quarantine", "Active"))).toEqual({ phase: "quarantined", start: "primary", pause: "secondary", restart: "secondary", delete: "danger" });
    expect(lifecycleOptions(job("NotConfigured", "Disabled"))).toEqual({ phase: "not-configured", start: "primary", delete: "danger" });
    expect(lifecycleOptions(job("notConfigured"))).toMatchObject({ phase: "not-configured", start: "primary" });
  });

  it("falls back on the schedule for a status code it does not know", () => {
    expect(lifecycleOptions(job("Warming", "Active")).phase).toBe("running");
    expect(lifecycleOptions(job("Warming", "Active")).start).toBeUndefined();
    expect(lifecycleOptions(job("Warming", "Paused")).phase).toBe("paused");
    expect(lifecycleOptions(job(undefined, "Disabled")).phase).toBe("not-configured");
    expect(lifecycleOptions(job(undefined))).toEqual({ phase: "unknown", start: "secondary", pause: "secondary", restart: "secondary", delete: "danger" });
  });

  it("always offers Delete", () => {
    for (const code of ["Active", "NotRun", "Paused", "Quarantine", "NotConfigured", "Other", undefined]) expect(lifecycleOptions(job(code)).delete).toBe("danger");
  });
});
