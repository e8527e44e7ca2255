import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { GraphPurpose } from "@/lib/config/graph-purpose";
import type { GraphGateway } from "@/lib/graph/gateway";
import { queryKeys } from "@/lib/query/keys";
import { startRouteReads, type ReadSources } from "./route-reads";

const SP = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01";
const USER = "b840850c-63ff-55b1-8edd-695bc4a9161f";
const JOB = "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01";

/** Graph and the token calls are outside what is tested: they never answer, and say who asked with which purpose. */
function recordingSources() {
  const purposes: string[] = [];
  const never = () => new Promise<never>(() => {});
  const gateway = new Proxy({}, { get: () => never }) as GraphGateway;
  const sources: ReadSources = {
    graph: (purpose: GraphPurpose) => (purposes.push(`graph:${purpose}`), gateway),
    tokens: (purpose: GraphPurpose) => (purposes.push(`tokens:${purpose}`), { getToken: never, refreshToken: never }),
  };
  return { sources, purposes };
}

function started(pathname: string) {
  const client = new QueryClient();
  const { sources, purposes } = recordingSources();
  startRouteReads(client, pathname, sources);
  const queries = client.getQueryCache().findAll();
  expect(queries.every((query) => query.state.fetchStatus === "fetching")).toBe(true);
  return { keys: queries.map((query) => query.queryKey), purposes };
}

describe("startRouteReads", () => {
  it.each(["/", "/jobs"])("starts the fleet scan on %s, with the manage token", (path) => {
    expect(started(path)).toEqual({ keys: [queryKeys.fleet()], purposes: ["tokens:manage"] });
  });

  it("starts the SP page's $batch under the key its page uses (the id in lower case)", () => {
    expect(started(`/service-principals/${SP.toUpperCase()}`)).toEqual({ keys: [queryKeys.servicePrincipalOverview(SP)], purposes: ["graph:manage"] });
  });

  it.each(["", "/configure", "/provision", "/mappings"])("starts the job's overview on the job page%s", (tail) => {
    expect(started(`/service-principals/${SP}/jobs/${JOB}${tail}`).keys).toEqual([queryKeys.jobOverview(SP, JOB)]);
  });

  it("starts a person's trace with the logs' token, and the fleet scan their apps are read against", () => {
    expect(started(`/people/${USER}`)).toEqual({ keys: [queryKeys.personTrace(USER), queryKeys.fleet()], purposes: ["graph:logs", "tokens:manage"] });
  });

  it.each([
    "/service-principals/not-a-guid",
    `/service-principals/${SP}/jobs/a%2Fb`,
    `/service-principals/${SP}/jobs/..`,
    "/people/42",
    `/people/${USER}/extra`,
  ])("sends nothing to Graph for a malformed id: %s", (path) => {
    expect(started(path)).toEqual({ keys: [], purposes: [] });
  });

  it.each(["/service-principals", "/people", "/logs", `/service-principals/${SP}/jobs/${JOB}/logs`, "/auth/bridge"])("leaves %s to its page", (path) => {
    expect(started(path).keys).toEqual([]);
  });
});
