import "server-only";
import { FleetLimitError, SERVER_FLEET_CONCURRENCY, scanFleet, type FleetProgress } from "@/lib/fleet/scan";
import { asGraphErrorInfo } from "@/lib/errors/action-result";
import type { GraphErrorInfo } from "@/lib/graph/graph-error";
import { encodeFleetEvent, FLEET_STREAM_TYPE, slimFleetJob } from "@/lib/fleet/wire";
import type { FleetScanLimits } from "./fleet-admission";
import { callerError, graphForToken } from "./graph-for-token";

/** Progress lines at most this often (a 5,000-SP scan finishes ~250 batches). */
const PROGRESS_EVERY_MS = 100;

export interface FleetStreamOptions {
  token: string;
  /** The caller went away (the request's signal). */
  disconnected: AbortSignal;
  /** A newer scan with the same token started (fleet-admission). */
  replaced: AbortSignal;
  limits: Pick<FleetScanLimits, "deadlineMs" | "maxPages">;
  /** Called once when the scan has ended, however it ended. */
  onEnd: () => void;
}

function stoppedBy(error: unknown, options: FleetStreamOptions, deadline: AbortSignal): GraphErrorInfo {
  if (options.replaced.aborted) {
    return { kind: "unexpected", status: 0, code: "FleetScanReplaced", message: "A newer scan with the same sign-in started (a Rescan, or another tab); this one stopped." };
  }
  if (deadline.aborted) {
    return { kind: "server", status: 0, code: "FleetScanTimeout", message: `The scan did not finish within ${options.limits.deadlineMs / 1000} s and was stopped. Rescan to try again.` };
  }
  if (error instanceof FleetLimitError) return { kind: "unexpected", status: 0, code: "FleetTooLarge", message: `${error.message} The console's scan stops there.` };
  return asGraphErrorInfo(callerError(error, options.token, { operation: "fleet scan", mutates: false }));
}

/**
 * Scans the tenant for the Jobs view with the admin's token and streams it: progress while it runs, then one
 * result or one error. A browser opens at most 6 HTTP/1.1 connections to one host; here
 * SERVER_FLEET_CONCURRENCY `$batch` calls are in flight, each job slimmed as its batch arrives. A disconnect,
 * a replacing scan or the deadline stops the scan and its requests to Graph.
 */
export function streamFleetScan(options: FleetStreamOptions): Response {
  const gone = new AbortController();
  options.disconnected.addEventListener("abort", () => gone.abort(), { once: true });
  // Not AbortSignal.timeout: its timer would keep this request (and the scan's result) alive until it fires.
  const deadline = new AbortController();
  const deadlineTimer = setTimeout(() => deadline.abort(new DOMException("The fleet scan's deadline passed.", "TimeoutError")), options.limits.deadlineMs);
  const signal = AbortSignal.any([gone.signal, options.replaced, deadline.signal]);

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const encoder = new TextEncoder();
      const send = (line: string) => {
        if (!gone.signal.aborted) controller.enqueue(encoder.encode(line));
      };
      let lastProgressAt = 0;
      const onProgress = (progress: FleetProgress) => {
        const now = Date.now();
        if (now - lastProgressAt < PROGRESS_EVERY_MS) return;
        lastProgressAt = now;
        send(encodeFleetEvent({ type: "progress", progress }));
      };
      try {
        const scan = await scanFleet(graphForToken(options.token), {
          concurrency: SERVER_FLEET_CONCURRENCY,
          signal,
          onProgress,
          keepJob: slimFleetJob,
          maxPages: options.limits.maxPages,
        });
        send(encodeFleetEvent({ type: "result", scan }));
      } catch (error) {
        // A caller that went away is told nothing, and its abort is no fault to log.
        if (!gone.signal.aborted) send(encodeFleetEvent({ type: "error", error: stoppedBy(error, options, deadline.signal) }));
      } finally {
        clearTimeout(deadlineTimer);
        options.onEnd();
      }
      if (!gone.signal.aborted) controller.close();
    },
    cancel() {
      gone.abort();
    },
  });
  return new Response(body, { headers: { "content-type": FLEET_STREAM_TYPE, "cache-control": "no-store" } });
}
