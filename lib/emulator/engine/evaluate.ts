import { parseDurationMs } from "./duration";
import { hashInt } from "./random";
import type { Execution, JobRecord, Quarantine, StatusView } from "./types";

/** Engine constants (engine time). */
export const PAGE_MS = 60_000; // one page of the initial cycle per engine minute
export const FIRST_ATTEMPT_MS = 2 * 60_000; // bad credentials are discovered two minutes into a run
export const CYCLE_MS = 45_000; // an incremental cycle takes 45 s
export const RESUME_DELAY_MS = 30_000; // a resumed steady job runs its first cycle 30 s after start
export const MAX_BACKOFF_MS = 24 * 3600_000; // quarantine retries back off to once a day
export const ACTIVE_INTERVAL = "PT40M";

/** How long engine work of Graph duration `ms` takes for this job: its pace compresses it (clock.ts). */
const span = (job: JobRecord, ms: number) => Math.max(1, Math.round(ms / job.pace));
const intervalMs = (job: JobRecord) => span(job, parseDurationMs(job.interval) ?? 40 * 60_000);

/**
 * The execution of cycle `seq`. With a provisioner, its counts are what the cycle did: `latest` runs the
 * cycle (once) when it has not run yet; an older cycle that never ran had nothing to process.
 */
function execution(job: JobRecord, began: number, ended: number, seq: number, initial: boolean, latest = false): Execution {
  const activityIdentifier = `${job.id}.${seq}`;
  const done = job.provisioner ? (latest ? job.provisioner.run(activityIdentifier, ended) : job.provisioner.result(activityIdentifier)) : undefined;
  const { users, groups } = job.population;
  const generated = !job.provisioner;
  const entitled = done?.entitled ?? (generated ? users + groups : 0);
  const imported = done?.imported ?? (generated ? (initial ? entitled : hashInt(0, 25, job.id, seq, "imported")) : 0);
  const exported = done?.exported ?? (generated ? (initial ? Math.max(0, entitled - hashInt(0, 15, job.id, "skip")) : hashInt(0, 4, job.id, seq, "exported")) : 0);
  const escrowed = done?.escrowed ?? (generated && job.escrowy && (initial || seq % 2 === 1) ? hashInt(1, 7, job.id, seq, "escrows") : 0);
  return {
    activityIdentifier,
    countEntitled: entitled,
    countEntitledForProvisioning: entitled,
    countEscrowed: escrowed,
    countEscrowedRaw: escrowed,
    countExported: exported,
    countExports: exported + escrowed,
    countImported: imported,
    countImportedDeltas: initial ? 0 : imported,
    countImportedReferenceDeltas: initial ? (generated ? groups : 0) : generated ? hashInt(0, 3, job.id, seq, "refs") : 0,
    error: done?.failed ?? (escrowed ? { code: "EntryLevelErrors", message: `${escrowed} entries could not be exported.`, tenantActionable: true } : null),
    state: done?.failed ? "Failed" : escrowed ? "EntryLevelErrors" : "Succeeded",
    timeBegan: began,
    timeEnded: ended,
  };
}

/** What the job keeps in sync: the accounts in its target app (or, without a provisioner, generated counts). */
function counts(job: JobRecord) {
  const target = job.provisioner?.target;
  return [
    { key: "User to User", value: target ? target.all("User").length : job.population.users },
    { key: "Group to Group", value: target ? target.all("Group").length : job.population.groups },
  ];
}

function quarantined(job: JobRecord, view: StatusView, firstEvaluation: number, now: number): StatusView {
  const base = view.quarantine;
  const error = job.credentialError!;
  let at = firstEvaluation;
  let k = 0;
  const backoff = (i: number) => Math.min(intervalMs(job) * 2 ** Math.min(i, 20), span(job, MAX_BACKOFF_MS));
  while (at + backoff(k) <= now && k < 100_000) at += backoff(k++);
  const seriesBegan = base?.seriesBegan ?? firstEvaluation;
  job.provisioner?.quarantined(seriesBegan, error.code);
  const quarantine: Quarantine = {
    currentBegan: at,
    nextAttempt: at + backoff(k),
    reason: "EncounteredQuarantineException",
    seriesBegan,
    seriesCount: (base ? base.seriesCount + 1 : 0) + k,
    error,
  };
  const failed: Execution = {
    ...execution(job, at, at + span(job, 5_000), job.cycleBase + k, false),
    countImported: 0,
    countImportedDeltas: 0,
    countImportedReferenceDeltas: 0,
    countExported: 0,
    countExports: 0,
    countEscrowed: 0,
    countEscrowedRaw: 0,
    error,
    state: "Failed",
  };
  return {
    ...view,
    code: "Quarantine",
    quarantine,
    lastExecution: failed,
    countSuccessiveCompleteFailures: view.countSuccessiveCompleteFailures + k + 1,
  };
}

/**
 * Accidental-deletions prevention: from the end of the cycle that staged deletes, the job stays as that cycle left
 * it, quarantined with `TooManyDeletes`, until an admin starts or restarts it. Graph documents no error for this
 * quarantine (`error` is nullable): none is sent. It is re-evaluated once a day, with the same outcome.
 */
function heldForDeletes(job: JobRecord, view: StatusView, since: number, now: number): StatusView {
  const day = span(job, MAX_BACKOFF_MS);
  const attempts = Math.floor((now - since) / day);
  const quarantine: Quarantine = {
    currentBegan: since + attempts * day,
    nextAttempt: since + (attempts + 1) * day,
    reason: "TooManyDeletes",
    seriesBegan: since,
    seriesCount: attempts,
    error: null,
  };
  return { ...view, code: "Quarantine", quarantine, progress: [] };
}

/** The job as it stands at engine time `now`, computed from its last snapshot. */
export function evaluate(job: JobRecord, now: number): StatusView {
  const heldSince = job.deletesHeldSince;
  if (job.mode === "running" && heldSince !== null && now >= heldSince) return heldForDeletes(job, cycled(job, heldSince), heldSince, now);
  const view = cycled(job, now);
  // The cycle that just ran (the latest to end by now) may have staged deletes.
  if (job.mode === "running" && job.deletesHeldSince !== null) return heldForDeletes(job, view, job.deletesHeldSince, now);
  return view;
}

/** The job at `now` from its snapshot and the cycles since, the latest of which runs. */
function cycled(job: JobRecord, now: number): StatusView {
  const view: StatusView = { ...job.snapshot };
  if (job.mode !== "running") return view;
  const t0 = job.segmentStart;

  if (job.credentialError) {
    const first = view.quarantine ? Math.max(t0, view.quarantine.nextAttempt) : t0 + span(job, FIRST_ATTEMPT_MS);
    if (now < first) return { ...view, code: view.quarantine ? "Quarantine" : job.initial.done ? "Active" : "NotRun" };
    return quarantined(job, view, first, now);
  }

  // Fixed credentials lift a quarantine at its next attempt.
  let start = t0;
  if (view.quarantine) {
    if (now < view.quarantine.nextAttempt) return { ...view, code: "Quarantine" };
    start = Math.max(t0, view.quarantine.nextAttempt);
    view.quarantine = null;
    view.countSuccessiveCompleteFailures = 0;
  }

  let anchor: number;
  if (!job.initial.done) {
    const { totalUnits, doneUnits } = job.initial;
    const doneAt = start + (totalUnits - doneUnits) * span(job, PAGE_MS);
    if (now < doneAt) {
      const completed = Math.min(totalUnits, doneUnits + Math.floor((now - start) / span(job, PAGE_MS)));
      return {
        ...view,
        code: "NotRun",
        progress: [{ completedUnits: completed, totalUnits, units: "pages", observedAt: now }],
      };
    }
    const initialRun = execution(job, job.initial.began ?? start, doneAt, job.cycleBase, true, true);
    view.lastExecution = initialRun;
    if (initialRun.state === "Succeeded") view.lastSuccessfulExecution = initialRun;
    if (initialRun.countExported > 0) view.lastSuccessfulExecutionWithExports = initialRun;
    view.steadyStateFirstAchievedTime ??= doneAt;
    view.steadyStateLastAchievedTime = doneAt;
    view.synchronizedEntryCountByType = counts(job);
    view.progress = [];
    anchor = doneAt;
  } else {
    anchor = start + span(job, RESUME_DELAY_MS) - intervalMs(job);
  }

  const every = intervalMs(job);
  const completed = Math.floor((now - anchor - span(job, CYCLE_MS)) / every);
  if (completed >= 1) {
    const run = (k: number) => {
      const began = anchor + k * every;
      return execution(job, began, began + span(job, CYCLE_MS), job.cycleBase + 1 + k, false, k === completed);
    };
    const last = run(completed);
    view.lastExecution = last;
    view.steadyStateLastAchievedTime = last.timeEnded;
    view.steadyStateFirstAchievedTime ??= last.timeEnded;
    if (view.synchronizedEntryCountByType.length === 0 || job.provisioner) view.synchronizedEntryCountByType = counts(job);
    for (let k = completed; k >= Math.max(1, completed - 50); k--) {
      const candidate = k === completed ? last : run(k);
      if (candidate.state !== "Succeeded") continue;
      if (view.lastSuccessfulExecution === null || candidate.timeEnded > view.lastSuccessfulExecution.timeEnded)
        view.lastSuccessfulExecution = candidate;
      break;
    }
    for (let k = completed; k >= Math.max(1, completed - 50); k--) {
      const candidate = k === completed ? last : run(k);
      if (candidate.state !== "Succeeded" || candidate.countExported === 0) continue;
      const known = view.lastSuccessfulExecutionWithExports;
      if (known === null || candidate.timeEnded > known.timeEnded) view.lastSuccessfulExecutionWithExports = candidate;
      break;
    }
  }
  return { ...view, code: "Active", progress: [] };
}

/** Number of incremental cycles completed in the current segment (for `cycleBase` bookkeeping). */
export function cyclesInSegment(job: JobRecord, now: number): number {
  if (job.mode !== "running" || job.credentialError) return 0;
  return Math.max(0, Math.floor((now - job.segmentStart) / intervalMs(job)));
}
