import { asGraphErrorInfo, fail, ok, type ActionResult } from "@/lib/errors/action-result";
import { callWithToken, type TokenSources } from "@/lib/auth/call-with-token";
import type { FleetProgress, FleetScan } from "@/lib/fleet/scan";
import { GraphError, isAbortError, type GraphErrorInfo } from "@/lib/graph/graph-error";
import { readFleetEvents, type FleetEvent } from "./wire";

export const FLEET_SCAN_URL = "/api/fleet";

export interface FleetScanRequest extends TokenSources {
  signal?: AbortSignal;
  onProgress?: (progress: FleetProgress) => void;
  /** For tests: the console's origin (the browser uses its own). */
  baseUrl?: string;
}

function consoleUnreachable(cause: unknown): GraphErrorInfo {
  const detail = cause instanceof Error ? cause.message : "";
  return {
    kind: "network",
    status: 0,
    code: "FleetScanFailed",
    message: `The console's server did not finish the fleet scan${detail ? ` (${detail})` : ""}. Rescan to try again.`,
  };
}

async function refusal(response: Response): Promise<GraphErrorInfo> {
  const body = (await response.json().catch(() => null)) as { error?: GraphErrorInfo } | null;
  if (body?.error?.kind && typeof body.error.message === "string") return body.error;
  return { kind: response.status >= 500 ? "server" : "unexpected", status: response.status, code: "FleetScanFailed", message: `The console's server answered HTTP ${response.status} to the fleet scan.` };
}

/** One scan with one token: the result, or Graph's (or the console's) error as it came over the wire. Aborts throw. */
async function scanOnce(token: string, request: FleetScanRequest): Promise<ActionResult<FleetScan>> {
  let outcome: FleetEvent | undefined;
  try {
    const response = await fetch(`${request.baseUrl ?? ""}${FLEET_SCAN_URL}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, signal: request.signal, cache: "no-store" });
    if (!response.ok || !response.body) return fail(await refusal(response));
    await readFleetEvents(response.body, (event) => {
      if (event.type === "progress") request.onProgress?.(event.progress);
      else outcome = event;
    });
  } catch (error) {
    if (request.signal?.aborted && isAbortError(error)) throw error;
    return fail(consoleUnreachable(error));
  }
  if (outcome?.type === "result") return ok(outcome.scan);
  if (outcome?.type === "error") return fail(outcome.error);
  return fail(consoleUnreachable(new Error("the answer ended before the result")));
}

/**
 * The fleet scan, run by the console's server (app/api/fleet) with the admin's token, progress streamed back.
 * Tokens as for the server actions (callWithToken): after Graph refuses one, a fresh one and one more scan.
 * Throws the scan's GraphError, or the AbortError of `request.signal`.
 */
export async function scanFleetThroughConsole(request: FleetScanRequest): Promise<FleetScan> {
  const result = await callWithToken(request, (token) => scanOnce(token, request));
  if (result.ok) return result.data;
  throw new GraphError(asGraphErrorInfo(result.error));
}
