import { describe, expect, it } from "vitest";
import { rowsOfJob, toActivityRow } from "./activity-view";

const now = new Date("2026-12-01T12:00:00Z");

describe("activity rows", () => {
  it("name the user who acted, else the app, and the job from the JobId detail", () => {
    const byUser = toActivityRow(
      {
        id: "a",
        activityDisplayName: "Enable/start provisioning configuration",
        activityDateTime: "2026-12-01T11:00:00Z",
        result: "success",
        resultReason: "",
        initiatedBy: { user: { displayName: "Adele Vance", userPrincipalName: "adele@contoso.example" }, app: null },
        additionalDetails: [{ key: "JobId", value: "aws.1" }],
      },
      now,
    );
    expect(byUser).toMatchObject({ who: "Adele Vance (adele@contoso.example)", result: "success", reason: null, jobId: "aws.1", when: { kind: "date", text: "1 hour ago" } });
    const byService = toActivityRow(
      { id: "b", activityDisplayName: "Quarantine", activityDateTime: "2026-12-01T10:00:00Z", result: "failure", resultReason: "TooManyDeletes", initiatedBy: { user: null, app: { displayName: "Azure AD Provisioning Service" } } },
      now,
    );
    expect(byService).toMatchObject({ who: "Azure AD Provisioning Service", reason: "TooManyDeletes", jobId: null });
    expect(rowsOfJob([byUser, byService], "aws.1").map((row) => row.id)).toEqual(["a"]);
  });
});
