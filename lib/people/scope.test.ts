import { describe, expect, it } from "vitest";
import { toLogEntryView, type LogEntryView } from "@/lib/logs/entry-view";
import type { AssignedGroup, AssignmentView } from "./assignment";
import { scopeView, type ScopeInput } from "./scope";

const now = new Date("2026-12-01T12:00:00Z");
const direct: AssignmentView = { kind: "direct", groups: [], text: "Assigned directly" };
const none: AssignmentView = { kind: "none", groups: [], text: "Not assigned" };
const viaGroup = (nested: boolean | null): AssignmentView => ({ kind: "group", groups: [{ id: "g", displayName: "Slack Users", nested } satisfies AssignedGroup], text: "" });

/** A log entry whose scoping step reports `details`. */
function event(action: string, status: string, details: Record<string, string> | null): LogEntryView {
  return toLogEntryView(
    {
      id: "e",
      activityDateTime: "2026-12-01T11:00:00Z",
      provisioningAction: action,
      provisioningStatusInfo: { status },
      provisioningSteps: details ? [{ provisioningStepType: "scoping", status: "success", details }] : [],
    } as never,
    now,
  );
}
const inScopeStep = { Assigned: "True", IsActive: "True", IsInProvisioningScopeDisplayName: "True" };
const filteredOut = { Assigned: "True", IsActive: "True", IsInProvisioningScopeDisplayName: "False", ScopeEvaluationResult: '{"Members only":"false"}' };
const scope = (input: Partial<ScopeInput>) => scopeView({ assignment: direct, accountEnabled: true, event: null, eventSource: "log", ...input });

describe("scopeView", () => {
  it("not assigned, no event: not in scope", () => {
    expect(scope({ assignment: none })).toMatchObject({ inScope: false, text: "Not in scope: not assigned to the app." });
  });

  it("not assigned but provisioned by the latest event: sync all, or assigned earlier", () => {
    expect(scope({ assignment: none, event: event("create", "success", null) })).toMatchObject({
      inScope: null,
      text: "Not assigned now, but the latest event provisioned them: in scope through sync all, or assigned earlier.",
    });
    expect(scope({ assignment: none, event: event("update", "success", { ...inScopeStep, ScopeSyncAll: "True" }) })).toMatchObject({ inScope: true, text: expect.stringMatching(/^In scope through sync all/) });
    // A skip is no evidence of being in scope, nor is a disable (it follows leaving the scope).
    expect(scope({ assignment: none, event: event("other", "skipped", null) }).inScope).toBe(false);
    expect(scope({ assignment: none, event: event("disable", "success", null) }).inScope).toBe(false);
    // A scoping step that says out of scope wins over the action.
    expect(scope({ assignment: none, event: event("update", "success", { Assigned: "False", IsInProvisioningScopeDisplayName: "False" }) }).inScope).toBe(false);
  });

  it("only through a nested group: not in scope, because Entra provisions direct members only", () => {
    expect(scope({ assignment: viaGroup(true) })).toMatchObject({ inScope: false, text: expect.stringContaining("not the members of groups nested in it") });
  });

  it("assigned, and the latest event created or updated their account (even when that failed): in scope", () => {
    expect(scope({ event: event("create", "failure", null) })).toMatchObject({ inScope: true, text: "In scope: assigned, and the latest event created or updated their account." });
    expect(scope({ event: event("disable", "success", null) }).inScope).toBeNull();
  });

  it("assigned with no event: unknown, because a scoping filter may still keep them out", () => {
    expect(scope({})).toMatchObject({ inScope: null, text: expect.stringContaining("unless a scoping filter keeps them out") });
    expect(scope({ assignment: viaGroup(false) }).inScope).toBeNull();
    expect(scope({ assignment: viaGroup(null) }).text).toMatch(/whether they are a direct member of it/);
  });

  it("assigned, and the latest event's scoping step decides: the scoping filter's name when it keeps them out", () => {
    expect(scope({ event: event("create", "failure", inScopeStep) })).toMatchObject({ inScope: true, text: "In scope: assigned, and the latest event found them in scope." });
    const out = scope({ assignment: viaGroup(false), event: event("other", "skipped", filteredOut) });
    expect(out).toMatchObject({ inScope: false, text: "Not in scope: the scoping filter keeps them out (“Members only” does not hold)." });
    expect(out.facts.map((fact) => [fact.label, fact.holds])).toContainEqual(["Scoping filter “Members only”", false]);
    expect(scope({ event: event("other", "skipped", { Assigned: "False", IsInProvisioningScopeDisplayName: "False" }) }).text).toBe(
      "Not in scope: the provisioning service found them not assigned to the app.",
    );
  });

  it("provision on demand is the present: its scoping step wins over the assignment read", () => {
    expect(scope({ assignment: viaGroup(true), event: event("create", "success", inScopeStep), eventSource: "on-demand" })).toMatchObject({
      inScope: true,
      text: "In scope: provision on demand found them in scope.",
    });
    expect(scope({ assignment: direct, event: event("other", "skipped", filteredOut), eventSource: "on-demand" }).inScope).toBe(false);
  });

  it("a disabled account: it is disabled in the app at the next cycle, or already was", () => {
    expect(scope({ accountEnabled: false }).text).toMatch(/ Account disabled in Entra ID: it is disabled in the app at the next cycle\.$/);
    expect(scope({ accountEnabled: false, event: event("disable", "success", inScopeStep) }).text).toMatch(/ Account disabled in Entra ID, and disabled in the app\.$/);
    expect(scope({ accountEnabled: false, assignment: none }).text).not.toMatch(/disabled/);
  });
});
