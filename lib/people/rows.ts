import type { SynchronizationStatusCode } from "@microsoft/microsoft-graph-types-beta";
import type { DirectoryUser } from "@/lib/graph/directory-search";
import type { PersonTrace } from "@/lib/graph/person-trace";
import type { FleetScan } from "@/lib/fleet/scan";
import { toFleetRows } from "@/lib/fleet/rows";
import type { Parsed } from "@/lib/jobs/vocabulary";
import type { OnDemandResultView } from "@/lib/logs/on-demand-result";
import { indexAssignments, type AssignmentView } from "./assignment";
import { logEvent, onDemandEvent, type PersonEventView } from "./event";
import { personLogsHref } from "./links";
import { scopeView, type ScopeView } from "./scope";

/**
 * "Where is this person provisioned?": one row per job of every app that has a provisioning job (the fleet
 * scan) and concerns the person — assigned directly, through one of their groups, or with a provisioning event
 * for them. Apps with jobs that don't concern them are only counted.
 */

export interface PersonRow {
  key: string;
  servicePrincipalId: string;
  appName: string;
  servicePrincipalHref: string;
  jobId: string;
  jobHref: string;
  templateId: string;
  jobStatus: Parsed<SynchronizationStatusCode>;
  assignment: AssignmentView;
  event: PersonEventView | null;
  scope: ScopeView;
  accountEnabled: boolean | null;
  /** The job's logs, filtered to the person. */
  logsHref: string;
}

export interface PersonApps {
  rows: PersonRow[];
  /** Apps with a provisioning job that don't concern the person. */
  unconcerned: number;
  /** Names of apps the person is assigned to that have no provisioning job. */
  withoutJobs: string[];
}

const key = (id: string) => id.toLowerCase();

export function personApps(trace: PersonTrace, user: DirectoryUser, fleet: Pick<FleetScan, "entries" | "failures">, now: Date = new Date()): PersonApps {
  const assignments = indexAssignments(trace);
  const events = new Map((trace.events.ok ? trace.events.value : []).map((entry) => [`${key(entry.servicePrincipal?.id ?? "")}|${entry.jobId}`, entry]));
  const appsWithEvents = new Set([...events.keys()].map((k) => k.slice(0, k.indexOf("|"))));
  const concerns = (spId: string) => assignments.apps.has(key(spId)) || appsWithEvents.has(key(spId));

  const rows: PersonRow[] = [];
  for (const fleetRow of toFleetRows(fleet.entries, now)) {
    const spId = fleetRow.servicePrincipalId;
    if (!concerns(spId)) continue;
    const assignment = assignments.of(spId);
    const entry = events.get(`${key(spId)}|${fleetRow.jobId}`);
    const event = entry ? logEvent(entry, { servicePrincipalId: spId, jobId: fleetRow.jobId, userId: trace.userId }, now) : null;
    const accountEnabled = user.accountEnabled ?? null;
    rows.push({
      key: fleetRow.key,
      servicePrincipalId: spId,
      appName: fleetRow.appName,
      servicePrincipalHref: fleetRow.servicePrincipalHref,
      jobId: fleetRow.jobId,
      jobHref: fleetRow.jobHref,
      templateId: fleetRow.templateId,
      jobStatus: fleetRow.status,
      assignment,
      event,
      scope: scopeView({ assignment, accountEnabled, event: event?.entry ?? null, eventSource: "log" }),
      accountEnabled,
      logsHref: personLogsHref(spId, fleetRow.jobId, trace.userId),
    });
  }
  rows.sort((a, b) => a.appName.localeCompare(b.appName, "en") || a.jobId.localeCompare(b.jobId, "en"));

  const withJobs = new Set(fleet.entries.map((entry) => key(entry.servicePrincipal.id)));
  const unread = new Set(fleet.failures.flatMap((failure) => failure.servicePrincipals.map((sp) => key(sp.id))));
  const concerned = new Set(rows.map((row) => key(row.servicePrincipalId)));
  return {
    rows,
    unconcerned: [...withJobs].filter((id) => !concerned.has(id)).length,
    withoutJobs: [...assignments.apps].filter(([id]) => !withJobs.has(id) && !unread.has(id)).map(([, name]) => name).sort((a, b) => a.localeCompare(b, "en")),
  };
}

/** The row after Provision now: its record is the latest event, and its scoping step the present scope. */
export function withOnDemandResult(row: PersonRow, result: OnDemandResultView): PersonRow {
  const event = onDemandEvent(result);
  if (!event) return row;
  return { ...row, event, scope: scopeView({ assignment: row.assignment, accountEnabled: row.accountEnabled, event: event.entry, eventSource: "on-demand" }) };
}

/** The row's data-* attributes (the e2e contract). */
export function rowAttributes(row: PersonRow) {
  return {
    "data-sp": row.servicePrincipalId,
    "data-job": row.jobId,
    "data-assignment": row.assignment.kind,
    "data-in-scope": row.scope.inScope === null ? "unknown" : String(row.scope.inScope),
    "data-status": row.event?.entry.status.code ?? "none",
    "data-action": row.event?.entry.action.code ?? "none",
  };
}
