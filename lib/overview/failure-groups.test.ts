import type { ProvisioningObjectSummary } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it } from "vitest";
import { groupFailures, toFailureFact, type FailureFact } from "./failure-groups";

const fact = (code: string | null, extra: Partial<FailureFact> = {}): FailureFact => ({ at: "2026-12-01T10:00:00Z", code, reason: null, recommendedAction: null, app: null, ...extra });

describe("toFailureFact", () => {
  it("reads v1.0's errorInformation and beta's statusInfo alike", () => {
    const v1 = {
      activityDateTime: "2026-12-01T10:00:00Z",
      servicePrincipal: { id: "sp", displayName: "AWS" },
      provisioningStatusInfo: { status: "failure", errorInformation: { errorCode: "MandatoryFieldsMissing", reason: " No givenName ", recommendedAction: "" } },
    } as ProvisioningObjectSummary;
    expect(toFailureFact(v1)).toEqual({ at: "2026-12-01T10:00:00Z", code: "MandatoryFieldsMissing", reason: "No givenName", recommendedAction: null, app: "AWS" });
    const beta = { statusInfo: { status: "failure", errorCode: "EntryConflict", recommendedAction: "Fix it." }, servicePrincipal: [{ displayName: "x" }] } as unknown as ProvisioningObjectSummary;
    expect(toFailureFact(beta)).toEqual({ at: null, code: "EntryConflict", reason: null, recommendedAction: "Fix it.", app: null });
  });
});

describe("groupFailures", () => {
  it("counts by error code, largest first, then by code, entries without a code last", () => {
    const groups = groupFailures([fact("B"), fact(null), fact("A"), fact("C"), fact("C"), fact(null), fact("C")]);
    expect(groups.map((group) => [group.code, group.count])).toEqual([
      ["C", 3],
      [null, 2],
      ["A", 1],
      ["B", 1],
    ]);
  });

  it("takes Graph's recommended action when an entry has one, else Microsoft's for the code, else none", () => {
    const [conflict, missing, odd] = groupFailures([
      fact("ContosoEntryConflict"),
      fact("ContosoEntryConflict", { recommendedAction: "Graph says: fix the duplicate." }),
      fact("ContosoEntryConflict"),
      fact("MandatoryFieldsMissing"),
      fact("MandatoryFieldsMissing"),
      fact("SomethingNew"),
    ]);
    expect(conflict).toMatchObject({ code: "ContosoEntryConflict", recommendedAction: "Graph says: fix the duplicate.", recommendedActionSource: "graph" });
    expect(missing).toMatchObject({ recommendedActionSource: "docs" });
    expect(missing.recommendedAction).toMatch(/^The user couldn't be created because required values are missing/);
    expect(odd).toMatchObject({ code: "SomethingNew", recommendedAction: null, recommendedActionSource: null });
  });

  it("keeps an example reason, the apps A–Z and the newest time", () => {
    const [group] = groupFailures([
      fact("X", { app: "Zoom", at: "2026-12-01T09:00:00Z" }),
      fact("X", { app: "AWS", reason: "first reason", at: "2026-12-01T11:00:00+01:00" }),
      fact("X", { app: "Zoom", reason: "second", at: "2026-12-01T10:30:00Z" }),
      fact("X", { at: null }),
    ]);
    expect(group).toMatchObject({ count: 4, exampleReason: "first reason", apps: ["AWS", "Zoom"], lastAt: "2026-12-01T10:30:00Z" });
  });
});
