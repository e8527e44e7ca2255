import type {
  QuarantineReason,
  SynchronizationJob,
  SynchronizationScheduleState,
  SynchronizationStatusCode,
  SynchronizationTaskExecutionResult,
} from "@microsoft/microsoft-graph-types-beta";

/** The synchronization enums in words. Each map is exhaustive, so a new enum member is a compile error. */

export type Tone = "success" | "info" | "warning" | "danger" | "neutral";

export interface Term {
  label: string;
  tone: Tone;
  meaning: string;
}

/**
 * A parsed enum value. `code` is the canonical member (what `data-status` carries); values outside the
 * enum parse to `code: "unknown"` with the raw value kept in `raw` and shown in the label.
 */
export type Parsed<Code extends string> = Term & ({ known: true; code: Code; raw: string } | { known: false; code: "unknown"; raw: string });

export const STATUS_CODES: Record<SynchronizationStatusCode, Term> = {
  NotConfigured: {
    label: "Not configured",
    tone: "neutral",
    meaning: "Job was not configured and never run. No authorization was provided.",
  },
  NotRun: {
    label: "Not run",
    tone: "info",
    meaning: "Job was configured, and possibly started, but hasn't completed its first run.",
  },
  Active: { label: "Active", tone: "success", meaning: "Job is running periodically." },
  Paused: {
    label: "Paused",
    tone: "warning",
    meaning: "Job was paused (usually by an administrator) and currently is not running, but the state of the job is preserved.",
  },
  Quarantine: {
    label: "Quarantined",
    tone: "danger",
    meaning:
      "Job is in quarantine. This might happen when there is a high volume of errors, or critical errors such as revoked/expired credentials. While in quarantine, the synchronization process will attempt to run the job with reduced frequency.",
  },
};

export const SCHEDULE_STATES: Record<SynchronizationScheduleState, Term> = {
  Active: { label: "Scheduled", tone: "success", meaning: "The job runs a cycle every interval." },
  Disabled: { label: "Disabled", tone: "neutral", meaning: "The job has no schedule and does not run until it is started." },
  Paused: { label: "Schedule paused", tone: "warning", meaning: "No cycles run until the job is started again; its progress is kept." },
};

export const EXECUTION_RESULTS: Record<SynchronizationTaskExecutionResult, Term> = {
  Succeeded: { label: "Succeeded", tone: "success", meaning: "The run completed without errors." },
  Failed: { label: "Failed", tone: "danger", meaning: "The run failed; see its error." },
  EntryLevelErrors: {
    label: "Entry-level errors",
    tone: "warning",
    meaning: "The run completed, but some entries failed; they are escrowed and retried in later cycles.",
  },
};

export const QUARANTINE_REASONS: Record<QuarantineReason, Term> = {
  EncounteredBaseEscrowThreshold: {
    label: "Too many failed entries",
    tone: "danger",
    meaning:
      "The number of entries that failed to provision reached the escrow threshold. Review the failures in the provisioning logs, fix the attribute mappings or the data in the target app, then start the job.",
  },
  EncounteredTotalEscrowThreshold: {
    label: "Total failures over the limit",
    tone: "danger",
    meaning:
      "The total number of failed entries, reference failures included, exceeded the service's limit. Review the failures in the provisioning logs, fix their cause, then restart the job.",
  },
  EncounteredEscrowProportionThreshold: {
    label: "Over 40% of events failed",
    tone: "danger",
    meaning:
      "More than 40% of provisioning events failed. Review the failures in the provisioning logs, fix the attribute mappings or the data in the target app, then restart the job.",
  },
  EncounteredQuarantineException: {
    label: "Invalid credentials",
    tone: "danger",
    meaning:
      "The saved admin credentials are invalid, so most calls to the target app fail. Update the admin credentials, test the connection, then start the job.",
  },
  Unknown: {
    label: "Reason not given",
    tone: "danger",
    meaning: "The provisioning service did not say why it quarantined the job. Check the error and the provisioning logs, then start the job.",
  },
  QuarantinedOnDemand: {
    label: "Quarantined by Microsoft",
    tone: "danger",
    meaning: "Microsoft detected an issue with this application and set the job to quarantine manually. Contact Microsoft support before starting it again.",
  },
  TooManyDeletes: {
    label: "Too many deletions",
    tone: "danger",
    meaning:
      "A cycle would delete more accounts than the accidental-deletions threshold allows. Review the pending deletions; if they are intended, restart the job with ForceDeletes.",
  },
  IngestionInterrupted: {
    label: "Ingestion interrupted",
    tone: "danger",
    meaning: "Reading changes from the source system was interrupted. Check the provisioning logs and the source connection, then start the job.",
  },
};

/** A case-insensitive parser for one vocabulary; `what` names the value in the words for an unknown one. */
export function parserFor<Code extends string>(vocabulary: Record<Code, Term>, what: string): (raw: unknown) => Parsed<Code> {
  const byLowerCase = new Map<string, Code>();
  for (const code of Object.keys(vocabulary) as Code[]) byLowerCase.set(code.toLowerCase(), code);
  return (raw) => {
    const text = typeof raw === "string" ? raw.trim() : raw === null || raw === undefined ? "" : String(raw);
    const code = byLowerCase.get(text.toLowerCase());
    if (code) return { known: true, code, raw: text, ...vocabulary[code] };
    if (!text) return { known: false, code: "unknown", raw: "", label: "Not reported", tone: "neutral", meaning: `Graph did not report the ${what}.` };
    return { known: false, code: "unknown", raw: text, label: text, tone: "neutral", meaning: `Graph reported the ${what} "${text}", which this console does not recognise.` };
  };
}

/** Case-insensitive: the docs write both `NotConfigured` and `notConfigured`. */
export const parseStatusCode = parserFor(STATUS_CODES, "status code");
export const parseScheduleState = parserFor(SCHEDULE_STATES, "schedule state");
export const parseExecutionResult = parserFor(EXECUTION_RESULTS, "run result");
export const parseQuarantineReason = parserFor(QUARANTINE_REASONS, "quarantine reason");

type JobLike = Pick<SynchronizationJob, "status" | "schedule"> | null | undefined;

export function statusCodeOf(job: JobLike): SynchronizationStatusCode | "unknown" {
  return parseStatusCode(job?.status?.code).code;
}

/** Status code `NotRun`: started (or configured) but the first cycle has not completed. */
export function isRunningInitialCycle(job: JobLike): boolean {
  return statusCodeOf(job) === "NotRun";
}

/** Status code `Active`: running periodically. */
export function isActive(job: JobLike): boolean {
  return statusCodeOf(job) === "Active";
}
