import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it } from "vitest";
import type { Loaded } from "@/lib/graph/answers";
import type { PersonTrace, TraceAssignment } from "@/lib/graph/person-trace";
import type { ProvisioningLogEntry } from "@/lib/graph/provisioning-logs";
import type { FleetEntry } from "@/lib/fleet/scan";
import { toOnDemandResult } from "@/lib/logs/on-demand-result";
import { personApps, rowAttributes, withOnDemandResult } from "./rows";

const now = new Date("2026-12-01T12:00:00Z");
const ME = "11111111-1111-4111-8111-111111111111";
const ok = <T>(value: T): Loaded<T> => ({ ok: true, value });
const job = (id: string, code = "Active") => ({ id, templateId: id.split(".")[0], schedule: { state: "Active" }, status: { code } }) as SynchronizationJob;
const app = (id: string, displayName: string, jobs: SynchronizationJob[]): FleetEntry => ({ servicePrincipal: { id, displayName, appId: `app-${id}` }, jobs });
const assigned = (resourceId: string, resourceDisplayName: string, principal: { id: string; type: "User" | "Group" } = { id: ME, type: "User" }): TraceAssignment => ({
  id: `${principal.id}-${resourceId}`,
  principalId: principal.id,
  principalType: principal.type,
  principalDisplayName: null,
  resourceId,
  resourceDisplayName,
});
const logEntry = (id: string, spId: string, jobId: string, extra: Record<string, unknown> = {}) =>
  ({ id, activityDateTime: "2026-12-01T11:00:00Z", servicePrincipal: { id: spId }, jobId, provisioningAction: "create", provisioningStatusInfo: { status: "success" }, ...extra }) as ProvisioningLogEntry;

const fleet = {
  entries: [
    app("sp-slack", "Slack", [job("Slack.1")]),
    app("sp-aws", "AWS IAM Identity Center", [job("aws.1", "Quarantine")]),
    app("sp-box", "Box", [job("BoxOutDelta.1", "Paused")]),
    app("sp-gh", "GitHub", [job("gh.1"), job("gh.2", "NotRun")]),
    app("sp-zendesk", "Zendesk", [job("zd.1")]),
  ],
  failures: [{ error: { kind: "server" as const, status: 503, code: "x", message: "x" }, servicePrincipals: [{ id: "sp-unread", displayName: "Unread", appId: "a" }] }],
};

function trace(parts: Partial<PersonTrace> = {}): PersonTrace {
  return {
    userId: ME,
    user: ok({ id: ME }),
    directGroups: ok([{ id: "g-marketing", displayName: "Marketing" }]),
    groups: ok([
      { id: "g-marketing", displayName: "Marketing" },
      { id: "g-slack-users", displayName: "Slack Users" },
    ]),
    assignments: ok([assigned("sp-aws", "AWS IAM Identity Center"), assigned("sp-gh", "GitHub"), assigned("sp-zoom", "Zoom"), assigned("sp-unread", "Unread")]),
    groupAssignments: [{ group: { id: "g-slack-users", displayName: "Slack Users" }, assignments: ok([assigned("SP-SLACK", "Slack", { id: "g-slack-users", type: "Group" })]) }],
    events: ok([
      logEntry("e-aws", "sp-aws", "aws.1", {
        provisioningStatusInfo: { status: "failure", errorInformation: { errorCode: "MandatoryFieldsMissing", reason: "no name" } },
        targetIdentity: { id: "" },
        provisioningSteps: [{ provisioningStepType: "scoping", status: "success", details: { IsInProvisioningScopeDisplayName: "True" } }],
      }),
      logEntry("e-zd", "SP-ZENDESK", "zd.1", { targetIdentity: { id: "zd-account-7" } }),
    ]),
    truncated: { groups: false, assignments: false, events: false },
    ...parts,
  };
}

describe("personApps", () => {
  const { rows, unconcerned, withoutJobs } = personApps(trace(), { id: ME, displayName: "Me", accountEnabled: true }, fleet, now);
  const row = (jobId: string) => rows.find((candidate) => candidate.jobId === jobId)!;

  it("has a row for each job of each app that concerns the person, by name; counts the others", () => {
    expect(rows.map((r) => `${r.appName}/${r.jobId}`)).toEqual(["AWS IAM Identity Center/aws.1", "GitHub/gh.1", "GitHub/gh.2", "Slack/Slack.1", "Zendesk/zd.1"]);
    expect(unconcerned).toBe(1); // Box
    // Zoom has no job; the app whose jobs could not be read is not said to have none.
    expect(withoutJobs).toEqual(["Zoom"]);
  });

  it("says how each is assigned, with the job's status from the fleet scan", () => {
    expect(rowAttributes(row("Slack.1"))).toEqual({
      "data-sp": "sp-slack",
      "data-job": "Slack.1",
      "data-assignment": "group",
      "data-in-scope": "false",
      "data-status": "none",
      "data-action": "none",
    });
    expect(row("Slack.1").assignment.text).toBe("Assigned through group Slack Users, via nested membership");
    expect(row("aws.1").jobStatus.code).toBe("Quarantine");
    expect(row("gh.2")).toMatchObject({ assignment: { kind: "direct" }, event: null, scope: { inScope: null } });
  });

  it("reads the latest event: action, status, error, the account in the app, and links into the job's logs for the person", () => {
    const aws = row("aws.1");
    expect(rowAttributes(aws)).toMatchObject({ "data-assignment": "direct", "data-in-scope": "true", "data-status": "failure", "data-action": "create" });
    expect(aws.event).toMatchObject({ source: "log", targetId: null, entry: { error: { code: "MandatoryFieldsMissing" } } });
    expect(aws.event?.entryHref).toBe(`/service-principals/sp-aws/jobs/aws.1/logs?q=${ME}&entry=e-aws`);
    expect(aws.logsHref).toBe(`/service-principals/sp-aws/jobs/aws.1/logs?q=${ME}`);
    // An app they aren't assigned to, with an event (the SP id in another case): not assigned, provisioned anyway.
    expect(rowAttributes(row("zd.1"))).toMatchObject({ "data-assignment": "none", "data-in-scope": "unknown", "data-status": "success" });
    expect(row("zd.1").event?.targetId).toBe("zd-account-7");
  });

  it("a person assigned to nothing, with no events, has no rows", () => {
    const nothing = personApps(trace({ assignments: ok([]), groupAssignments: [], events: ok([]) }), { id: ME }, fleet, now);
    expect(nothing).toEqual({ rows: [], unconcerned: 5, withoutJobs: [] });
  });

  it("a disabled account is said on every row it is in scope of", () => {
    const disabled = personApps(trace(), { id: ME, accountEnabled: false }, fleet, now).rows;
    expect(disabled.find((r) => r.jobId === "aws.1")!.scope.text).toMatch(/Account disabled in Entra ID: it is disabled in the app at the next cycle\.$/);
    expect(disabled.find((r) => r.jobId === "Slack.1")!.scope.text).not.toMatch(/disabled/);
  });
});

describe("withOnDemandResult", () => {
  const [slack] = personApps(trace(), { id: ME, accountEnabled: true }, { entries: [fleet.entries[0]], failures: [] }, now).rows;

  it("makes provision on demand's record the latest event, and its scoping step the scope", () => {
    const answer = {
      key: JSON.stringify({ result: "Skipped", details: { errorCode: "NotEffectivelyEntitled", errorMessage: "not in scope of Slack" } }),
      value: JSON.stringify({
        action: "Other",
        changeId: "c-1",
        endTime: "2026-12-01T11:59:00Z",
        statusInfo: { status: "Skipped" },
        targetIdentity: { id: null, type: "User" },
        provisioningSteps: [{ type: "Scoping", status: "Skipped", details: { Assigned: "False", IsInProvisioningScopeDisplayName: "False" } }],
      }),
    };
    const updated = withOnDemandResult(slack, toOnDemandResult(answer, now));
    expect(rowAttributes(updated)).toMatchObject({ "data-status": "skipped", "data-action": "other", "data-in-scope": "false" });
    expect(updated.event).toMatchObject({ source: "on-demand", entryHref: null, targetId: null, reason: { code: "NotEffectivelyEntitled" } });
    expect(updated.scope.text).toBe("Not in scope: the provisioning service found them not assigned to the app.");
  });

  it("keeps the row when Graph sent no record", () => {
    expect(withOnDemandResult(slack, toOnDemandResult({ key: JSON.stringify({ result: "Success", details: {} }), value: "{}" }))).toBe(slack);
  });
});
