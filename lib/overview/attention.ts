import type { FleetEntry } from "@/lib/fleet/scan";
import { formatCount } from "@/lib/format/count";
import { toJobCard, type JobCard, type Moment } from "@/lib/jobs/job-card";
import { routes } from "@/lib/routes";

/**
 * The Overview's "Needs attention": the jobs of the fleet scan that an admin should look at, each once, under
 * its most urgent reason. Staged deletes come first (nothing more is provisioned until someone decides about
 * them), then other quarantines, then a failed last run, then entries escrowed by the last run.
 */

export type AttentionReason = "staged-deletes" | "quarantine" | "failing" | "escrows";

const RANK: Record<AttentionReason, number> = { "staged-deletes": 0, quarantine: 1, failing: 2, escrows: 3 };

/** The Overview lists at most this many; the rest are "and N more". */
export const ATTENTION_LIMIT = 10;

export interface AttentionItem {
  key: string;
  servicePrincipalId: string;
  appName: string;
  jobId: string;
  jobHref: string;
  reason: AttentionReason;
  /** "Quarantined: invalid credentials" */
  title: string;
  /** The error code, the escrow count, the consecutive failures: what the job's status adds, or null. */
  detail: string | null;
  /** Since when (quarantine) or when it happened (last run), when the job says. */
  since: Moment | null;
}

function quarantineItem(card: JobCard): Pick<AttentionItem, "reason" | "title" | "detail" | "since"> {
  const quarantine = card.status.quarantine;
  // The scan may carry the status code without the quarantine object: then there is no reason to say.
  if (!quarantine) return { reason: "quarantine", title: "Quarantined", detail: null, since: null };
  const stagedDeletes = quarantine.reason.code === "TooManyDeletes";
  return {
    reason: stagedDeletes ? "staged-deletes" : "quarantine",
    title: stagedDeletes
      ? "Deletions staged: more than the accidental-deletions threshold allows, waiting for review"
      : `Quarantined: ${quarantine.reason.known ? quarantine.reason.label.toLowerCase() : quarantine.reason.label}`,
    detail: quarantine.error?.code ?? null,
    since: quarantine.since.kind === "date" ? quarantine.since : null,
  };
}

function escrowedCount(card: JobCard): number {
  return card.status.lastExecution?.counts.find((count) => count.id === "escrowed")?.value ?? 0;
}

function reasonOf(card: JobCard): Pick<AttentionItem, "reason" | "title" | "detail" | "since"> | null {
  if (card.status.code.code === "Quarantine") return quarantineItem(card);
  const last = card.status.lastExecution;
  const ended = last?.ended.kind === "date" ? last.ended : null;
  if (last?.state.code === "Failed") {
    const failures = card.status.consecutiveFailures;
    const detail = [last.error?.code, failures > 1 ? `${formatCount(failures)} failed runs in a row` : null].filter(Boolean).join(" · ");
    return { reason: "failing", title: "Last run failed", detail: detail || null, since: ended };
  }
  const escrowed = escrowedCount(card);
  if (escrowed > 0 || last?.state.code === "EntryLevelErrors") {
    return {
      reason: "escrows",
      title: escrowed > 0 ? `${formatCount(escrowed)} ${escrowed === 1 ? "entry" : "entries"} escrowed by the last run` : "Last run had entry-level errors",
      detail: last?.error?.code ?? null,
      since: ended,
    };
  }
  return null;
}

const time = (moment: Moment | null) => (moment?.kind === "date" ? Date.parse(moment.iso) : Infinity);

/** Every job needing attention, most urgent first; within a reason the longest-standing first, then by app name. */
export function attentionItems(entries: readonly FleetEntry[], now: Date = new Date()): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const { servicePrincipal: sp, jobs } of entries) {
    for (const job of jobs) {
      const card = toJobCard(job, now);
      const reason = card.id ? reasonOf(card) : null;
      if (!reason) continue;
      items.push({
        key: `${sp.id}/${card.id}`,
        servicePrincipalId: sp.id,
        appName: sp.displayName.trim() || sp.appId || sp.id,
        jobId: card.id,
        jobHref: routes.job(sp.id, card.id),
        ...reason,
      });
    }
  }
  return items.sort(
    (a, b) =>
      RANK[a.reason] - RANK[b.reason] ||
      time(a.since) - time(b.since) ||
      a.appName.localeCompare(b.appName, "en") ||
      a.jobId.localeCompare(b.jobId, "en"),
  );
}
