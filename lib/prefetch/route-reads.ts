import type { QueryClient } from "@tanstack/react-query";
import type { TokenSources } from "@/lib/auth/call-with-token";
import type { GraphPurpose } from "@/lib/config/graph-purpose";
import type { GraphGateway } from "@/lib/graph/gateway";
import { fleetScanRead, jobOverviewRead, personTraceRead, servicePrincipalOverviewRead } from "@/lib/query/page-reads";
import { jobRouteIds, routeGuid, servicePrincipalId, userId } from "@/lib/validation/ids";

/** How a read reaches Graph: a gateway, or the tokens themselves (the fleet scan goes through the console's server). */
export interface ReadSources {
  graph: (purpose: GraphPurpose) => GraphGateway;
  tokens: (purpose: GraphPurpose) => TokenSources;
}

type StartReads = (client: QueryClient, sources: ReadSources, segments: string[]) => void;

const fleet: StartReads = (client, { tokens }) => void client.prefetchQuery(fleetScanRead(tokens("manage")));

/** Each page's first Graph reads, by its path; ids checked as its page.tsx checks them, so a malformed one never reaches Graph. */
const PAGES: [RegExp, StartReads][] = [
  [/^\/(?:jobs)?$/, fleet],
  [
    /^\/service-principals\/([^/]+)$/,
    (client, { graph }, [id]) => {
      const spId = routeGuid(servicePrincipalId, id);
      if (spId) void client.prefetchQuery(servicePrincipalOverviewRead(graph("manage"), spId));
    },
  ],
  [
    // The job page and those of its pages that open on the job's overview (JobOverviewGate).
    /^\/service-principals\/([^/]+)\/jobs\/([^/]+)(?:\/(?:configure|provision|mappings))?$/,
    (client, { graph }, [id, job]) => {
      // A job id's characters never need encoding: an encoded segment is refused here and left to the page.
      const ids = jobRouteIds(id, job);
      if (ids) void client.prefetchQuery(jobOverviewRead(graph("manage"), ids.servicePrincipalId, ids.jobId));
    },
  ],
  [
    /^\/people\/([^/]+)$/,
    (client, sources, [id]) => {
      const person = routeGuid(userId, id);
      if (!person) return;
      void client.prefetchQuery(personTraceRead(sources.graph("logs"), person));
      fleet(client, sources, []);
    },
  ],
];

/** Starts, into `client`, the Graph reads the page at `pathname` begins with; none for a page not listed or a malformed id. */
export function startRouteReads(client: QueryClient, pathname: string, sources: ReadSources): void {
  for (const [pattern, start] of PAGES) {
    const match = pattern.exec(pathname);
    if (match) {
      start(client, sources, match.slice(1));
      return;
    }
  }
}
