import { describe, expect, it } from "vitest";
import { docExampleBody } from "@/test/support/doc-examples";
import { toStepViews } from "@/lib/logs/provisioning-step";
import { groupRunFilter } from "./group-log-filter";
import { onDemandNotices } from "./readiness";
import { scopeFacts } from "./scope-facts";
import { onDemandRules } from "./rules";
import { onDemandSearch, parseOnDemandSearch } from "./subject-url";

const A = "0c5a1d3e-8f2b-4a6c-9d7e-1f2a3b4c5d01";
const B = "0c5a1d3e-8f2b-4a6c-9d7e-1f2a3b4c5d02";
const G = "1c5a1d3e-8f2b-4a6c-9d7e-1f2a3b4c5d09";
const parse = (search: string) => parseOnDemandSearch(new URLSearchParams(search));

describe("the on-demand URL", () => {
  it("round-trips a user, or a group with its chosen members, and the rule", () => {
    for (const state of [
      { subject: { type: "user" as const, id: A }, ruleId: "r1" },
      { subject: { type: "group" as const, id: G, memberIds: [A, B] }, ruleId: "33f7c90d-bf71-41b1-bda6-aaf0ddbee5d8#V2" },
      { subject: null, ruleId: null },
    ]) {
      expect(parse(onDemandSearch(state.subject, state.ruleId))).toEqual({ ...state, problems: [] });
    }
  });

  it("drops what is not an id, and members beyond 5, saying so", () => {
    expect(parse("?user=megan@contoso.example")).toMatchObject({ subject: null, problems: [expect.stringMatching(/not an object id/)] });
    expect(parse("?rule=../x")).toMatchObject({ ruleId: null, problems: [expect.stringMatching(/not a rule id/)] });
    const six = Array.from({ length: 6 }, (_, i) => `0c5a1d3e-8f2b-4a6c-9d7e-1f2a3b4c5d1${i}`);
    const state = parse(`?group=${G}&members=${[...six, "nope"].join(",")}`);
    expect(state.subject).toEqual({ type: "group", id: G, memberIds: six.slice(0, 5) });
    expect(state.problems).toEqual([expect.stringMatching(/left out/), expect.stringMatching(/at most 5/)]);
  });
});

describe("onDemandRules", () => {
  const rule = (id: string, metadata: { key: string; value: string }[], groups = false, priority = 1) => ({
    id,
    name: `RULE_${id}`,
    priority,
    sourceDirectoryName: "Azure Active Directory",
    targetDirectoryName: "Box",
    metadata,
    objectMappings: [{ sourceObjectName: "User", enabled: true }, ...(groups ? [{ sourceObjectName: "Group", enabled: true }] : [])],
  });
  const yes = [{ key: "supportsProvisionOnDemand", value: "true" }];

  it("offers the rules marked supportsProvisionOnDemand, by priority, and which take groups", () => {
    const rules = onDemandRules({ synchronizationRules: [rule("b", yes, true, 2), rule("x", [{ key: "supportsProvisionOnDemand", value: "false" }]), rule("a", yes, false, 1)] });
    expect(rules).toEqual([
      { id: "a", label: "Azure Active Directory → Box (RULE_a)", groups: false },
      { id: "b", label: "Azure Active Directory → Box (RULE_b)", groups: true },
    ]);
  });

  it("offers every rule when none is marked; never a rule without an id (the docs' shortened example has none), nor without a schema", () => {
    expect(onDemandRules({ synchronizationRules: [rule("a", []), rule("b", [], true, 0)] }).map((r) => r.id)).toEqual(["b", "a"]);
    const schema = docExampleBody("v1.0/synchronization-synchronizationschema-get__get_synchronizationschema_1__response.http");
    expect(schema.synchronizationRules.length).toBeGreaterThan(0);
    expect(onDemandRules(schema)).toEqual([]);
    expect(onDemandRules(null)).toEqual([]);
  });
});

describe("onDemandNotices", () => {
  const oauth = { metadata: [{ key: "IsOAuthEnabled", value: "true" }] };
  it("asks to pause a running job of an OAuth app first, and says when the job is not configured", () => {
    expect(onDemandNotices({ schedule: { state: "Active" }, status: { code: "Active" } }, oauth)).toEqual([{ kind: "pause-first" }]);
    expect(onDemandNotices({ schedule: { state: "Paused" }, status: { code: "Paused" } }, oauth)).toEqual([]);
    expect(onDemandNotices({ schedule: { state: "Active" }, status: { code: "Active" } }, { metadata: [{ key: "isOAuthEnabled", value: "false" }] })).toEqual([]);
    expect(onDemandNotices({ schedule: { state: "Disabled" }, status: { code: "NotConfigured" } }, null)).toEqual([{ kind: "not-configured" }]);
  });
});

describe("scopeFacts", () => {
  const step = (details: Record<string, string>) => toStepViews([{ type: "Scoping", status: "Skipped", details }]);
  it("reads the docs' scoping details as facts and a verdict", () => {
    const value = JSON.parse(docExampleBody("v1.0/synchronization-synchronizationjob-provisionondemand__synchronizationjob_provisionondemand_ADto3P__response.http").value);
    expect(scopeFacts(toStepViews(value.provisioningSteps))).toEqual({
      inScope: true,
      facts: [
        { label: "Assigned to the application", holds: true },
        { label: "Active in the source system", holds: true },
      ],
    });
  });

  it("names each scoping filter group and whether it held; keeps an unreadable result as sent", () => {
    expect(scopeFacts(step({ Assigned: "True", IsInProvisioningScopeDisplayName: "False", ScopeEvaluationResult: '{"Members only":"false"}' }))).toEqual({
      inScope: false,
      facts: [
        { label: "Assigned to the application", holds: true },
        { label: "Scoping filter “Members only”", holds: false },
      ],
    });
    expect(scopeFacts(step({ ScopeEvaluationResult: "Members only: false" }))?.facts).toEqual([{ label: "Scoping filters", holds: null, value: "Members only: false" }]);
    expect(scopeFacts(toStepViews([{ type: "Import", status: "Success" }]))).toBeNull();
  });
});

describe("groupRunFilter", () => {
  it("keeps to the job, the run and the objects, with every id quoted", () => {
    expect(groupRunFilter("Box.1", [A, "o'x"], Date.parse("2026-12-01T12:01:00Z"))).toBe(
      `jobId eq 'Box.1' and activityDateTime gt 2026-12-01T12:00:00.000Z and (sourceIdentity/id eq '${A}' or sourceIdentity/id eq 'o''x')`,
    );
  });
});
