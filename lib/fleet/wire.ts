import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import type { FleetProgress, FleetScan } from "@/lib/fleet/scan";
import type { GraphErrorInfo } from "@/lib/graph/graph-error";

/**
 * How the console's server streams a fleet scan to the browser (`POST /api/fleet`): one JSON event per
 * line, progress while the scan runs, then exactly one result or error.
 */
export type FleetEvent = { type: "progress"; progress: FleetProgress } | { type: "result"; scan: FleetScan } | { type: "error"; error: GraphErrorInfo };

export const FLEET_STREAM_TYPE = "application/x-ndjson; charset=utf-8";

/** A job reduced to what the fleet view shows (status, schedule state, last run). */
export function slimFleetJob(job: SynchronizationJob): SynchronizationJob {
  return {
    id: job.id,
    templateId: job.templateId,
    schedule: job.schedule ? { state: job.schedule.state } : job.schedule,
    status: job.status
      ? {
          code: job.status.code,
          lastExecution: job.status.lastExecution,
          // The Overview's "needs attention": why a job is quarantined, and how long it keeps failing.
          quarantine: job.status.quarantine,
          countSuccessiveCompleteFailures: job.status.countSuccessiveCompleteFailures,
        }
      : job.status,
  };
}

export function encodeFleetEvent(event: FleetEvent): string {
  return `${JSON.stringify(event)}\n`;
}

function isFleetEvent(value: unknown): value is FleetEvent {
  if (!value || typeof value !== "object") return false;
  const event = value as Record<string, unknown>;
  if (event.type === "progress") return !!event.progress && typeof event.progress === "object";
  if (event.type === "result") return !!event.scan && typeof event.scan === "object";
  if (event.type === "error") return !!event.error && typeof event.error === "object";
  return false;
}

/** Reads a fleet stream to its end, handing each event over in order. Throws on a line that is not an event. */
export async function readFleetEvents(body: ReadableStream<Uint8Array>, onEvent: (event: FleetEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  const take = (line: string) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new SyntaxError("The console's server sent a fleet scan line that is not JSON.");
    }
    if (!isFleetEvent(parsed)) throw new SyntaxError("The console's server sent a fleet scan line of an unknown kind.");
    onEvent(parsed);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) take(line);
  }
  take(buffered + decoder.decode());
}
