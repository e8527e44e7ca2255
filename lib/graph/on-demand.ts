import type { GraphGateway } from "./gateway";
import { jobPath } from "./service-principals";

/**
 * `POST …/jobs/{jobId}/provisionOnDemand` (SYNC-API §3.1): one rule, one subject — a user, or a group with the
 * members chosen for it (`links.members`, at most 5). Graph answers 200 with a stringKeyStringValuePair whose
 * halves are JSON strings (lib/logs/on-demand-result.ts reads them). Rate limit: 5 requests per 10 seconds.
 */

export type OnDemandSubject = { type: "user"; id: string } | { type: "group"; id: string; memberIds: string[] };

/** The answer as Graph sent it: both halves still JSON strings. */
export interface OnDemandAnswer {
  key: string;
  value: string;
}

export function onDemandBody(ruleId: string, subject: OnDemandSubject) {
  const objectTypeName = subject.type === "user" ? "User" : "Group";
  const links = subject.type === "group" ? { links: { members: subject.memberIds.map((objectId) => ({ objectId, objectTypeName: "User" })) } } : {};
  return { parameters: [{ ruleId, subjects: [{ objectId: subject.id, objectTypeName, ...links }] }] };
}

/** Sends it once (a POST is never retried by the gateway); null when the 200 is not a key/value pair. */
export async function provisionOnDemand(graph: GraphGateway, spId: string, jobId: string, ruleId: string, subject: OnDemandSubject): Promise<OnDemandAnswer | null> {
  const { data } = await graph.request<{ key?: unknown; value?: unknown } | undefined>({
    method: "POST",
    path: `${jobPath(spId, jobId)}/provisionOnDemand`,
    body: onDemandBody(ruleId, subject),
  });
  return typeof data?.key === "string" && typeof data.value === "string" ? { key: data.key, value: data.value } : null;
}
