import type { TargetDirectory } from "../targets/target-directory";

/** Internal job model of the provisioning engine (times are engine epoch milliseconds). */

/** What one provisioning cycle did (engine/cycle.ts). */
export interface CycleCounts {
  /** Objects in scope. */
  entitled: number;
  /** Objects read from Entra ID that had changes to process. */
  imported: number;
  /** Changes exported to the target app. */
  exported: number;
  /** Changes the target refused (escrowed: retried in later cycles). */
  escrowed: number;
  /** Disables held back by the accidental-deletion threshold. */
  staged: number;
  /** The cycle could not run (its SCIM endpoint did not answer its check): the execution failed with this. */
  failed?: SyncError;
}

export type StatusCode = "NotConfigured" | "NotRun" | "Active" | "Paused" | "Quarantine";
export type ScheduleState = "Active" | "Disabled" | "Paused";
export type ExecutionState = "Succeeded" | "Failed" | "EntryLevelErrors";

/** A SCIM endpoint a job provisions into (connectors/scim/endpoint.ts): its base address and Bearer token. */
export interface ScimEndpoint {
  base: URL;
  token: string;
}

export interface SyncError {
  code: string;
  message: string;
  tenantActionable: boolean;
}

export interface Execution {
  activityIdentifier: string;
  countEntitled: number;
  countEntitledForProvisioning: number;
  countEscrowed: number;
  countEscrowedRaw: number;
  countExported: number;
  countExports: number;
  countImported: number;
  countImportedDeltas: number;
  countImportedReferenceDeltas: number;
  error: SyncError | null;
  state: ExecutionState;
  timeBegan: number;
  timeEnded: number;
}

export interface Quarantine {
  currentBegan: number;
  nextAttempt: number;
  reason: string;
  seriesBegan: number;
  seriesCount: number;
  /** Null for TooManyDeletes (evaluate.ts). */
  error: SyncError | null;
}

export interface Progress {
  completedUnits: number;
  totalUnits: number;
  units: string;
  observedAt: number;
}

/** What a job reports; stored as a snapshot at the start of each segment, computed for `now` on read. */
export interface StatusView {
  code: StatusCode;
  countSuccessiveCompleteFailures: number;
  escrowsPruned: boolean;
  lastExecution: Execution | null;
  lastSuccessfulExecution: Execution | null;
  lastSuccessfulExecutionWithExports: Execution | null;
  progress: Progress[];
  quarantine: Quarantine | null;
  steadyStateFirstAchievedTime: number | null;
  steadyStateLastAchievedTime: number | null;
  synchronizedEntryCountByType: { key: string; value: number }[];
  troubleshootingUrl: string | null;
}

export type JobMode = "disabled" | "running" | "paused";

export interface JobRecord {
  id: string;
  templateId: string;
  servicePrincipalId: string;
  settings: { name: string; value: string }[];
  /** Custom schema saved with PUT …/schema; null means the template's default. */
  schema: unknown | null;
  mode: JobMode;
  interval: string;
  /** Start of the current running segment (or of the snapshot when not running). */
  segmentStart: number;
  /** Completed incremental cycles before the segment (keeps generated counts varied and deterministic). */
  cycleBase: number;
  credentialError: SyncError | null;
  initial: { totalUnits: number; doneUnits: number; began: number | null; done: boolean };
  population: { users: number; groups: number };
  /** Runs the job's cycles against its target app (engine/provisioner.ts); absent, counts are generated. */
  provisioner?: {
    target: TargetDirectory;
    /** Runs cycle `cycleId`, ending at `at`, once; later calls return what it did. */
    run(cycleId: string, at: number): CycleCounts;
    result(cycleId: string): CycleCounts | undefined;
    /** Records that a quarantine series of `reason` began at `since` (once per series). */
    quarantined(since: number, reason: string): void;
    /** The SCIM endpoint of the job's own (the saved Tenant URL), reached over HTTP; null: an embedded target. */
    endpoint(): ScimEndpoint | null;
    /** A job whose target is a SCIM endpoint: runs the cycle that has ended by `now` and not run yet (over HTTP); whether one ran. */
    settleRemote(now: number): Promise<boolean>;
    /** Runs `work` when nothing else uses the job's endpoint and data store (a cycle, provision on demand). */
    exclusive<T>(work: () => Promise<T>): Promise<T>;
  };
  /** The next cycle lets every delete through (restart with `ForceDeletes`). */
  forceDeletes: boolean;
  /** End of the cycle that staged deletes: the job is quarantined (`TooManyDeletes`) from then until a start or restart. */
  deletesHeldSince: number | null;
  /** How many times faster than Graph the job's engine work runs (clock.ts); its durations are divided by it. */
  pace: number;
  /** Every other incremental cycle ends with entry-level errors (escrows). */
  escrowy: boolean;
  snapshot: StatusView;
}
