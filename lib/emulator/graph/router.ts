import { segmentNotFound } from "../http/errors";
import { handleBatch } from "./batch";
import { handleServicePrincipals } from "./servicePrincipals";
import type { EmulatorState, GraphRequest, GraphResult } from "./types";

/** The Graph surface: one router per resource. `beforeSubRequest` applies faults to `$batch` items. */
export async function dispatchGraph(
  req: GraphRequest,
  state: EmulatorState,
  beforeSubRequest: (req: GraphRequest) => Promise<GraphResult | null> = async () => null,
): Promise<GraphResult> {
  const first = req.segments[0] ?? "";
  if (/^servicePrincipals($|\()/i.test(first)) return handleServicePrincipals(req, state);
  if (first === "$batch" && req.segments.length === 1) {
    return handleBatch(req, async (sub) => (await beforeSubRequest(sub)) ?? dispatchGraph(sub, state, beforeSubRequest));
  }
  throw segmentNotFound(first);
}
