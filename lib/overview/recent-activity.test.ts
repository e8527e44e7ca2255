import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { createGraphGateway, type GraphGateway } from "@/lib/graph/gateway";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { recentProvisioningAudits } from "@/lib/graph/directory-audits";
import { RECENT_ACTIVITY_COUNT, toRecentActivityRow, type RecentAudit } from "./recent-activity";

const now = new Date("2026-12-01T12:00:00Z");
const audit = (targetResources: RecentAudit["targetResources"]): RecentAudit => ({
  id: "a",
  activityDisplayName: "Disable/pause provisioning configuration",
  activityDateTime: "2026-12-01T11:30:00Z",
  result: "success",
  initiatedBy: { user: { displayName: "Adele Vance", userPrincipalName: "adele@contoso.example" } },
  additionalDetails: [{ key: "JobId", value: "Box.1" }],
  targetResources,
});

describe("toRecentActivityRow", () => {
  it("says who did what, when, to which app (a link to its page)", () => {
    const row = toRecentActivityRow(audit([{ id: "sp-1", displayName: "Box", type: "ServicePrincipal" }]), now);
    expect(row).toMatchObject({ who: "Adele Vance (adele@contoso.example)", activity: "Disable/pause provisioning configuration", jobId: "Box.1", when: { text: "30 minutes ago" } });
    expect(row.app).toEqual({ id: "sp-1", name: "Box", href: "/service-principals/sp-1" });
  });

  it("links only to a service principal, named by its id when it has no name", () => {
    expect(toRecentActivityRow(audit([{ id: "u-1", displayName: "Someone", type: "User" }]), now).app).toBeNull();
    expect(toRecentActivityRow(audit([{ id: "sp/2", type: "ServicePrincipal" }]), now).app).toEqual({ id: "sp/2", name: "sp/2", href: "/service-principals/sp%2F2" });
    expect(toRecentActivityRow(audit(null), now).app).toBeNull();
  });
});

describe("recentProvisioningAudits (against the emulator)", () => {
  let emulator: TestEmulator;
  let graph: GraphGateway;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    const token = await emulator.token("admin");
    graph = createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: async () => token });
  });
  afterAll(() => emulator.close());

  it("reads the tenant's latest provisioning audits, newest first, as the emulator lists them", async () => {
    const pause = await emulator.call("POST", `/beta/servicePrincipals/${SP.slack}/synchronization/jobs/${encodeURIComponent(JOB.slackActive)}/pause`);
    expect(pause.status).toBe(204);
    const audits = await recentProvisioningAudits(graph, { top: RECENT_ACTIVITY_COUNT });
    const listed = (await emulator.call("GET", `/beta/auditLogs/directoryAudits?$top=50`)).body.value as { id: string; loggedByService: string }[];
    expect(audits.map((a) => a.id)).toEqual(listed.filter((a) => a.loggedByService === "Account Provisioning").slice(0, RECENT_ACTIVITY_COUNT).map((a) => a.id));
    expect(audits).toHaveLength(RECENT_ACTIVITY_COUNT);
    const [latest] = audits.map((a) => toRecentActivityRow(a, new Date()));
    expect(latest).toMatchObject({ activity: "Disable/pause provisioning configuration", app: { id: SP.slack, name: "Slack" } });
  });
});
