import { describe, expect, it } from "vitest";
import { RESTART_FLAGS, withImpliedFlags } from "@/lib/jobs/restart-scope";
import { RESTART_FLAG_TEXT, toggleFlag } from "./restart-flags";

describe("restart flags in the dialog", () => {
  it("describes every offered flag, and never None or ConnectorDataStore as a choice", () => {
    expect(Object.keys(RESTART_FLAG_TEXT)).toEqual([...RESTART_FLAGS]);
    expect(RESTART_FLAGS).not.toContain("None");
    expect(RESTART_FLAGS).not.toContain("ConnectorDataStore");
    for (const flag of RESTART_FLAGS) expect(RESTART_FLAG_TEXT[flag].meaning.length).toBeGreaterThan(20);
  });

  it("shows the three flags Full implies as ticked, and keeps them while Full is chosen", () => {
    const full = toggleFlag(new Set(), "Full", true);
    expect([...withImpliedFlags(full)].sort()).toEqual(["Escrows", "Full", "QuarantineState", "Watermark"]);
    expect(toggleFlag(full, "Watermark", false)).toEqual(full);
    expect([...withImpliedFlags(toggleFlag(full, "Full", false))]).toEqual([]);
  });

  it("keeps a flag chosen on its own when Full is unticked", () => {
    const chosen = toggleFlag(toggleFlag(new Set(), "Escrows", true), "Full", true);
    expect([...withImpliedFlags(toggleFlag(chosen, "Full", false))]).toEqual(["Escrows"]);
  });
});
