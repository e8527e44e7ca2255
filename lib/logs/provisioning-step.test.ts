import { describe, expect, it } from "vitest";
import { docExampleBody } from "@/test/support/doc-examples";
import { toStepViews } from "./provisioning-step";

const now = new Date("2026-12-01T12:00:00Z");
const LOG_ERROR_EXAMPLE = "docs/examples/v1.0/provisioningobjectsummary-list__list_provisioningobjectsummary_error__response.http";
const ON_DEMAND_EXAMPLE = "v1.0/synchronization-synchronizationjob-provisionondemand__synchronizationjob_provisionondemand_ADto3P__response.http";

describe("toStepViews", () => {
  it("reads a provisioning log entry's steps (provisioningStepType, lower-case statuses)", () => {
    const entry = docExampleBody(LOG_ERROR_EXAMPLE).value[0];
    const steps = toStepViews(entry.provisioningSteps, now);
    expect(steps.map((s) => [s.name, s.type.code, s.status.code])).toEqual([
      ["EntryImportAdd", "import", "success"],
      ["EntrySynchronizationAdd", "matching", "success"],
      ["EntryExportAdd", "export", "failure"],
    ]);
    expect(steps[2]).toMatchObject({ description: "Failed to create Group 'Self-service Pilot' in Contoso", details: [{ name: "ReportableIdentifier", value: "Self-service Pilot" }], timestamp: null });
    expect(steps[0].type.label).toBe("Import");
  });

  it("reads provision on demand's steps into the same view (type, capitalised statuses, timestamps)", () => {
    const value = JSON.parse(docExampleBody(ON_DEMAND_EXAMPLE).value);
    const steps = toStepViews(value.provisioningSteps, now);
    expect(steps.map((s) => [s.name, s.type.code, s.status.code])).toEqual([
      ["EntryImport", "import", "success"],
      ["EntryImport", "matching", "success"],
      ["EntrySynchronizationScoping", "scoping", "success"],
      ["EntrySynchronizationSkip", "export", "skipped"],
    ]);
    expect(steps[0].timestamp).toMatchObject({ kind: "date", iso: "2020-06-26T13:58:24.549Z" });
    expect(steps[2].details).toContainEqual({ name: "IsInProvisioningScopeDisplayName", value: "True" });
  });

  it("keeps unknown types and statuses visible, and tolerates anything that is not a list of steps", () => {
    const [step] = toStepViews([{ provisioningStepType: "futureStep", status: "pending", details: { count: 3, none: null } }]);
    expect(step.type).toMatchObject({ known: false, code: "unknown", label: "futureStep" });
    expect(step.status).toMatchObject({ known: false, label: "pending" });
    expect(step.details).toEqual([{ name: "count", value: "3" }]);
    expect(toStepViews(null)).toEqual([]);
    expect(toStepViews([null, 3, "x"])).toEqual([]);
  });
});
