import { runEndedCycles, settleRemoteCycles } from "../engine/provisioner";
import { segmentNotFound } from "../http/errors";
import { handleAuditLogs } from "./auditLogs";
import { handleBatch } from "./batch";
import { handleGroups } from "./groups";
import { handleServicePrincipals } from "./servicePrincipals";
import { handleUsers } from "./users";
import type { EmulatorState, GraphRequest, GraphResult } from "./types";

/** The Graph surface: one router per resource. `beforeSubRequest` applies faults to `$batch` items. */
export async function dispatchGraph(
  req: GraphRequest,
  state: EmulatorState,
  beforeSubRequest: (req: GraphRequest) => Promise<GraphResult | null> = async () => null,
): Promise<GraphResult> {
  const first = req.segments[0] ?? "";
  // A write changes what later cycles see; the cycles that ended before it run first, with what they saw. Cycles
  // into SCIM endpoints run over HTTP before any write and before the reads that report them (jobs, logs).
  const write = req.method !== "GET" && first !== "$batch";
  if (write || first.toLowerCase() === "auditlogs") await settleRemoteCycles(state.tenant, state.clock);
  else if (req.segments[2]?.toLowerCase() === "synchronization" && first.toLowerCase() === "serviceprincipals") await settleRemoteCycles(state.tenant, state.clock, req.segments[1]);
  else if (req.segments.some((segment) => segment.toLowerCase() === "synchronization")) await settleRemoteCycles(state.tenant, state.clock);
  if (write) runEndedCycles(state.tenant, state.clock.now());
  if (/^servicePrincipals($|\()/i.test(first)) return handleServicePrincipals(req, state);
  if (first.toLowerCase() === "auditlogs") return handleAuditLogs(req, state);
  if (/^users($|\()/i.test(first)) return handleUsers(req, state);
  if (first.toLowerCase() === "groups") return handleGroups(req, state);
  if (first === "$batch" && req.segments.length === 1) {
    return handleBatch(req, async (sub) => (await beforeSubRequest(sub)) ?? dispatchGraph(sub, state, beforeSubRequest));
  }
  throw segmentNotFound(first);
}
