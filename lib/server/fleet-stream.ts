import "server-only";
import { SERVER_FLEET_CONCURRENCY, scanFleet, type FleetProgress } from "@/lib/fleet/scan";
import { asGraphErrorInfo } from "@/lib/errors/action-result";
import { isAbortError } from "@/lib/graph/graph-error";
import { encodeFleetEvent, FLEET_STREAM_TYPE, slimFleetScan } from "@/lib/fleet/wire";
import { callerError, graphForToken } from "./graph-for-token";

/** Progress lines at most this often (a 5,000-SP scan finishes ~250 batches). */
const PROGRESS_EVERY_MS = 100;

/**
 * Scans the tenant for the Jobs view with the admin's token and streams it: progress while it runs, then one
 * result or one error. A browser opens at most 6 HTTP/1.1 connections to one host; here
 * SERVER_FLEET_CONCURRENCY `$batch` calls are in flight. A disconnect (`signal`) stops the scan.
 */
export function streamFleetScan(token: string, signal: AbortSignal): Response {
  const abort = new AbortController();
  signal.addEventListener("abort", () => abort.abort(), { once: true });

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const encoder = new TextEncoder();
      const send = (line: string) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(line));
      };
      let lastProgressAt = 0;
      const onProgress = (progress: FleetProgress) => {
        const now = Date.now();
        if (now - lastProgressAt < PROGRESS_EVERY_MS) return;
        lastProgressAt = now;
        send(encodeFleetEvent({ type: "progress", progress }));
      };
      try {
        const scan = await scanFleet(graphForToken(token), { concurrency: SERVER_FLEET_CONCURRENCY, signal: abort.signal, onProgress });
        send(encodeFleetEvent({ type: "result", scan: slimFleetScan(scan) }));
      } catch (error) {
        if (!(abort.signal.aborted && isAbortError(error))) {
          send(encodeFleetEvent({ type: "error", error: asGraphErrorInfo(callerError(error, token, { operation: "fleet scan", mutates: false })) }));
        }
      }
      if (!abort.signal.aborted) controller.close();
    },
    cancel() {
      abort.abort();
    },
  });
  return new Response(body, { headers: { "content-type": FLEET_STREAM_TYPE, "cache-control": "no-store" } });
}
