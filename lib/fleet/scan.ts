import type { SynchronizationJob, SynchronizationStatusCode } from "@microsoft/microsoft-graph-types-beta";
import { STATUS_CODES, statusCodeOf } from "@/lib/jobs/vocabulary";
import { GraphError, MAX_BATCH_SIZE, type BatchRequest, type GraphGateway } from "@/lib/graph/gateway";
import type { GraphErrorInfo } from "@/lib/graph/graph-error";
import { jobsPath } from "@/lib/graph/service-principals";
import { abortableSleep } from "@/lib/graph/abortable-sleep";

/**
 * The tenant-wide fleet scan: every service principal, paged 999 at a time, and for every 20 of them one
 * `$batch` of `GET …/synchronization/jobs`, several batches in flight while later pages still load.
 * Request count without throttling: SP pages + ceil(SPs / 20).
 */

export const FLEET_PAGE_SIZE = 999;
export const FLEET_SELECT = "id,displayName,appId";
/** `$batch` calls in flight when the caller does not say. */
const DEFAULT_FLEET_CONCURRENCY = 6;
/** The console's server scans for the fleet view (app/api/fleet) with this many `$batch` calls in flight. */
export const SERVER_FLEET_CONCURRENCY = 16;
/** Attempts per service principal when a batch item is throttled (429) or the service is busy (503/504). */
export const MAX_ITEM_ATTEMPTS = 4;
/** A Retry-After longer than this is not waited out: the SP is reported as throttled instead. */
export const MAX_ITEM_RETRY_WAIT_SECONDS = 30;

export interface FleetServicePrincipal {
  id: string;
  displayName: string;
  appId: string;
}

export interface FleetEntry {
  servicePrincipal: FleetServicePrincipal;
  jobs: SynchronizationJob[];
}

export type FleetStatus = SynchronizationStatusCode | "unknown";
export type FleetTotals = Record<FleetStatus, number>;

/** Service principals whose jobs could not be read, grouped by what went wrong (one line, not one per SP). */
export interface FleetFailure {
  error: GraphErrorInfo;
  servicePrincipals: FleetServicePrincipal[];
}

export interface FleetProgress {
  /** Service principals whose jobs were read (or failed for good). */
  scanned: number;
  /** Service principals listed so far; the final total once `listed` is true. */
  seen: number;
  /** Whether the last SP page has arrived. */
  listed: boolean;
  pages: number;
  batchesDone: number;
  jobsFound: number;
}

export interface FleetScan {
  /** Every SP that has at least one job, in Graph's listing order. */
  entries: FleetEntry[];
  totals: FleetTotals;
  jobCount: number;
  servicePrincipalCount: number;
  failures: FleetFailure[];
  /** Graph requests sent: SP pages and `$batch` calls (retried sub-requests ride in later batches). */
  requests: { pages: number; batches: number };
  /** ISO time the scan finished. */
  scannedAt: string;
}

export interface ScanFleetOptions {
  onProgress?: (progress: FleetProgress) => void;
  /** `$batch` calls in flight at once; default 6. */
  concurrency?: number;
  signal?: AbortSignal;
  /** For tests: how to wait out a Retry-After. Must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** What of each job to keep, applied as each batch arrives (the server keeps only what it sends on). */
  keepJob?: (job: SynchronizationJob) => SynchronizationJob;
  /** At most this many SP pages are read; one more rejects with a FleetLimitError. Default: no bound. */
  maxPages?: number;
}

export function emptyTotals(): FleetTotals {
  const totals = { unknown: 0 } as FleetTotals;
  for (const code of Object.keys(STATUS_CODES) as SynchronizationStatusCode[]) totals[code] = 0;
  return totals;
}

/** Case-insensitive through the vocabulary (`notConfigured` counts as NotConfigured). */
export function countByStatus(entries: FleetEntry[]): FleetTotals {
  const totals = emptyTotals();
  for (const entry of entries) for (const job of entry.jobs) totals[statusCodeOf(job)]++;
  return totals;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The fleet scan was aborted.", "AbortError");
}

/** The scan stopped at one of its own bounds (`maxPages`), not at a Graph failure. */
export class FleetLimitError extends Error {
  constructor(readonly pages: number) {
    super(`The tenant has more service principals than the scan reads (${pages} pages of ${FLEET_PAGE_SIZE}).`);
    this.name = "FleetLimitError";
  }
}

const RETRIABLE_ITEM = new Set([429, 503, 504]);
/** Item failures that say the caller cannot read jobs at all: no point asking for the other SPs. */
const FATAL_KINDS = new Set<GraphErrorInfo["kind"]>(["missing-sync-permission", "unauthenticated"]);
/** Batch-level failures that end the scan (anything else costs only that batch's SPs). */
const FATAL_BATCH_KINDS = new Set<GraphErrorInfo["kind"]>(["missing-sync-permission", "unauthenticated", "forbidden", "bad-request"]);

interface Pending {
  index: number;
  sp: FleetServicePrincipal;
  attempt: number;
}

function toServicePrincipal(raw: Partial<FleetServicePrincipal>): FleetServicePrincipal | null {
  if (typeof raw?.id !== "string" || !raw.id) return null;
  return { id: raw.id, displayName: typeof raw.displayName === "string" ? raw.displayName : "", appId: typeof raw.appId === "string" ? raw.appId : "" };
}

/** Scans the whole tenant for synchronization jobs. Rejects on abort, on a failed SP page and when jobs cannot be read at all. */
export function scanFleet(graph: GraphGateway, options: ScanFleetOptions = {}): Promise<FleetScan> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_FLEET_CONCURRENCY));
  const { signal, onProgress, keepJob } = options;
  const sleep = options.sleep ?? abortableSleep;
  const maxPages = options.maxPages ?? Infinity;

  return new Promise<FleetScan>((resolve, reject) => {
    const queue: Pending[] = [];
    const found = new Map<number, FleetEntry>();
    const failures = new Map<string, FleetFailure>();
    const progress: FleetProgress = { scanned: 0, seen: 0, listed: false, pages: 0, batchesDone: 0, jobsFound: 0 };
    let inFlight = 0;
    let waiting = 0;
    let batches = 0;
    let settled = false;
    // Cancels the requests still in flight once the scan has stopped, whatever stopped it.
    const stopped = new AbortController();
    const requestSignal = signal ? AbortSignal.any([signal, stopped.signal]) : stopped.signal;

    const stop = (reason: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      stopped.abort(reason);
      reject(reason);
    };
    const onAbort = () => stop(abortReason(signal!));
    if (signal?.aborted) return stop(abortReason(signal));
    signal?.addEventListener("abort", onAbort, { once: true });

    const report = () => {
      if (!settled) onProgress?.({ ...progress });
    };

    const fail = (item: Pending, error: GraphErrorInfo) => {
      const key = `${error.kind}|${error.status}|${error.code}`;
      const group = failures.get(key) ?? { error, servicePrincipals: [] };
      group.servicePrincipals.push(item.sp);
      failures.set(key, group);
      progress.scanned++;
    };

    const finishIfDone = () => {
      if (settled || !progress.listed || queue.length || inFlight || waiting) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      const entries = [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, entry]) => entry);
      resolve({
        entries,
        totals: countByStatus(entries),
        jobCount: progress.jobsFound,
        servicePrincipalCount: progress.seen,
        failures: [...failures.values()],
        requests: { pages: progress.pages, batches },
        scannedAt: new Date().toISOString(),
      });
    };

    /** Throttled items of one batch wait once (the longest Retry-After among them), then go out together. */
    const retryLater = (throttled: { item: Pending; error: GraphErrorInfo }[]) => {
      const retry: Pending[] = [];
      let waitSeconds = 0;
      for (const { item, error } of throttled) {
        const wait = error.retryAfterSeconds ?? 2 ** item.attempt;
        if (item.attempt + 1 >= MAX_ITEM_ATTEMPTS || wait > MAX_ITEM_RETRY_WAIT_SECONDS) fail(item, error);
        else {
          retry.push({ ...item, attempt: item.attempt + 1 });
          waitSeconds = Math.max(waitSeconds, wait);
        }
      }
      if (!retry.length) return;
      waiting++;
      sleep(waitSeconds * 1000, requestSignal).then(
        () => {
          waiting--;
          queue.unshift(...retry);
          pump();
        },
        (reason: unknown) => stop(reason),
      );
    };

    async function runBatch(items: Pending[]) {
      const requests: BatchRequest[] = items.map((item) => ({ id: String(item.index), method: "GET", url: jobsPath(item.sp.id) }));
      batches++;
      try {
        const results = await graph.batch<{ value?: SynchronizationJob[] }>(requests, requestSignal);
        if (settled) return;
        const fatal = results.find((result) => !result.ok && FATAL_KINDS.has(result.error.kind));
        if (fatal && !fatal.ok) return stop(new GraphError(fatal.error));
        const throttled: { item: Pending; error: GraphErrorInfo }[] = [];
        results.forEach((result, i) => {
          const item = items[i];
          if (result.ok) {
            const all = Array.isArray(result.data?.value) ? result.data.value : [];
            const jobs = keepJob ? all.map(keepJob) : all;
            if (jobs.length) found.set(item.index, { servicePrincipal: item.sp, jobs });
            progress.jobsFound += jobs.length;
            progress.scanned++;
          } else if (RETRIABLE_ITEM.has(result.error.status)) {
            throttled.push({ item, error: result.error });
          } else {
            fail(item, result.error);
          }
        });
        retryLater(throttled);
      } catch (error) {
        if (settled) return;
        // Not a Graph failure (a fault of ours): the scan stops rather than report it as these SPs' error.
        if (!(error instanceof GraphError)) return stop(error);
        const info = error.info;
        if (FATAL_BATCH_KINDS.has(info.kind)) return stop(error);
        for (const item of items) fail(item, info);
      } finally {
        inFlight--;
      }
      progress.batchesDone++;
      report();
      pump();
    }

    /** Starts batches while there is room: full ones always, the last partial one once listing is done. */
    function pump() {
      if (settled) return;
      while (inFlight < concurrency && (queue.length >= MAX_BATCH_SIZE || (progress.listed && queue.length > 0))) {
        inFlight++;
        void runBatch(queue.splice(0, MAX_BATCH_SIZE));
      }
      finishIfDone();
    }

    async function list() {
      let next: string | undefined;
      do {
        if (progress.pages >= maxPages) throw new FleetLimitError(maxPages);
        const page = await graph.page<Partial<FleetServicePrincipal>>(
          next ? { nextLink: next } : { path: "/servicePrincipals", query: { $select: FLEET_SELECT, $top: FLEET_PAGE_SIZE } },
          undefined,
          requestSignal,
        );
        if (settled) return;
        progress.pages++;
        for (const raw of page.value) {
          const sp = toServicePrincipal(raw);
          if (sp) queue.push({ index: progress.seen++, sp, attempt: 0 });
        }
        next = page.nextLink;
        progress.listed = !next;
        report();
        pump();
      } while (next && !settled);
    }

    list().catch((error: unknown) => stop(error));
  });
}
