import { describe, expect, it } from "vitest";
import { restartBody, resetScopeValue } from "./restart-scope";

describe("restart body", () => {
  it("leaves the reset scope out for the portal's Restart provisioning", () => {
    expect(restartBody([])).toEqual({ criteria: {} });
    expect(JSON.stringify(restartBody([]))).toBe('{"criteria":{}}');
  });

  it("joins flags in one canonical order, as the docs example does", () => {
    expect(resetScopeValue(["QuarantineState", "Watermark", "Escrows"])).toBe("Escrows, Watermark, QuarantineState");
    expect(restartBody(["ForceDeletes"])).toEqual({ criteria: { resetScope: "ForceDeletes" } });
  });

  it("sends Full alone instead of the flags it implies", () => {
    expect(resetScopeValue(["Escrows", "Full", "Watermark", "QuarantineState"])).toBe("Full");
    expect(resetScopeValue(["ForceDeletes", "Full"])).toBe("Full, ForceDeletes");
  });
});
