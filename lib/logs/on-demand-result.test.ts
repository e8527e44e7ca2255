import { describe, expect, it } from "vitest";
import { docExampleBody } from "@/test/support/doc-examples";
import { toOnDemandResult } from "./on-demand-result";

/** The provisionOnDemand page's three examples (test/fixtures/graph-docs/examples, microsoft-graph-docs-contrib). */
const example = (name: "ADto3P" | "AD2AAD" | "Group", version = "beta") =>
  docExampleBody<{ key: string; value: string }>(`${version}/synchronization-synchronizationjob-provisionondemand__synchronizationjob_provisionondemand_${name}__response.http`);
const now = new Date("2026-12-01T12:00:00Z");

describe("toOnDemandResult", () => {
  it("reads a skipped user (ADto3P): the key's reason, and the record as a log entry with its steps, action, ids and duration", () => {
    const result = toOnDemandResult(example("ADto3P"), now);
    expect(result.result).toMatchObject({ known: true, code: "skipped" });
    expect(result.reason).toEqual({ code: "RedundantExport", message: "The state of the user in both the source and target systems already match." });
    expect(result.records).toHaveLength(1);
    const [record] = result.records;
    expect(record.action).toMatchObject({ known: true, code: "other" });
    expect(record.status).toMatchObject({ known: true, code: "skipped" });
    expect(record.steps.map((step) => [step.type.code, step.status.code])).toEqual([
      ["import", "success"],
      ["matching", "success"],
      ["scoping", "success"],
      ["export", "skipped"],
    ]);
    expect(record.steps[2].details).toContainEqual({ name: "Assigned", value: "True" });
    expect(record.source).toMatchObject({ id: "62cf7b7a-52be-4a9b-9c69-e5d4a4a14f67", type: "User", system: "Azure Active Directory" });
    expect(record.target).toMatchObject({ id: "52507a19-96ec-4e73-9250-3e65ffd2d926", system: "customappsso" });
    expect(record.modifiedProperties).toContainEqual({ name: "displayName", oldValue: null, newValue: "Bill Bob" });
    expect(record.ids).toContainEqual({ key: "changeId", label: "Change ID", value: "g8ba3be8-1d7f-4a60-ae31-a8980da0a389" });
    // 13:58:24.5494971 → 13:58:24.7682084
    expect(record.durationMs).toBe(219);
    expect(record.error).toBeNull();
  });

  it("reads a successful cloud sync user (AD2AAD) and the same example in v1.0", () => {
    for (const version of ["beta", "v1.0"]) {
      const result = toOnDemandResult(example("AD2AAD", version), now);
      expect(result.result?.code).toBe("success");
      expect(result.reason).toBeNull();
      expect(result.records[0].steps[0]).toMatchObject({ name: "EntryImportAdd", type: { code: "import" }, status: { code: "success" } });
      expect(result.records[0].steps.length).toBeGreaterThan(1);
    }
  });

  it("reads a group's answer (value {}) as a result without records: its members' records are in the logs", () => {
    const result = toOnDemandResult(example("Group"), now);
    expect(result).toEqual({ result: expect.objectContaining({ code: "success" }), reason: null, records: [] });
  });

  it("reads a failure's statusInfo as the entry's error, with the docs' advice when Graph gives none", () => {
    const value = JSON.stringify({
      action: "Create",
      changeId: "c1",
      statusInfo: { status: "Failure", errorCode: "SalesforceInvalidCredentials", reason: "Bad password.", errorCategory: "NonServiceFailure", recommendedAction: null },
      provisioningSteps: [{ name: "EntryExportAdd", type: "Export", status: "Failure", description: "Failed" }],
    });
    const result = toOnDemandResult({ key: JSON.stringify({ result: "Failure", details: { errorCode: "SalesforceInvalidCredentials", errorMessage: "Bad password." } }), value }, now);
    expect(result.result?.code).toBe("failure");
    expect(result.records[0].error).toMatchObject({ code: "SalesforceInvalidCredentials", reason: "Bad password.", category: "NonServiceFailure" });
    expect(result.records[0].action.code).toBe("create");
  });

  it("reads Entra PowerShell's form (a .NET type name as key, a list of records as value) without inventing a result", () => {
    const value = JSON.stringify([{ provisioningSteps: [{ name: "EntryImport", type: "Import", status: "Success" }] }, { provisioningSteps: [] , action: "Update" }]);
    const result = toOnDemandResult({ key: "Microsoft.Identity.Health.CPP.Common.DataContracts.SyncFabric.StatusInfo", value }, now);
    expect(result.result).toBeNull();
    expect(result.records).toHaveLength(2);
    expect(result.records.map((record) => record.id)).toEqual(["on-demand-0", "on-demand-1"]);
  });

  it("survives answers that are not JSON, or are missing", () => {
    expect(toOnDemandResult({ key: "{not json", value: "also not" }, now)).toEqual({ result: null, reason: null, records: [] });
    expect(toOnDemandResult({}, now)).toEqual({ result: null, reason: null, records: [] });
    expect(toOnDemandResult({ key: JSON.stringify({ result: "Pending" }) }, now).result).toMatchObject({ known: false, label: "Pending" });
  });
});
