import "server-only";
import { parseRuntimeConfig } from "@/lib/config/runtime-config";
import { asGraphErrorInfo, type ActionError } from "@/lib/errors/action-result";
import { createFleetAdmission, FLEET_SCAN_LIMITS, type FleetScanLimits } from "./fleet-admission";
import { streamFleetScan } from "./fleet-stream";
import { callerError, checkBearerHeader } from "./graph-for-token";
import { configuredTenantId, tokenRefusal } from "./graph-token-claims";

function refusal(error: ActionError, headers?: Record<string, string>): Response {
  return Response.json({ error: asGraphErrorInfo(error) }, { status: error.status, headers: { "cache-control": "no-store", ...headers } });
}

/**
 * `POST /api/fleet`: the token must be this console's (tenant, app, Graph, unexpired) before any work starts;
 * then a scan if the process has room for one (429 with Retry-After otherwise), bounded by `limits`.
 */
export function createFleetScanHandler(limits: FleetScanLimits = FLEET_SCAN_LIMITS) {
  const admission = createFleetAdmission(limits.maxScans);
  return async function handle(request: Request): Promise<Response> {
    const token = checkBearerHeader(request.headers.get("authorization"));
    if (!token.ok) return refusal({ ...token.error, kind: "unauthenticated", status: 401, code: "InvalidAuthenticationToken" });
    let refused: ActionError | null;
    try {
      const config = parseRuntimeConfig(process.env);
      refused = tokenRefusal(token.data, config, await configuredTenantId(config));
    } catch (error) {
      return refusal({ ...callerError(error, token.data, { operation: "fleet scan", mutates: false }), status: 503 });
    }
    if (refused) return refusal(refused);

    const ticket = admission.admit(token.data);
    if (!ticket) {
      const wait = limits.busyRetryAfterSeconds;
      return refusal(
        { kind: "throttled", status: 429, code: "TooManyFleetScans", message: `The console's server is running as many tenant scans as it allows (${limits.maxScans}). Try again in ${wait} s.`, retryAfterSeconds: wait },
        { "retry-after": String(wait) },
      );
    }
    return streamFleetScan({ token: token.data, disconnected: request.signal, replaced: ticket.signal, limits, onEnd: ticket.release });
  };
}
