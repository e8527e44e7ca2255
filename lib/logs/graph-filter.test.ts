import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleProvisioningEvent } from "@/lib/emulator/logs/sample";
import type { ProvisioningEvent } from "@/lib/emulator/logs/types";
import { createGraphGateway } from "@/lib/graph/gateway";
import { getProvisioningLogEntry, listProvisioningLogs, LOGS_MAX_PAGE_SIZE } from "@/lib/graph/provisioning-logs";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { NO_FILTERS, type LogFilters, type LogsScope } from "./filters";
import { scopeFilter, toGraphFilter } from "./graph-filter";

const NOW = new Date("2026-12-01T12:00:00.000Z");
const SP_ID = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c01";
const OTHER_SP = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c02";
const JOB_ID = "scim.0f1e2d3c4b5a69788796a5b4c3d2e101";
const OTHER_JOB = "scim.0f1e2d3c4b5a69788796a5b4c3d2e102";
const JOB: LogsScope = { kind: "job", servicePrincipalId: SP_ID, jobId: JOB_ID };
const TENANT: LogsScope = { kind: "tenant" };
const f = (filters: Partial<LogFilters>): LogFilters => ({ ...NO_FILTERS, ...filters });

describe("toGraphFilter", () => {
  it("sends nothing for the tenant without filters, and the job's clauses first on a job's page", () => {
    expect(toGraphFilter(NO_FILTERS, TENANT, NOW)).toBeUndefined();
    expect(toGraphFilter(f({ status: "failure" }), JOB, NOW)).toBe(
      `jobId eq '${JOB_ID}' and servicePrincipal/id eq '${SP_ID}' and provisioningStatusInfo/status eq 'failure'`,
    );
  });

  it("uses only the documented forms, every value quoted with its quotes doubled", () => {
    expect(toGraphFilter(f({ search: "O'Brien", action: "stagedDelete", cycleId: "c.1", jobId: "j.1", servicePrincipalId: SP_ID }), TENANT, NOW)).toBe(
      `jobId eq 'j.1' and servicePrincipal/id eq '${SP_ID}' and cycleId eq 'c.1' and provisioningAction eq 'stagedDelete' and ` +
        `(contains(sourceIdentity/displayName,'O''Brien') or contains(targetIdentity/displayName,'O''Brien') or sourceIdentity/id eq 'O''Brien' or targetIdentity/id eq 'O''Brien' or changeId eq 'O''Brien')`,
    );
  });

  it("turns time ranges into activityDateTime gt/lt (the operators Graph documents for it)", () => {
    expect(toGraphFilter(f({ range: "24h" }), TENANT, NOW)).toBe("activityDateTime gt 2026-11-30T12:00:00.000Z");
    expect(toGraphFilter(f({ range: "30d" }), TENANT, NOW)).toBe("activityDateTime gt 2026-11-01T12:00:00.000Z");
    expect(toGraphFilter(f({ range: "custom", from: "2026-11-30T08:00", to: "2026-11-30T09:30" }), TENANT, NOW)).toBe(
      "activityDateTime gt 2026-11-30T07:59:59.999Z and activityDateTime lt 2026-11-30T09:31:00.000Z",
    );
  });
});

describe("filters against the emulator's provisioning logs", () => {
  let emulator: TestEmulator;
  let now: number;
  const events: ProvisioningEvent[] = [];
  const add = (event: ProvisioningEvent) => {
    events.push(event);
    expect(emulator.instance.state.tenant.provisioningLog.add(event)).toBe(true);
  };

  beforeAll(async () => {
    emulator = await startTestEmulator();
    now = emulator.instance.state.clock.now();
    const sp = { id: SP_ID, displayName: "Filter Test App" };
    // 48 entries, one every 5 hours (10 days), every status and action; then a few that differ in one way each.
    for (let n = 0; n < 48; n++) add(sampleProvisioningEvent(n, { at: now - n * 5 * 3_600_000, jobId: JOB_ID, servicePrincipal: sp, cycle: n % 3 }));
    const special = (n: number, change: (event: ProvisioningEvent) => ProvisioningEvent) =>
      add(change(sampleProvisioningEvent(n, { at: now - n * 60_000, jobId: JOB_ID, servicePrincipal: sp })));
    special(100, (e) => ({ ...e, sourceIdentity: { ...e.sourceIdentity, displayName: "Seán O'Brien" } }));
    special(101, (e) => ({ ...e, targetIdentity: { ...e.targetIdentity, displayName: "obrien@target.example", id: "target-obrien" } }));
    add(sampleProvisioningEvent(200, { at: now - 1_000, jobId: OTHER_JOB, servicePrincipal: sp }));
    add(sampleProvisioningEvent(201, { at: now - 2_000, jobId: OTHER_JOB, servicePrincipal: { id: OTHER_SP, displayName: "Other App" } }));
  });
  afterAll(() => emulator.close());

  describe.each(["beta", "v1.0"] as const)("on %s", (version) => {
    const graph = () => createGraphGateway({ baseUrl: emulator.url, version, getToken: () => emulator.token("auditor") });

    async function changeIdsOf(filters: Partial<LogFilters>, scope: LogsScope) {
      const page = await listProvisioningLogs(graph(), { filter: toGraphFilter(f(filters), scope, new Date(now)), top: LOGS_MAX_PAGE_SIZE });
      return page.value.map((entry) => entry.changeId);
    }
    const inJob = (event: ProvisioningEvent) => event.jobId === JOB_ID && event.servicePrincipal.id === SP_ID;
    /** The change ids the emulator must answer, newest first. */
    const expected = (keep: (event: ProvisioningEvent) => boolean) =>
      events
        .filter(keep)
        .sort((a, b) => b.activityDateTime - a.activityDateTime)
        .map((event) => event.changeId);

    it("scope: one job's entries, newest first", async () => {
      expect(await changeIdsOf({}, JOB)).toEqual(expected(inJob));
    });

    it.each(["success", "failure", "skipped", "warning"] as const)("status %s", async (status) => {
      const ids = await changeIdsOf({ status }, JOB);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(expected((e) => inJob(e) && e.status === status));
    });

    it.each(["create", "update", "delete", "disable", "stagedDelete", "other"] as const)("action %s", async (action) => {
      const ids = await changeIdsOf({ action }, JOB);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(expected((e) => inJob(e) && e.action === action));
    });

    it("search: part of a name on either side, with a quote in it", async () => {
      expect(await changeIdsOf({ search: "O'Brien" }, JOB)).toEqual(expected((e) => inJob(e) && e.sourceIdentity.displayName === "Seán O'Brien"));
      expect(await changeIdsOf({ search: "obrien@" }, JOB)).toEqual(expected((e) => inJob(e) && e.targetIdentity.id === "target-obrien"));
      expect(await changeIdsOf({ search: "User 1" }, JOB)).toEqual(expected((e) => inJob(e) && e.sourceIdentity.displayName.includes("User 1")));
    });

    it("search is case-sensitive, as Graph documents", async () => {
      expect(await changeIdsOf({ search: "o'brien" }, JOB)).toEqual([]);
    });

    it("search: exactly a source id, a target id or a change id", async () => {
      const one = events[7];
      expect(await changeIdsOf({ search: one.sourceIdentity.id }, JOB)).toEqual([one.changeId]);
      expect(await changeIdsOf({ search: "target-obrien" }, JOB)).toEqual(expected((e) => e.targetIdentity.id === "target-obrien"));
      expect(await changeIdsOf({ search: one.changeId }, JOB)).toEqual([one.changeId]);
    });

    it.each([
      ["24h", 24],
      ["7d", 7 * 24],
      ["30d", 30 * 24],
    ] as const)("time range %s", async (range, hours) => {
      expect(await changeIdsOf({ range }, JOB)).toEqual(expected((e) => inJob(e) && e.activityDateTime > now - hours * 3_600_000));
    });

    it("custom time range: both minutes included", async () => {
      const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16);
      const from = minute(now - 30 * 3_600_000);
      const to = minute(now - 10 * 3_600_000);
      const ids = await changeIdsOf({ range: "custom", from, to }, JOB);
      const start = Date.parse(`${from}:00Z`);
      const end = Date.parse(`${to}:00Z`) + 60_000;
      expect(ids).toEqual(expected((e) => inJob(e) && e.activityDateTime >= start && e.activityDateTime < end));
      expect(ids.length).toBeGreaterThan(2);
    });

    it("cycle id", async () => {
      const cycle = events[4].cycleId;
      expect(await changeIdsOf({ cycleId: cycle }, JOB)).toEqual(expected((e) => inJob(e) && e.cycleId === cycle));
    });

    it("on the tenant page: job id and app", async () => {
      expect(await changeIdsOf({ jobId: OTHER_JOB }, TENANT)).toEqual(expected((e) => e.jobId === OTHER_JOB));
      expect(await changeIdsOf({ servicePrincipalId: OTHER_SP }, TENANT)).toEqual(expected((e) => e.servicePrincipal.id === OTHER_SP));
      expect(await changeIdsOf({ servicePrincipalId: SP_ID, status: "failure" }, TENANT)).toEqual(expected((e) => e.servicePrincipal.id === SP_ID && e.status === "failure"));
    });

    it("every filter at once", async () => {
      const ids = await changeIdsOf({ status: "success", action: "update", search: "User", range: "7d", cycleId: events[1].cycleId }, JOB);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(
        expected(
          (e) =>
            inJob(e) &&
            e.status === "success" &&
            e.action === "update" &&
            e.sourceIdentity.displayName.includes("User") &&
            e.activityDateTime > now - 7 * 24 * 3_600_000 &&
            e.cycleId === events[1].cycleId,
        ),
      );
    });

    it("finds one entry by id, only within the page's scope", async () => {
      const all = await listProvisioningLogs(graph(), { filter: scopeFilter(JOB), top: 5 });
      const entry = all.value[3];
      expect(await getProvisioningLogEntry(graph(), entry.id, { within: scopeFilter(JOB) })).toEqual(entry);
      const elsewhere = (await listProvisioningLogs(graph(), { filter: `jobId eq '${OTHER_JOB}'`, top: 1 })).value[0];
      expect(await getProvisioningLogEntry(graph(), elsewhere.id, { within: scopeFilter(JOB) })).toBeNull();
      expect(await getProvisioningLogEntry(graph(), elsewhere.id)).toMatchObject({ id: elsewhere.id });
    });
  });
});
