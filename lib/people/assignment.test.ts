import { describe, expect, it } from "vitest";
import type { Loaded } from "@/lib/graph/answers";
import type { PersonTrace, TraceAssignment, TraceGroup } from "@/lib/graph/person-trace";
import { assignmentText, indexAssignments } from "./assignment";

const ME = "11111111-1111-4111-8111-111111111111";
const SLACK = "3C6F3D5E-0B1A-4D2E-9F10-2B7A1C4E5D03";
const ok = <T>(value: T): Loaded<T> => ({ ok: true, value });
const failed = { ok: false as const, error: { kind: "forbidden" as const, status: 403, code: "Authorization_RequestDenied", message: "no" } };
const group = (id: string, displayName: string): TraceGroup => ({ id, displayName });
const toUser = (resourceId: string): TraceAssignment => ({ id: `u-${resourceId}`, principalId: ME, principalType: "User", principalDisplayName: "Me", resourceId, resourceDisplayName: "App" });
const toGroup = (g: TraceGroup, resourceId: string, resourceDisplayName = "App"): TraceAssignment => ({
  id: `${g.id}-${resourceId}`,
  principalId: g.id,
  principalType: "Group",
  principalDisplayName: `${g.displayName} (as assigned)`,
  resourceId,
  resourceDisplayName,
});

const marketing = group("g-marketing", "Marketing");
const slackUsers = group("g-slack-users", "Slack Users");
const engineering = group("g-engineering", "Engineering");

function trace(parts: Partial<PersonTrace>): PersonTrace {
  return {
    userId: ME,
    user: ok({ id: ME }),
    directGroups: ok([marketing, engineering]),
    groups: ok([marketing, engineering, slackUsers]),
    assignments: ok([]),
    groupAssignments: [],
    events: ok([]),
    truncated: { groups: false, assignments: false, events: false },
    ...parts,
  };
}

describe("indexAssignments", () => {
  it("a group the person is not a direct member of is nested; app ids match in any case", () => {
    const index = indexAssignments(trace({ groupAssignments: [{ group: slackUsers, assignments: ok([toGroup(slackUsers, SLACK, "Slack")]) }] }));
    const slack = index.of(SLACK.toLowerCase());
    expect(slack).toMatchObject({ kind: "group", groups: [{ id: "g-slack-users", displayName: "Slack Users", nested: true }] });
    expect(slack.text).toBe("Assigned through group Slack Users, via nested membership");
    expect(index.apps.get(SLACK.toLowerCase())).toBe("Slack");
  });

  it("direct wins over groups, and says the groups too; the person's own group comes before a nested one", () => {
    const index = indexAssignments(
      trace({
        assignments: ok([toUser("gh"), toGroup(engineering, "gh")]),
        groupAssignments: [
          { group: slackUsers, assignments: ok([toGroup(slackUsers, "gh"), toGroup(slackUsers, "box")]) },
          { group: marketing, assignments: ok([toGroup(marketing, "box")]) },
        ],
      }),
    );
    expect(index.of("gh")).toMatchObject({ kind: "direct", text: "Assigned directly, and through group Engineering (and 1 other group)" });
    expect(index.of("box").text).toBe("Assigned through group Marketing (and 1 other group)");
    expect(index.of("box").groups.map((g) => g.nested)).toEqual([false, true]);
  });

  it("the same assignment read twice (the user's page lists their direct groups' too) counts once", () => {
    const assigned = toGroup(engineering, "gh");
    const index = indexAssignments(trace({ assignments: ok([assigned]), groupAssignments: [{ group: engineering, assignments: ok([assigned]) }] }));
    expect(index.of("gh")).toMatchObject({ kind: "group", text: "Assigned through group Engineering" });
  });

  it("nothing is 'Not assigned'; failed reads add nothing; unknown direct groups make nesting unknown", () => {
    expect(indexAssignments(trace({})).of("any")).toEqual({ kind: "none", groups: [], text: "Not assigned" });
    const index = indexAssignments(trace({ directGroups: failed, groupAssignments: [{ group: slackUsers, assignments: ok([toGroup(slackUsers, "slack")]) }, { group: marketing, assignments: failed }] }));
    expect(index.of("slack").groups[0]).toMatchObject({ nested: null });
    expect(index.of("slack").text).toBe("Assigned through group Slack Users");
    expect(index.apps.size).toBe(1);
  });

  it("a service principal's assignment is neither direct nor a group's", () => {
    const index = indexAssignments(trace({ assignments: ok([{ ...toUser("x"), principalId: "sp", principalType: "ServicePrincipal" }]) }));
    expect(index.of("x").kind).toBe("none");
  });
});

describe("assignmentText", () => {
  it("reads as the screen says it", () => {
    expect(assignmentText("direct", [])).toBe("Assigned directly");
    expect(assignmentText("group", [{ id: "g", displayName: "Sales", nested: false }])).toBe("Assigned through group Sales");
    expect(assignmentText("none", [])).toBe("Not assigned");
  });
});
