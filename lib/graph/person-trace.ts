import type { SynchronizationSchema } from "@microsoft/microsoft-graph-types-beta";
import * as z from "zod/mini";
import { listOf, loadedAnswer, parseAnswer, provisioningEntryAnswer, schemaAnswer, type Loaded } from "./answers";
import type { DirectoryUser } from "./directory-search";
import { MAX_BATCH_SIZE, segment, type BatchRequest, type BatchResult, type GraphGateway } from "./gateway";
import { isAbortError, toErrorInfo } from "./graph-error";
import { odataString } from "./odata";
import type { ProvisioningLogEntry } from "./provisioning-logs";
import { jobPath } from "./service-principals";

/**
 * One person's provisioning trace, in two round trips after the token: one `$batch` for the user, their direct
 * and transitive groups, their app role assignments and their provisioning log entries; then the app role
 * assignments of each transitive group, 20 groups a `$batch`, all sent at once. lib/people reads the answers.
 */

/** Graph's largest page for directory collections; a person in more groups than this is read in part (`truncated`). */
export const TRACE_PAGE_SIZE = 999;
/** The newest provisioning log entries read for the person (30 days at most: Graph's retention). */
export const TRACE_LOG_ENTRIES = 500;

const USER_SELECT = "id,displayName,userPrincipalName,mail,accountEnabled,userType";

const user = z.looseObject({
  id: z.string().check(z.minLength(1)),
  displayName: z.nullish(z.string()),
  userPrincipalName: z.nullish(z.string()),
  mail: z.nullish(z.string()),
  accountEnabled: z.nullish(z.boolean()),
  userType: z.nullish(z.string()),
}) as unknown as z.ZodMiniType<DirectoryUser>;

const group = z.looseObject({ id: z.string().check(z.minLength(1)), displayName: z.nullish(z.string()) });
const assignment = z.looseObject({
  id: z.string().check(z.minLength(1)),
  principalId: z.nullish(z.string()),
  principalType: z.nullish(z.string()),
  principalDisplayName: z.nullish(z.string()),
  resourceId: z.string().check(z.minLength(1)),
  resourceDisplayName: z.nullish(z.string()),
});

export type TraceGroup = z.infer<typeof group>;
export type TraceAssignment = z.infer<typeof assignment>;

export interface GroupAssignments {
  group: TraceGroup;
  assignments: Loaded<TraceAssignment[]>;
}

export interface PersonTrace {
  userId: string;
  user: Loaded<DirectoryUser>;
  /** Groups the person is a direct member of. */
  directGroups: Loaded<TraceGroup[]>;
  /** Every group the person is in, through nesting too. */
  groups: Loaded<TraceGroup[]>;
  /** `/users/{id}/appRoleAssignments`: their own (Graph's page adds those of their direct groups). */
  assignments: Loaded<TraceAssignment[]>;
  /** Round trip 2: the app role assignments of each of `groups`. */
  groupAssignments: GroupAssignments[];
  /** The newest provisioning log entry per service principal and job whose source is the person. */
  events: Loaded<ProvisioningLogEntry[]>;
  /** Answers that had more than one page: what was read is the first page. */
  truncated: { groups: boolean; assignments: boolean; events: boolean };
}

export interface PersonTraceRead {
  trace: PersonTrace;
  /** Graph requests sent, each request of a `$batch` counted (the token and the fleet scan are not). */
  requests: number;
  /** HTTP calls: one `$batch` each. */
  calls: number;
  roundTrips: number;
}

const hasNextLink = (result: BatchResult<unknown>) => result.ok && typeof (result.data as Record<string, unknown> | null)?.["@odata.nextLink"] === "string";

/** Graph lists entries newest first: the first of each service principal and job is its latest. */
export function latestPerJob(entries: readonly ProvisioningLogEntry[]): ProvisioningLogEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const spId = entry.servicePrincipal?.id?.toLowerCase();
    if (!spId || !entry.jobId) return false;
    const key = `${spId}|${entry.jobId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function personRequests(userId: string): BatchRequest[] {
  const path = `/users/${segment(userId)}`;
  return [
    { id: "user", method: "GET", url: `${path}?$select=${USER_SELECT}` },
    { id: "memberOf", method: "GET", url: `${path}/memberOf/microsoft.graph.group?$select=id,displayName` },
    { id: "transitiveMemberOf", method: "GET", url: `${path}/transitiveMemberOf/microsoft.graph.group?$select=id,displayName&$top=${TRACE_PAGE_SIZE}` },
    { id: "appRoleAssignments", method: "GET", url: `${path}/appRoleAssignments?$top=${TRACE_PAGE_SIZE}` },
    {
      id: "events",
      method: "GET",
      url: `/auditLogs/provisioning?$top=${TRACE_LOG_ENTRIES}&$filter=${encodeURIComponent(`sourceIdentity/id eq ${odataString(userId)}`)}`,
    },
  ];
}

const chunks = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Each group's assignments; a `$batch` that fails as a whole fails for its groups only. */
async function readGroupAssignments(graph: GraphGateway, groups: readonly TraceGroup[]): Promise<{ results: GroupAssignments[]; truncated: boolean }> {
  const answers = await Promise.all(
    chunks(groups, MAX_BATCH_SIZE).map(async (part) => {
      const requests = part.map((g, index): BatchRequest => ({ id: String(index), method: "GET", url: `/groups/${segment(g.id)}/appRoleAssignments?$top=${TRACE_PAGE_SIZE}` }));
      try {
        const results = await graph.batch(requests);
        return results.map((result, index) => ({ group: part[index], result }));
      } catch (error) {
        if (isAbortError(error)) throw error;
        const info = toErrorInfo(error);
        return part.map((g) => ({ group: g, result: { id: g.id, ok: false, error: info } as BatchResult<unknown> }));
      }
    }),
  );
  const flat = answers.flat();
  return {
    results: flat.map(({ group: g, result }) => ({ group: g, assignments: loadedAnswer(result, listOf(assignment), `the app role assignments of the group ${g.displayName ?? g.id}`) })),
    truncated: flat.some(({ result }) => hasNextLink(result)),
  };
}

export async function readPersonTrace(graph: GraphGateway, userId: string): Promise<PersonTraceRead> {
  const first = personRequests(userId);
  const [userResult, memberOf, transitive, assignments, events] = await graph.batch(first);
  const groups = loadedAnswer(transitive, listOf(group), "the person's groups");
  const nested = groups.ok && groups.value.length > 0 ? await readGroupAssignments(graph, groups.value) : { results: [], truncated: false };
  const loadedEvents = loadedAnswer(events, listOf(provisioningEntryAnswer), "the person's provisioning log entries");
  const groupCount = nested.results.length;
  return {
    trace: {
      userId,
      user: loadedAnswer(userResult, user, "the user"),
      directGroups: loadedAnswer(memberOf, listOf(group), "the person's direct groups"),
      groups,
      assignments: loadedAnswer(assignments, listOf(assignment), "the person's app role assignments"),
      groupAssignments: nested.results,
      events: loadedEvents.ok ? { ok: true, value: latestPerJob(loadedEvents.value) } : loadedEvents,
      truncated: { groups: hasNextLink(transitive), assignments: hasNextLink(assignments) || nested.truncated, events: hasNextLink(events) },
    },
    requests: first.length + groupCount,
    calls: 1 + Math.ceil(groupCount / MAX_BATCH_SIZE),
    roundTrips: groupCount > 0 ? 2 : 1,
  };
}

/** A job's schema, for its rules (Provision now runs the first one that supports on demand). */
export async function readJobSchema(graph: GraphGateway, spId: string, jobId: string): Promise<SynchronizationSchema> {
  return parseAnswer(schemaAnswer, await graph.get<unknown>(`${jobPath(spId, jobId)}/schema`), "the job's schema");
}
