import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GROUP, USER } from "@/lib/emulator/directory/ids";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { scanFleet, type FleetScan } from "@/lib/fleet/scan";
import { createGraphGateway, type GraphGateway } from "@/lib/graph/gateway";
import { provisionOnDemand } from "@/lib/graph/on-demand";
import { readJobSchema, readPersonTrace } from "@/lib/graph/person-trace";
import { toOnDemandResult } from "@/lib/logs/on-demand-result";
import { onDemandRules } from "@/lib/on-demand/rules";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { personApps, rowAttributes, withOnDemandResult, type PersonRow } from "./rows";

/** The seed tenant's people, traced over HTTP and read by lib/people as the People page reads them. */

let emulator: TestEmulator;
let graph: GraphGateway;
let fleet: FleetScan;

beforeAll(async () => {
  emulator = await startTestEmulator();
  const token = await emulator.token("admin");
  graph = createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: async () => token });
  fleet = await scanFleet(graph);
});
afterAll(() => emulator.close());

async function appsOf(userId: string) {
  const { trace } = await readPersonTrace(graph, userId);
  if (!trace.user.ok) throw new Error("the user could not be read");
  return personApps(trace, trace.user.value, fleet);
}
const rowOf = (rows: PersonRow[], spId: string) => {
  const row = rows.find((candidate) => candidate.servicePrincipalId === spId);
  if (!row) throw new Error(`no row for ${spId}: ${rows.map((r) => r.appName).join(", ")}`);
  return row;
};

async function provisionNow(row: PersonRow, userId: string) {
  const [rule] = onDemandRules(await readJobSchema(graph, row.servicePrincipalId, row.jobId));
  const answer = await provisionOnDemand(graph, row.servicePrincipalId, row.jobId, rule.id, { type: "user", id: userId });
  return withOnDemandResult(row, toOnDemandResult(answer!));
}

describe("the seed's people", () => {
  it("Nestor Wilke is assigned to nothing and has no events: no rows, every app with a job counted as not his", async () => {
    const apps = await appsOf(USER.nestorWilke);
    expect(apps.rows).toEqual([]);
    expect(apps.unconcerned).toBe(fleet.entries.length);
  });

  it("Tomás Ortega: AWS assigned directly, its create failed with MandatoryFieldsMissing and Microsoft's recommended action; no account there", async () => {
    const aws = rowOf((await appsOf(USER.tomasOrtega)).rows, SP.aws);
    expect(rowAttributes(aws)).toMatchObject({ "data-job": JOB.awsActive, "data-assignment": "direct", "data-in-scope": "true", "data-status": "failure", "data-action": "create" });
    expect(aws.event?.entry.error).toMatchObject({ code: "MandatoryFieldsMissing", recommendedAction: expect.stringContaining("required values are missing") });
    expect(aws.event?.targetId).toBeNull();
  });

  it("Jordan Reyes: Slack directly (provisioned); cross-tenant sync through Project Falcon, which its scoping filter keeps him out of", async () => {
    const { rows } = await appsOf(USER.jordanReyes);
    expect(rowAttributes(rowOf(rows, SP.slack))).toMatchObject({ "data-assignment": "direct", "data-in-scope": "true", "data-status": "success" });
    expect(rowOf(rows, SP.slack).event?.targetId).toMatch(/^[0-9a-f-]{36}$/);

    const crossTenant = rowOf(rows, SP.crossTenant);
    expect(crossTenant.assignment).toMatchObject({ kind: "group", groups: [{ id: GROUP.projectFalcon, nested: false }] });
    // The job never logged him (he is out of scope): only Provision now says why.
    expect(rowAttributes(crossTenant)).toMatchObject({ "data-in-scope": "unknown", "data-status": "none" });
    const after = await provisionNow(crossTenant, USER.jordanReyes);
    expect(rowAttributes(after)).toMatchObject({ "data-in-scope": "false", "data-status": "skipped" });
    expect(after.scope.text).toBe("Not in scope: the scoping filter keeps them out (“Members only” does not hold).");
  });

  it("Enrico Cattaneo is disabled: still in Slack's scope, and it is disabled there at the next cycle", async () => {
    const slack = rowOf((await appsOf(USER.enricoCattaneo)).rows, SP.slack);
    expect(slack.scope).toMatchObject({ inScope: true, text: expect.stringContaining("Account disabled in Entra ID: it is disabled in the app at the next cycle.") });
  });

  it("Megan Bowen reaches Slack only through Slack Users ⊃ Marketing: assigned through a nested group, so not in scope", async () => {
    const { rows } = await appsOf(USER.meganBowen);
    const slack = rowOf(rows, SP.slack);
    expect(rowAttributes(slack)).toMatchObject({ "data-assignment": "group", "data-in-scope": "false", "data-status": "none" });
    expect(slack.assignment.text).toBe("Assigned through group Slack Users, via nested membership");
    expect(rows).toHaveLength(1);
  });
});
