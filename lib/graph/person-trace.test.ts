import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GROUP, USER } from "@/lib/emulator/directory/ids";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { createGraphGateway, type GraphGateway } from "./gateway";
import { latestPerJob, readPersonTrace } from "./person-trace";
import type { ProvisioningLogEntry } from "./provisioning-logs";

let emulator: TestEmulator;
let graph: GraphGateway;
/** The sub-requests of every `$batch` the gateway sent, in order. */
let batches: string[][];

function gatewayFor(token: string) {
  const fetch = (async (url: string, init?: RequestInit) => {
    if (url.endsWith("/$batch")) batches.push((JSON.parse(String(init?.body)) as { requests: { url: string }[] }).requests.map((r) => r.url));
    return globalThis.fetch(url, init);
  }) as typeof globalThis.fetch;
  return createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: async () => token, fetch });
}

beforeAll(async () => {
  // The clock stays stopped: the seeded history (each job's cycles up to now) is logged when the tenant is built.
  emulator = await startTestEmulator();
  graph = gatewayFor(await emulator.token("admin"));
});
afterAll(() => emulator.close());

const ids = <T extends { id: string }>(items: T[]) => items.map((item) => item.id);
const value = <T>(loaded: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!loaded.ok) throw new Error(`expected a value, got ${JSON.stringify(loaded.error)}`);
  return loaded.value;
};

describe("readPersonTrace (against the emulator)", () => {
  it("reads Megan Bowen in 2 round trips: one $batch of 5, then one $batch for her 3 groups' assignments", async () => {
    batches = [];
    await emulator.clearRequests();
    const { trace, requests, calls, roundTrips } = await readPersonTrace(graph, USER.meganBowen);

    expect(value(trace.user)).toMatchObject({ id: USER.meganBowen, displayName: "Megan Bowen", accountEnabled: true, userType: "Member" });
    // Marketing is hers; Slack Users only holds Marketing.
    expect(ids(value(trace.directGroups))).toContain(GROUP.marketing);
    expect(ids(value(trace.directGroups))).not.toContain(GROUP.slackUsers);
    expect(ids(value(trace.groups))).toEqual(expect.arrayContaining([GROUP.marketing, GROUP.slackUsers]));
    expect(value(trace.assignments)).toEqual([]);
    expect(value(trace.events)).toEqual([]);
    expect(trace.groupAssignments.map((entry) => entry.group.id).sort()).toEqual(ids(value(trace.groups)).sort());

    expect({ requests, calls, roundTrips }).toEqual({ requests: 8, calls: 2, roundTrips: 2 });
    expect(batches.map((batch) => batch.length)).toEqual([5, 3]);
    const me = `/users/${USER.meganBowen}`;
    expect(batches[0]).toEqual([
      `${me}?$select=id,displayName,userPrincipalName,mail,accountEnabled,userType`,
      `${me}/memberOf/microsoft.graph.group?$select=id,displayName`,
      `${me}/transitiveMemberOf/microsoft.graph.group?$select=id,displayName&$top=999`,
      `${me}/appRoleAssignments?$top=999`,
      `/auditLogs/provisioning?$top=500&$filter=${encodeURIComponent(`sourceIdentity/id eq '${USER.meganBowen}'`)}`,
    ]);
    expect(batches[1].every((url) => /^\/groups\/[0-9a-f-]{36}\/appRoleAssignments\?\$top=999$/.test(url))).toBe(true);
    // What the emulator saw: two calls, both $batch, and nothing else.
    expect((await emulator.requests()).map((r) => `${r.method} ${r.path}`)).toEqual(["POST /beta/$batch", "POST /beta/$batch"]);
  });

  it("finds Slack through the group Slack Users in round trip 2", async () => {
    const { trace } = await readPersonTrace(graph, USER.meganBowen);
    const slackUsers = trace.groupAssignments.find((entry) => entry.group.id === GROUP.slackUsers)!;
    expect(value(slackUsers.assignments).map((a) => a.resourceId)).toEqual([SP.slack]);
  });

  it("reads Tomás Ortega's latest AWS event (a failed create) once, though the log holds every cycle's", async () => {
    const { trace } = await readPersonTrace(graph, USER.tomasOrtega);
    const events = value(trace.events);
    expect(events.filter((event) => event.jobId === JOB.awsActive)).toHaveLength(1);
    const [aws] = events;
    expect(aws.servicePrincipal?.id).toBe(SP.aws);
    expect(aws.provisioningStatusInfo).toMatchObject({ status: "failure", errorInformation: { errorCode: "MandatoryFieldsMissing" } });
    const all = await emulator.call("GET", `/beta/auditLogs/provisioning?$top=50&$filter=${encodeURIComponent(`sourceIdentity/id eq '${USER.tomasOrtega}'`)}`);
    expect(all.body.value.length).toBeGreaterThan(1);
    expect(aws.id).toBe(all.body.value[0].id); // the newest
    // Assigned to AWS himself, and to cross-tenant sync through Project Falcon (a group of his).
    expect(value(trace.assignments).map((a) => [a.principalType, a.resourceId])).toEqual(
      expect.arrayContaining([
        ["User", SP.aws],
        ["Group", SP.crossTenant],
      ]),
    );
  });

  it("reads Nestor Wilke, assigned to nothing and never provisioned", async () => {
    const { trace, roundTrips } = await readPersonTrace(graph, USER.nestorWilke);
    expect(value(trace.assignments)).toEqual([]);
    expect(value(trace.events)).toEqual([]);
    expect(value(trace.groups).length).toBeGreaterThan(0);
    expect(roundTrips).toBe(2);
  });

  it("answers an unknown person with not-found for the user, in one round trip (no groups to read)", async () => {
    const { trace, roundTrips, requests } = await readPersonTrace(graph, "00000000-0000-4000-8000-000000000000");
    expect(trace.user).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect({ roundTrips, requests }).toEqual({ roundTrips: 1, requests: 5 });
  });

  it("without AuditLog.Read.All, only the logs are refused (403): the rest of the trace is read", async () => {
    const token = await emulator.token("admin", { scopes: ["Application.Read.All", "Synchronization.Read.All", "Directory.Read.All"] });
    const { trace } = await readPersonTrace(gatewayFor(token), USER.tomasOrtega);
    expect(trace.events).toMatchObject({ ok: false, error: { kind: "forbidden", status: 403 } });
    expect(value(trace.user).displayName).toBe("Tomás Ortega");
  });
});

describe("round trip 2 with many groups (a Graph that answers every request)", () => {
  const groups = Array.from({ length: 45 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, displayName: `Group ${i}` }));
  function fakeGraph(options: { failBatch?: number } = {}) {
    const sent: string[][] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const fetch = (async (_url: string, init?: RequestInit) => {
      const { requests } = JSON.parse(String(init?.body)) as { requests: { id: string; url: string }[] };
      const index = sent.push(requests.map((r) => r.url)) - 1;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      if (index === options.failBatch) return Response.json({ error: { code: "BadRequest", message: "no" } }, { status: 400 });
      const body = (url: string) =>
        url.includes("transitiveMemberOf") ? { value: groups } : url.startsWith("/groups/") ? { value: [{ id: `a-${url.split("/")[2]}`, resourceId: "sp", principalType: "Group" }] } : url.includes("?$select=id,") ? { id: "u" } : { value: [] };
      return Response.json({ responses: requests.map((r) => ({ id: r.id, status: 200, body: body(r.url) })) });
    }) as typeof globalThis.fetch;
    return { graph: createGraphGateway({ baseUrl: "https://graph.example", version: "beta", getToken: async () => "t", fetch }), sent, maxInFlight: () => maxInFlight };
  }

  it("sends the groups 20 to a $batch, all batches at once, and counts every request", async () => {
    const { graph, sent, maxInFlight } = fakeGraph();
    const read = await readPersonTrace(graph, "u");
    expect(sent.map((batch) => batch.length)).toEqual([5, 20, 20, 5]);
    expect(maxInFlight()).toBe(3);
    expect({ requests: read.requests, calls: read.calls, roundTrips: read.roundTrips }).toEqual({ requests: 50, calls: 4, roundTrips: 2 });
    expect(read.trace.groupAssignments).toHaveLength(45);
    expect(read.trace.groupAssignments.every((entry) => entry.assignments.ok)).toBe(true);
  });

  it("a $batch refused as a whole fails its 20 groups only", async () => {
    const { graph } = fakeGraph({ failBatch: 2 });
    const { trace } = await readPersonTrace(graph, "u");
    const failed = trace.groupAssignments.filter((entry) => !entry.assignments.ok);
    expect(failed).toHaveLength(20);
    expect(failed[0].assignments).toMatchObject({ ok: false, error: { kind: "bad-request", status: 400 } });
  });
});

describe("latestPerJob", () => {
  const entry = (id: string, sp: string | null, jobId: string | null) => ({ id, servicePrincipal: sp ? { id: sp } : null, jobId }) as ProvisioningLogEntry;
  it("keeps the first (newest) entry of each service principal and job, matching SP ids in any case", () => {
    const entries = [entry("1", "SP-A", "j1"), entry("2", "sp-a", "j1"), entry("3", "sp-a", "j2"), entry("4", "sp-b", "j1"), entry("5", null, "j1"), entry("6", "sp-c", null)];
    expect(latestPerJob(entries).map((e) => e.id)).toEqual(["1", "3", "4"]);
  });
});
