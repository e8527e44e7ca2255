import type { SynchronizationScheduleState, SynchronizationStatusCode } from "@microsoft/microsoft-graph-types-beta";
import { formatCount } from "@/lib/format/count";
import { toJobCard } from "@/lib/jobs/job-card";
import type { Moment } from "@/lib/jobs/moment";
import { parseStatusCode, STATUS_CODES, type Parsed } from "@/lib/jobs/vocabulary";
import { routes } from "@/lib/routes";
import type { FleetEntry, FleetTotals } from "@/lib/fleet/scan";

/** The fleet scan reshaped for the fleet view: summary words, the URL's status filter, and table rows. */

/** The summary line's order: "N active · N quarantined · N paused · N not run · N not configured". */
export const SUMMARY_ORDER = ["Active", "Quarantine", "Paused", "NotRun", "NotConfigured"] as const satisfies readonly SynchronizationStatusCode[];

/** Rows needing attention first. */
const ROW_ORDER: Record<SynchronizationStatusCode | "unknown", number> = { Quarantine: 0, unknown: 1, Paused: 2, NotRun: 3, NotConfigured: 4, Active: 5 };

export interface SummaryPart {
  code: SynchronizationStatusCode;
  count: number;
  /** "3 quarantined" */
  text: string;
}

export function summaryParts(totals: FleetTotals): SummaryPart[] {
  return SUMMARY_ORDER.map((code) => ({ code, count: totals[code], text: `${formatCount(totals[code])} ${STATUS_CODES[code].label.toLowerCase()}` }));
}

/** "3 active · 1 quarantined · 1 paused · 0 not run · 2 not configured" (+ " · 1 other" for unknown statuses). */
export function fleetSummaryText(totals: FleetTotals): string {
  const parts = summaryParts(totals).map((part) => part.text);
  if (totals.unknown) parts.push(`${formatCount(totals.unknown)} other`);
  return parts.join(" · ");
}

/** `?status=Quarantine,Paused` → known codes, canonical spelling and order, duplicates dropped; anything else ignored. */
export function parseStatusFilter(param: string | null | undefined): SynchronizationStatusCode[] {
  const chosen = new Set<string>();
  for (const raw of (param ?? "").split(",")) {
    const parsed = parseStatusCode(raw);
    if (parsed.known) chosen.add(parsed.code);
  }
  return SUMMARY_ORDER.filter((code) => chosen.has(code));
}

/** The filter as the URL carries it; undefined for "all". */
export function statusFilterParam(codes: readonly SynchronizationStatusCode[]): string | undefined {
  const canonical = SUMMARY_ORDER.filter((code) => codes.includes(code));
  return canonical.length ? canonical.join(",") : undefined;
}

export function toggleStatus(codes: readonly SynchronizationStatusCode[], code: SynchronizationStatusCode): SynchronizationStatusCode[] {
  return codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code];
}

/** `/jobs` or `/jobs?status=Quarantine,Paused` (commas kept readable). */
export function fleetHref(codes: readonly SynchronizationStatusCode[]): string {
  const param = statusFilterParam(codes);
  return param ? `/jobs?status=${param}` : "/jobs";
}

export interface FleetRow {
  key: string;
  servicePrincipalId: string;
  /** Display name, or the app id when Graph sent none. */
  appName: string;
  servicePrincipalHref: string;
  jobId: string;
  jobHref: string;
  templateId: string;
  status: Parsed<SynchronizationStatusCode>;
  schedule: Parsed<SynchronizationScheduleState>;
  /** When the last run ended; "Never" when the job has not run. */
  lastRunEnded: Moment;
}

export function toFleetRows(entries: FleetEntry[], now: Date = new Date()): FleetRow[] {
  const rows: FleetRow[] = [];
  for (const { servicePrincipal: sp, jobs } of entries) {
    for (const job of jobs) {
      const card = toJobCard(job, now);
      if (!card.id) continue;
      rows.push({
        key: `${sp.id}/${card.id}`,
        servicePrincipalId: sp.id,
        appName: sp.displayName.trim() || sp.appId || sp.id,
        servicePrincipalHref: routes.servicePrincipal(sp.id),
        jobId: card.id,
        jobHref: routes.job(sp.id, card.id),
        templateId: card.templateId ?? "—",
        status: card.status.code,
        schedule: card.schedule.state,
        lastRunEnded: card.status.lastExecution?.ended ?? { kind: "never", text: "Never" },
      });
    }
  }
  return rows.sort(
    (a, b) => ROW_ORDER[a.status.code] - ROW_ORDER[b.status.code] || a.appName.localeCompare(b.appName, "en") || a.jobId.localeCompare(b.jobId, "en"),
  );
}

/** No filter shows every row (unknown statuses included); otherwise rows whose status is one of `codes`. */
export function filterRows(rows: FleetRow[], codes: readonly SynchronizationStatusCode[]): FleetRow[] {
  if (codes.length === 0) return rows;
  return rows.filter((row) => row.status.known && codes.includes(row.status.code));
}
