import type { DirectoryAudit } from "@/lib/graph/directory-audits";
import { toMoment, type Moment } from "@/lib/jobs/moment";

/** One provisioning configuration change as the Activity list shows it. */
export interface ActivityRow {
  id: string;
  /** Entra's activity name: "Enable/start provisioning configuration", "Quarantine", … */
  activity: string;
  when: Moment;
  /** Who did it: the user (name and UPN), else the app (the provisioning service for its own incidents). */
  who: string;
  result: string;
  reason: string | null;
  /** The job it concerns (the audit's `JobId` detail), when it names one. */
  jobId: string | null;
}

export function toActivityRow(audit: DirectoryAudit, now: Date): ActivityRow {
  const user = audit.initiatedBy?.user;
  const app = audit.initiatedBy?.app;
  const who = user?.displayName
    ? `${user.displayName}${user.userPrincipalName ? ` (${user.userPrincipalName})` : ""}`
    : (user?.userPrincipalName ?? app?.displayName ?? "Unknown");
  return {
    id: audit.id,
    activity: audit.activityDisplayName,
    when: toMoment(audit.activityDateTime, now),
    who,
    result: audit.result ?? "unknown",
    reason: audit.resultReason || null,
    jobId: audit.additionalDetails?.find((detail) => detail.key === "JobId")?.value ?? null,
  };
}

/** The rows of one job (Graph has no filter on additionalDetails: the SP's audits, narrowed here). */
export const rowsOfJob = (rows: readonly ActivityRow[], jobId: string) => rows.filter((row) => row.jobId === jobId);
