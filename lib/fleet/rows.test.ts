import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it } from "vitest";
import { emptyTotals, type FleetEntry } from "@/lib/fleet/scan";
import { filterRows, fleetHref, fleetSummaryText, parseStatusFilter, statusFilterParam, toFleetRows, toggleStatus } from "./rows";

const now = new Date("2026-11-29T12:00:00Z");
const job = (id: string, code: string, extra: Partial<SynchronizationJob["status"]> = {}) =>
  ({ id, templateId: id.split(".")[0], schedule: { state: code === "Paused" ? "Paused" : "Active" }, status: { code, ...extra } }) as SynchronizationJob;
const entry = (id: string, displayName: string, jobs: SynchronizationJob[]): FleetEntry => ({ servicePrincipal: { id, displayName, appId: `app-${id}` }, jobs });

describe("fleetSummaryText", () => {
  it("reads like the issue's summary line, in its order", () => {
    const totals = { ...emptyTotals(), Active: 1234, Quarantine: 2, Paused: 1, NotConfigured: 3 };
    expect(fleetSummaryText(totals)).toBe("1,234 active · 2 quarantined · 1 paused · 0 not run · 3 not configured");
    expect(fleetSummaryText({ ...totals, unknown: 1 })).toMatch(/ · 1 other$/);
  });
});

describe("the status filter in the URL", () => {
  it("parses case-insensitively into canonical codes and order, ignoring junk", () => {
    expect(parseStatusFilter("paused,QUARANTINE,bogus,,Paused")).toEqual(["Quarantine", "Paused"]);
    expect(parseStatusFilter(null)).toEqual([]);
    expect(parseStatusFilter("unknown")).toEqual([]);
  });

  it("round-trips through the URL", () => {
    expect(statusFilterParam(["Paused", "Quarantine"])).toBe("Quarantine,Paused");
    expect(statusFilterParam([])).toBeUndefined();
    expect(fleetHref(["Paused", "Quarantine"])).toBe("/jobs?status=Quarantine,Paused");
    expect(fleetHref([])).toBe("/jobs");
    expect(parseStatusFilter(statusFilterParam(["NotRun", "Active"]))).toEqual(["Active", "NotRun"]);
    expect(toggleStatus(["Active"], "Active")).toEqual([]);
    expect(toggleStatus(["Active"], "Paused")).toEqual(["Active", "Paused"]);
  });
});

describe("toFleetRows", () => {
  const entries = [
    entry("sp-1", "Zeta", [job("scim.1", "Active", { lastExecution: { timeEnded: "2026-11-29T11:00:00Z", timeBegan: "2026-11-29T10:59:00Z" } })]),
    entry("sp-2", "Alpha", [job("aws.2", "quarantine"), job("aws.3", "NotConfigured", { lastExecution: { timeBegan: "0001-01-01T00:00:00Z", timeEnded: "0001-01-01T00:00:00Z" } })]),
    entry("sp 3/x", "", [job("odd/job", "Sleeping")]),
  ];
  const rows = toFleetRows(entries, now);

  it("puts jobs needing attention first, then by app name", () => {
    expect(rows.map((row) => row.jobId)).toEqual(["aws.2", "odd/job", "aws.3", "scim.1"]);
  });

  it("decides the words once: status, schedule, last run or Never, names and links", () => {
    const [quarantined, odd, notConfigured, active] = rows;
    expect(quarantined.status.code).toBe("Quarantine");
    expect(quarantined.lastRunEnded).toEqual({ kind: "never", text: "Never" });
    expect(notConfigured.lastRunEnded.text).toBe("Never");
    expect(active.lastRunEnded).toMatchObject({ kind: "date", text: "1 hour ago" });
    expect(active.jobHref).toBe("/service-principals/sp-1/jobs/scim.1");
    expect(odd.appName).toBe("app-sp 3/x");
    expect(odd.jobHref).toBe("/service-principals/sp%203%2Fx/jobs/odd%2Fjob");
    expect(odd.status).toMatchObject({ known: false, code: "unknown", label: "Sleeping" });
  });

  it("filters by status; no filter keeps every row, unknown statuses included", () => {
    expect(filterRows(rows, [])).toHaveLength(4);
    expect(filterRows(rows, ["Quarantine", "NotConfigured"]).map((row) => row.jobId)).toEqual(["aws.2", "aws.3"]);
    expect(filterRows(rows, ["NotRun"])).toEqual([]);
  });
});
