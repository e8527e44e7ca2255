import { queryOptions } from "@tanstack/react-query";
import type { TokenSources } from "@/lib/auth/call-with-token";
import { setScanProgress } from "@/lib/fleet/scan-progress";
import { scanFleetThroughConsole } from "@/lib/fleet/scan-through-console";
import type { GraphGateway } from "@/lib/graph/gateway";
import { jobOverview } from "@/lib/graph/jobs";
import { readPersonTrace } from "@/lib/graph/person-trace";
import { servicePrincipalOverview } from "@/lib/graph/service-principals";
import { queryKeys } from "./keys";

/*
 * The first Graph read of each page, as TanStack Query options: the page's hook and the read started before
 * React (lib/prefetch) use the same key, function and freshness, so the page finds that read in flight or done.
 */

/** The SP page's one `$batch` (SP, templates, jobs). */
export const servicePrincipalOverviewRead = (graph: GraphGateway, spId: string) =>
  queryOptions({ queryKey: queryKeys.servicePrincipalOverview(spId), queryFn: () => servicePrincipalOverview(graph, spId), staleTime: Infinity });

/** A job's `$batch` (app, job, schema, configuration), shared by its pages. */
export const jobOverviewRead = (graph: GraphGateway, spId: string, jobId: string) =>
  queryOptions({ queryKey: queryKeys.jobOverview(spId, jobId), queryFn: () => jobOverview(graph, spId, jobId), staleTime: Infinity });

/** One person's trace, with the logs' token: AuditLog.Read.All + Directory.Read.All also cover the user, their groups and assignments. */
export const personTraceRead = (graph: GraphGateway, userId: string) =>
  queryOptions({ queryKey: queryKeys.personTrace(userId), queryFn: () => readPersonTrace(graph, userId) });

/** A scan costs SP pages + SPs/20 requests: keep it for 5 minutes, and never rescan on focus or by polling. */
const FLEET_STALE_MS = 5 * 60_000;
const FLEET_GC_MS = 30 * 60_000;

/** The tenant-wide fleet scan through the console's server, its progress in lib/fleet/scan-progress.ts. */
export const fleetScanRead = ({ getToken, refreshToken }: TokenSources) =>
  queryOptions({
    queryKey: queryKeys.fleet(),
    queryFn: ({ signal }) => {
      setScanProgress(null);
      // The console's server sends progress at most every 100 ms.
      return scanFleetThroughConsole({ getToken, refreshToken, signal, onProgress: setScanProgress });
    },
    staleTime: FLEET_STALE_MS,
    gcTime: FLEET_GC_MS,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
