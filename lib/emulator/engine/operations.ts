import { hashInt } from "./random";
import { ACTIVE_INTERVAL, cyclesInSegment, evaluate } from "./evaluate";
import { TIMESPAN_MAX } from "./duration";
import type { JobRecord, StatusView, SyncError } from "./types";

/** Job lifecycle operations. Each one first settles the job at `now`, then changes its anchors. */

export function emptyStatus(): StatusView {
  return {
    code: "NotConfigured",
    countSuccessiveCompleteFailures: 0,
    escrowsPruned: false,
    lastExecution: null,
    lastSuccessfulExecution: null,
    lastSuccessfulExecutionWithExports: null,
    progress: [],
    quarantine: null,
    steadyStateFirstAchievedTime: null,
    steadyStateLastAchievedTime: null,
    synchronizedEntryCountByType: [],
    troubleshootingUrl: null,
  };
}

export interface NewJob {
  id: string;
  templateId: string;
  servicePrincipalId: string;
  settings?: { name: string; value: string }[];
  escrowy?: boolean;
  now: number;
  /** The clock's pace (clock.ts); 1 for the seed's history. */
  pace?: number;
}

export function createJob(input: NewJob): JobRecord {
  return {
    id: input.id,
    templateId: input.templateId,
    servicePrincipalId: input.servicePrincipalId,
    settings: input.settings ?? [],
    schema: null,
    mode: "disabled",
    interval: TIMESPAN_MAX,
    segmentStart: input.now,
    cycleBase: 0,
    credentialError: null,
    initial: { totalUnits: hashInt(24, 36, input.id, "pages"), doneUnits: 0, began: null, done: false },
    population: { users: hashInt(40, 2400, input.id, "users"), groups: hashInt(3, 90, input.id, "groups") },
    escrowy: input.escrowy ?? false,
    pace: input.pace ?? 1,
    forceDeletes: false,
    deletesHeldSince: null,
    snapshot: emptyStatus(),
  };
}

/** Freezes what has happened so far into the snapshot and starts a new segment at `now`. */
export function settle(job: JobRecord, now: number): void {
  const view = evaluate(job, now);
  if (job.mode === "running") {
    if (!job.initial.done && !job.credentialError && (view.code !== "Quarantine" || job.deletesHeldSince !== null)) {
      if (view.code === "NotRun") job.initial.doneUnits = view.progress[0]?.completedUnits ?? job.initial.doneUnits;
      else job.initial.done = true;
    }
    job.cycleBase += cyclesInSegment(job, now) + 1;
  }
  job.snapshot = view;
  job.segmentStart = now;
}

function run(job: JobRecord, now: number, credentialError: SyncError | null): void {
  job.mode = "running";
  job.interval = ACTIVE_INTERVAL;
  job.credentialError = credentialError;
  job.initial.began ??= now;
  job.segmentStart = now;
  job.snapshot = { ...job.snapshot, code: job.initial.done ? "Active" : "NotRun" };
}

/** Start: resumes a paused job where it stopped and clears quarantine. */
export function startJob(job: JobRecord, now: number, credentialError: SyncError | null): void {
  settle(job, now);
  job.snapshot = { ...job.snapshot, quarantine: null, countSuccessiveCompleteFailures: 0 };
  job.deletesHeldSince = null;
  run(job, now, credentialError);
}

/** Pause: keeps all progress and state. */
export function pauseJob(job: JobRecord, now: number): void {
  settle(job, now);
  if (job.mode === "disabled") return;
  job.mode = "paused";
  job.snapshot = { ...job.snapshot, code: "Paused" };
}

export const RESET_FLAGS = ["None", "ConnectorDataStore", "Escrows", "Watermark", "QuarantineState", "Full", "ForceDeletes"] as const;
export type ResetFlag = (typeof RESET_FLAGS)[number];

/** Parses `criteria.resetScope` (comma-separated flags, may be empty); null when a flag is unknown. */
export function parseResetScope(value: string | null | undefined): Set<ResetFlag> | null {
  const parts = (value ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  const flags = new Set<ResetFlag>();
  for (const part of parts) {
    const flag = RESET_FLAGS.find((name) => name.toLowerCase() === part.toLowerCase());
    if (!flag) return null;
    flags.add(flag);
  }
  // Empty emulates the portal's "Restart provisioning": QuarantineState, Watermark and Escrows.
  if (flags.size === 0) return new Set(["QuarantineState", "Watermark", "Escrows"]);
  if (flags.has("Full")) for (const flag of ["ConnectorDataStore", "Escrows", "Watermark", "QuarantineState"] as const) flags.add(flag);
  return flags;
}

/** Restart: reprocesses per reset scope and runs the job. */
export function restartJob(job: JobRecord, now: number, flags: Set<ResetFlag>, credentialError: SyncError | null): void {
  settle(job, now);
  let status = { ...job.snapshot };
  if (flags.has("Watermark")) {
    job.initial = { ...job.initial, doneUnits: 0, began: now, done: false };
    status.progress = [];
  }
  if (flags.has("QuarantineState") || (flags.has("ForceDeletes") && status.quarantine?.reason === "TooManyDeletes")) {
    status = { ...status, quarantine: null, countSuccessiveCompleteFailures: 0 };
    job.deletesHeldSince = null;
  }
  if (flags.has("ForceDeletes")) job.forceDeletes = true;
  if (flags.has("Escrows")) {
    status.escrowsPruned = false;
    const clear = (run: StatusView["lastExecution"]) => (run ? { ...run, countEscrowed: 0, countEscrowedRaw: 0 } : run);
    status.lastExecution = clear(status.lastExecution);
  }
  job.snapshot = status;
  run(job, now, credentialError);
}

/** A new clock speed applies from `now` on: what has happened so far keeps its times. */
export function repace(job: JobRecord, now: number, pace: number): void {
  if (job.pace === pace) return;
  settle(job, now);
  job.pace = pace;
}

/** New saved credentials take effect from now on (a fixed job leaves quarantine at its next attempt). */
export function updateCredentials(job: JobRecord, now: number, credentialError: SyncError | null): void {
  settle(job, now);
  job.credentialError = credentialError;
}
