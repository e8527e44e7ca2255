import { describe, expect, it } from "vitest";
import { createGraphGateway, GraphError } from "./gateway";
import { getProvisioningLogEntry, listProvisioningLogs } from "./provisioning-logs";

const ROOT = "https://graph.example/beta";

function fakeGraph(answer: (url: URL) => unknown) {
  const requested: URL[] = [];
  const fetch = (async (url: string) => {
    requested.push(new URL(url));
    return Response.json(answer(new URL(url)));
  }) as typeof globalThis.fetch;
  return { graph: createGraphGateway({ baseUrl: "https://graph.example", version: "beta", getToken: async () => "t", fetch }), requested };
}

describe("listProvisioningLogs", () => {
  it("always sends $top (Graph gives a nextLink only then), the filter when there is one, and follows the nextLink verbatim", async () => {
    const next = `${ROOT}/auditLogs/provisioning?$top=100&$skiptoken=abc`;
    const { graph, requested } = fakeGraph(() => ({ value: [{ id: "a" }], "@odata.nextLink": next }));
    const first = await listProvisioningLogs(graph, {});
    expect(requested[0].search).toBe("?$top=100");
    expect(first).toEqual({ value: [{ id: "a" }], nextLink: next, count: undefined });
    await listProvisioningLogs(graph, { filter: "jobId eq 'x'", top: 1000 });
    expect(requested[1].searchParams.get("$filter")).toBe("jobId eq 'x'");
    expect(requested[1].searchParams.get("$top")).toBe("1000");
    await listProvisioningLogs(graph, { nextLink: next });
    expect(requested[2].href).toBe(next);
  });

  it("refuses entries without an id: Graph answered something unexpected", async () => {
    const { graph } = fakeGraph(() => ({ value: [{ id: "a" }, { activityDateTime: "2026-12-01T00:00:00Z" }] }));
    const error = await listProvisioningLogs(graph, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).info).toMatchObject({ kind: "unexpected", code: "UnexpectedGraphAnswer" });
    expect((error as GraphError).info.message).toContain("the provisioning logs (at 1.id)");
  });
});

describe("getProvisioningLogEntry", () => {
  it("looks one entry up by the documented id filter, within a scope, quoted", async () => {
    const { graph, requested } = fakeGraph(() => ({ value: [{ id: "it's" }] }));
    expect(await getProvisioningLogEntry(graph, "it's", { within: "jobId eq 'j'" })).toEqual({ id: "it's" });
    expect(requested[0].searchParams.get("$filter")).toBe("(jobId eq 'j') and id eq 'it''s'");
    expect(requested[0].searchParams.get("$top")).toBe("1");
  });

  it("is null when no entry has that id", async () => {
    const { graph } = fakeGraph(() => ({ value: [] }));
    expect(await getProvisioningLogEntry(graph, "gone")).toBeNull();
  });
});
