import type { ServicePrincipal, SynchronizationJob, SynchronizationSchema } from "@microsoft/microsoft-graph-types-beta";
import { segment, type GraphGateway } from "./gateway";
import { jobPath, type Loaded } from "./service-principals";

export interface JobOverview {
  servicePrincipal: Loaded<Pick<ServicePrincipal, "id" | "displayName" | "appId">>;
  job: Loaded<SynchronizationJob>;
  schema: Loaded<SynchronizationSchema>;
}

/** One job in full with its service principal's name and its schema, in one Graph round trip. */
export async function jobOverview(graph: GraphGateway, spId: string, jobId: string): Promise<JobOverview> {
  const results = await graph.batch([
    { id: "sp", method: "GET", url: `/servicePrincipals/${segment(spId)}?$select=id,displayName,appId` },
    { id: "job", method: "GET", url: jobPath(spId, jobId) },
    { id: "schema", method: "GET", url: `${jobPath(spId, jobId)}/schema` },
  ]);
  const [sp, job, schema] = results.map((r) => (r.ok ? { ok: true as const, value: r.data } : { ok: false as const, error: r.error }));
  return {
    servicePrincipal: sp as JobOverview["servicePrincipal"],
    job: job as Loaded<SynchronizationJob>,
    schema: schema as Loaded<SynchronizationSchema>,
  };
}

/** The job alone, for polling its status. */
export function getJob(graph: GraphGateway, spId: string, jobId: string): Promise<SynchronizationJob> {
  return graph.get<SynchronizationJob>(jobPath(spId, jobId));
}
