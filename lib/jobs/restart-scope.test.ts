import { describe, expect, it } from "vitest";
import { isImpliedByFull, restartBody, resetScopeValue, withImpliedFlags } from "./restart-scope";

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

describe("Full implies Escrows, Watermark and QuarantineState", () => {
  it("adds the implied flags to the chosen ones, and only with Full", () => {
    expect([...withImpliedFlags(["Full", "ForceDeletes"])].sort()).toEqual(["Escrows", "ForceDeletes", "Full", "QuarantineState", "Watermark"]);
    expect([...withImpliedFlags(["Watermark"])]).toEqual(["Watermark"]);
  });

  it("marks a flag implied only while Full is chosen", () => {
    expect(isImpliedByFull(new Set(["Full"]), "Escrows")).toBe(true);
    expect(isImpliedByFull(new Set(["Full"]), "ForceDeletes")).toBe(false);
    expect(isImpliedByFull(new Set(["Escrows"]), "Escrows")).toBe(false);
  });
});
