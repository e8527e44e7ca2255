import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphGateway, type GraphGateway } from "@/lib/graph/gateway";
import { logsSearch, parseLogFilters } from "@/lib/logs/filters";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { readRecentFailures, RECENT_FAILURE_HOURS, recentFailuresHref } from "./recent-failures";

/** The Overview's reader against the emulator, compared with the emulator's own log entries counted here by hand. */

const HOUR_MS = 3_600_000;
let emulator: TestEmulator;
let graph: GraphGateway;
let now: Date;

interface RawEntry {
  activityDateTime: string;
  provisioningStatusInfo?: { status?: string; errorInformation?: { errorCode?: string | null } | null };
}

/** Every entry of the emulator's provisioning log, unfiltered, page by page. */
async function allEntries(): Promise<RawEntry[]> {
  const entries: RawEntry[] = [];
  let path: string | undefined = "/beta/auditLogs/provisioning?$top=1000";
  while (path) {
    const page: { status: number; body: any } = await emulator.call("GET", path);
    expect(page.status).toBe(200);
    entries.push(...page.body.value);
    path = page.body["@odata.nextLink"]?.slice(emulator.url.length);
  }
  return entries;
}

/** Runs the engine: a few hours pass, and reading every job runs the cycles that ended meanwhile. */
async function letHoursPass(hours: number) {
  const sps = (await emulator.call("GET", "/beta/servicePrincipals?$select=id&$top=999")).body.value as { id: string }[];
  for (let i = 0; i < hours; i += 3) {
    await emulator.control("POST", "clock", { advanceSeconds: 3 * 3600 });
    for (const sp of sps) await emulator.call("GET", `/beta/servicePrincipals/${sp.id}/synchronization/jobs`);
  }
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  const token = await emulator.token("admin");
  graph = createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: async () => token });
  await letHoursPass(12);
  now = new Date((await emulator.control("GET", "clock")).body.now);
});
afterAll(() => emulator.close());

describe("readRecentFailures (against the emulator)", () => {
  it("counts by error code and per UTC hour exactly the failed entries of the last 24 hours in the emulator's log", async () => {
    const since = now.getTime() - RECENT_FAILURE_HOURS * HOUR_MS;
    const all = await allEntries();
    const failed = all.filter((entry) => entry.provisioningStatusInfo?.status === "failure");
    const recent = failed.filter((entry) => Date.parse(entry.activityDateTime) > since);
    // The check means something: older failures exist to leave out, and recent ones in more than one hour and code.
    expect(failed.length).toBeGreaterThan(recent.length);
    const byCode = new Map<string | null, number>();
    const byHour = new Map<string, number>();
    for (const entry of recent) {
      const code = entry.provisioningStatusInfo?.errorInformation?.errorCode || null;
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
      const hour = new Date(Math.floor(Date.parse(entry.activityDateTime) / HOUR_MS) * HOUR_MS).toISOString();
      byHour.set(hour, (byHour.get(hour) ?? 0) + 1);
    }
    expect(byCode.size).toBeGreaterThan(1);
    expect(byHour.size).toBeGreaterThan(1);

    const read = await readRecentFailures(graph, { now });
    expect(read).toMatchObject({ total: recent.length, truncated: false, readAt: now.toISOString(), since: new Date(since).toISOString() });
    expect(new Map(read.groups.map((group) => [group.code, group.count]))).toEqual(byCode);
    expect(read.hours).toHaveLength(25);
    expect(new Map(read.hours.filter((bucket) => bucket.count).map((bucket) => [bucket.hour, bucket.count]))).toEqual(byHour);
    // The emulator's entries carry Graph's recommended action.
    expect(read.groups.every((group) => group.recommendedActionSource === "graph" && group.recommendedAction)).toBe(true);
  });

  it("reads the same on v1.0", async () => {
    const token = await emulator.token("admin");
    const v1 = createGraphGateway({ baseUrl: emulator.url, version: "v1.0", getToken: async () => token });
    const [beta, other] = await Promise.all([readRecentFailures(graph, { now }), readRecentFailures(v1, { now })]);
    expect(other.groups.map((group) => [group.code, group.count])).toEqual(beta.groups.map((group) => [group.code, group.count]));
  });

  it("stops at its bound and says so; a bound the failures fit in is not hit", async () => {
    const { total } = await readRecentFailures(graph, { now });
    expect(total).toBeGreaterThan(2);
    const bounded = await readRecentFailures(graph, { now, pageSize: 1, maxEntries: 2 });
    expect(bounded).toMatchObject({ total: 2, truncated: true });
    expect(bounded.hours.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(2);
    expect(await readRecentFailures(graph, { now, pageSize: 2, maxEntries: total + 1 })).toMatchObject({ total, truncated: false });
    expect(await readRecentFailures(graph, { now, pageSize: 1000, maxEntries: total - 1 })).toMatchObject({ total: total - 1, truncated: true });
  });

  it("links to /logs with the same filters", () => {
    const href = recentFailuresHref();
    expect(href).toBe(`/logs${logsSearch({ status: "failure", range: "24h" })}`);
    expect(parseLogFilters(new URLSearchParams(href.split("?")[1]), { kind: "tenant" })).toMatchObject({ filters: { status: "failure", range: "24h" }, problems: [] });
  });

  it("is refused without the logs' permissions", async () => {
    const token = await emulator.token("nosync");
    const refused = createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: async () => token });
    await expect(readRecentFailures(refused, { now })).rejects.toMatchObject({ info: { kind: "forbidden", status: 403 } });
  });
});
