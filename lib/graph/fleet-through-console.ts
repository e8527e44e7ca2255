import { asGraphErrorInfo } from "@/lib/actions/action-result";
import { callWithToken, type TokenSources } from "@/lib/actions/call-action";
import type { FleetProgress, FleetScan } from "./fleet";
import { readFleetEvents, type FleetEvent } from "./fleet-wire";
import { GraphError, type GraphErrorInfo } from "./graph-error";
import { toErrorInfo } from "./to-error-info";

export const FLEET_SCAN_URL = "/api/fleet";

export interface FleetScanRequest extends TokenSources {
  signal?: AbortSignal;
  onProgress?: (progress: FleetProgress) => void;
  /** For tests: the console's origin (the browser uses its own). */
  baseUrl?: string;
}

function consoleUnreachable(cause: unknown): GraphError {
  const detail = toErrorInfo(cause).message;
  return new GraphError({
    kind: "network",
    status: 0,
    code: "FleetScanFailed",
    message: `The console's server did not finish the fleet scan${detail ? ` (${detail})` : ""}. Rescan to try again.`,
  });
}

async function refusal(response: Response): Promise<GraphError> {
  const body = (await response.json().catch(() => null)) as { error?: GraphErrorInfo } | null;
  if (body?.error?.kind && typeof body.error.message === "string") return new GraphError(body.error);
  return new GraphError({ kind: response.status >= 500 ? "server" : "unexpected", status: response.status, code: "FleetScanFailed", message: `The console's server answered HTTP ${response.status} to the fleet scan.` });
}

async function scanOnce(token: string, request: FleetScanRequest): Promise<FleetScan> {
  let response: Response;
  try {
    response = await fetch(`${request.baseUrl ?? ""}${FLEET_SCAN_URL}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, signal: request.signal, cache: "no-store" });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw consoleUnreachable(error);
  }
  if (!response.ok || !response.body) throw await refusal(response);
  let outcome: FleetEvent | undefined;
  try {
    await readFleetEvents(response.body, (event) => {
      if (event.type === "progress") request.onProgress?.(event.progress);
      else outcome = event;
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw consoleUnreachable(error);
  }
  if (outcome?.type === "result") return outcome.scan;
  if (outcome?.type === "error") throw new GraphError(outcome.error);
  throw consoleUnreachable(new Error("the answer ended before the result"));
}

/**
 * The fleet scan, run by the console's server (app/api/fleet) with the admin's token, progress streamed back.
 * Tokens as for the server actions (callWithToken): after Graph refuses one, a fresh one and one more scan.
 */
export async function scanFleetThroughConsole(request: FleetScanRequest): Promise<FleetScan> {
  const result = await callWithToken(request, async (token) => {
    try {
      return { ok: true, data: await scanOnce(token, request) };
    } catch (error) {
      if (request.signal?.aborted) throw error;
      return { ok: false, error: toErrorInfo(error) };
    }
  });
  if (result.ok) return result.data;
  throw new GraphError(asGraphErrorInfo(result.error));
}
