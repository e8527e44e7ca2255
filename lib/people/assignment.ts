import type { PersonTrace, TraceAssignment } from "@/lib/graph/person-trace";

/**
 * How a person is assigned to an app, from their trace: directly (their own app role assignment), through a group
 * (an assignment of one of their transitive groups), or not at all. A group they are not a direct member of is
 * "nested": Entra provisions the direct members of an assigned group only (known issues: "Provisioning nested
 * groups beyond the first level is not supported").
 */

export type AssignmentKind = "direct" | "group" | "none";

export interface AssignedGroup {
  id: string;
  displayName: string;
  /** Not one of the person's own groups: they are in it through another one. null when their direct groups are unknown. */
  nested: boolean | null;
}

export interface AssignmentView {
  kind: AssignmentKind;
  /** The groups the app is assigned to that hold the person, their own groups first. */
  groups: AssignedGroup[];
  text: string;
}

export interface AssignmentIndex {
  of(servicePrincipalId: string): AssignmentView;
  /** Every app the person is assigned to (lower-case ids), with its name as the assignments give it. */
  apps: Map<string, string>;
}

const key = (id: string) => id.toLowerCase();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function groupPhrase(groups: AssignedGroup[]): string {
  const [first, ...others] = groups;
  const nested = first.nested ? ", via nested membership" : "";
  return `through group ${first.displayName}${nested}${others.length ? ` (and ${plural(others.length, "other group")})` : ""}`;
}

export function assignmentText(kind: AssignmentKind, groups: AssignedGroup[]): string {
  if (kind === "none") return "Not assigned";
  if (kind === "direct") return groups.length ? `Assigned directly, and ${groupPhrase(groups)}` : "Assigned directly";
  return `Assigned ${groupPhrase(groups)}`;
}

const byNearestThenName = (a: AssignedGroup, b: AssignedGroup) => Number(a.nested === true) - Number(b.nested === true) || a.displayName.localeCompare(b.displayName, "en");

export function indexAssignments(trace: PersonTrace): AssignmentIndex {
  const userId = key(trace.userId);
  const groupNames = new Map((trace.groups.ok ? trace.groups.value : []).map((g) => [key(g.id), g.displayName ?? g.id]));
  const directGroups = trace.directGroups.ok ? new Set(trace.directGroups.value.map((g) => key(g.id))) : null;

  const all: TraceAssignment[] = [...(trace.assignments.ok ? trace.assignments.value : []), ...trace.groupAssignments.flatMap((entry) => (entry.assignments.ok ? entry.assignments.value : []))];
  const direct = new Set<string>();
  const groupsOf = new Map<string, Map<string, AssignedGroup>>();
  const apps = new Map<string, string>();
  for (const assignment of all) {
    const app = key(assignment.resourceId);
    const principal = key(assignment.principalId ?? "");
    apps.set(app, apps.get(app) ?? assignment.resourceDisplayName ?? assignment.resourceId);
    if (principal === userId) {
      direct.add(app);
      continue;
    }
    if (assignment.principalType && assignment.principalType.toLowerCase() !== "group") continue;
    const groups = groupsOf.get(app) ?? new Map<string, AssignedGroup>();
    groups.set(principal, {
      id: assignment.principalId ?? "",
      displayName: groupNames.get(principal) ?? assignment.principalDisplayName ?? assignment.principalId ?? "an unnamed group",
      nested: directGroups ? !directGroups.has(principal) : null,
    });
    groupsOf.set(app, groups);
  }

  return {
    apps,
    of(servicePrincipalId) {
      const app = key(servicePrincipalId);
      const groups = [...(groupsOf.get(app)?.values() ?? [])].sort(byNearestThenName);
      const kind: AssignmentKind = direct.has(app) ? "direct" : groups.length ? "group" : "none";
      return { kind, groups, text: assignmentText(kind, groups) };
    },
  };
}
