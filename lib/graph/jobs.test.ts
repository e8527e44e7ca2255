import { describe, expect, it } from "vitest";
import { createGraphGateway } from "./gateway";
import { listJobs } from "./jobs";

const ROOT = "https://graph.example/beta";

/** A Graph that pages the SP's jobs one per page; `pages` of them, or endlessly. */
function pagingGraph(pages: number) {
  const requested: string[] = [];
  const fetch = (async (url: string) => {
    requested.push(url);
    const n = Number(new URL(url).searchParams.get("$skiptoken") ?? 0);
    const next = n + 1 < pages ? `${ROOT}/servicePrincipals/sp/synchronization/jobs?$skiptoken=${n + 1}` : undefined;
    return Response.json({ value: [{ id: `job.${n}` }], ...(next ? { "@odata.nextLink": next } : {}) });
  }) as typeof globalThis.fetch;
  return { graph: createGraphGateway({ baseUrl: "https://graph.example", version: "beta", getToken: async () => "t", fetch }), requested };
}

describe("listJobs", () => {
  it("follows @odata.nextLink to the last page", async () => {
    const { graph, requested } = pagingGraph(3);
    expect((await listJobs(graph, "sp")).map((job) => job.id)).toEqual(["job.0", "job.1", "job.2"]);
    expect(requested[0]).toBe(`${ROOT}/servicePrincipals/sp/synchronization/jobs`);
  });

  it("stops after 20 pages when Graph never stops paging", async () => {
    const { graph, requested } = pagingGraph(Infinity);
    expect(await listJobs(graph, "sp")).toHaveLength(20);
    expect(requested).toHaveLength(20);
  });
});
