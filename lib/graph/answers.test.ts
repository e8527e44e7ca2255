import { describe, expect, it } from "vitest";
import { createGraphGateway } from "./gateway";
import { GraphError } from "./graph-error";
import { getJob, listJobs } from "./jobs";
import { servicePrincipalOverview } from "./service-principals";

/** A Graph that answers every GET (and every $batch item) with `body`. */
function graphAnswering(body: unknown) {
  const fetch = (async (url: string, init?: RequestInit) => {
    if (url.endsWith("/$batch")) {
      const { requests } = JSON.parse(String(init?.body)) as { requests: { id: string }[] };
      return Response.json({ responses: requests.map((request) => ({ id: request.id, status: 200, body })) });
    }
    return Response.json(body);
  }) as typeof globalThis.fetch;
  return createGraphGateway({ baseUrl: "https://graph.example", version: "beta", getToken: async () => "t", fetch });
}

describe("Graph answers are checked where the console relies on them", () => {
  it("a job without an id is 'Graph answered something unexpected', not a crash later", async () => {
    const failure = await getJob(graphAnswering({ status: { code: "Active" } }), "sp", "job").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphError);
    expect((failure as GraphError).info).toMatchObject({ kind: "unexpected", code: "UnexpectedGraphAnswer" });
    expect((failure as GraphError).info.message).toMatch(/unexpected for the job \(at id\): expected string\./);
  });

  it("a collection whose value is not a list fails the same way", async () => {
    await expect(listJobs(graphAnswering({ value: { id: "x" } }), "sp")).rejects.toMatchObject({ info: { code: "UnexpectedGraphAnswer" } });
  });

  it("in a $batch, each answer is checked on its own", async () => {
    const overview = await servicePrincipalOverview(graphAnswering({ id: "sp", displayName: "Box", value: [{ id: "BoxOutDelta" }] }), "sp");
    expect(overview.servicePrincipal).toMatchObject({ ok: true, value: { id: "sp", displayName: "Box" } });
    expect(overview.templates).toEqual({ ok: true, value: [{ id: "BoxOutDelta" }] });
    const broken = await servicePrincipalOverview(graphAnswering({ displayName: 5 }), "sp");
    expect(broken.servicePrincipal).toMatchObject({ ok: false, error: { code: "UnexpectedGraphAnswer" } });
    expect(broken.jobs).toMatchObject({ ok: false, error: { code: "UnexpectedGraphAnswer" } });
  });

  it("keeps every property Graph sent, not only the checked ones", async () => {
    const job = await getJob(graphAnswering({ id: "j", templateId: "t", synchronization: { extra: 1 }, status: { code: "Active", countSuccessiveCompleteFailures: 0 } }), "sp", "j");
    expect(job).toEqual({ id: "j", templateId: "t", synchronization: { extra: 1 }, status: { code: "Active", countSuccessiveCompleteFailures: 0 } });
  });
});
