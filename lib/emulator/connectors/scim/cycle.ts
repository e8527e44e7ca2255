import { cyclePasses, emptyCounts, leavingObjects, passContext, recorder, stagedDisables, type CycleCounts, type CycleInput } from "../../engine/cycle";
import type { SourceObject } from "../../engine/mapping";
import { scopeOf } from "../../engine/scoping";
import type { SyncError } from "../../engine/types";
import type { TargetDirectory } from "../../targets/target-directory";
import { ScimClient, type ScimClientOptions, type ScimExchange } from "./client";
import { endpointRefusal, type ScimEndpoint } from "./endpoint";
import { probeAttribute, probeError, probePath } from "./probe";
import { syncScimObject, type ScimSyncContext } from "./sync";

export interface ScimCycleResult {
  counts: CycleCounts;
  /** The endpoint refused the job's credentials (or is not SCIM-compliant): the job is quarantined with this. */
  refused: SyncError | null;
}

/** How long one cycle may talk to its endpoint; the objects it did not reach wait for the next cycle. */
export const CYCLE_BUDGET_MS = 60_000;

/** A check that failed for now (no answer, throttled, a server error): the cycle is skipped, the next one checks again. */
const transient = (exchange: ScimExchange) => exchange.status === 0 || exchange.status === 429 || exchange.status >= 500;

/**
 * One provisioning cycle into a SCIM endpoint: the Test connection check first (Entra makes it "at the beginning
 * of each provisioning cycle"), then the engine's passes (users, then groups) object by object over HTTP, the
 * accounts that left the scope last. It stops at a 401 (quarantine), at the first exchange with no answer (the
 * rest would wait as long), and after CYCLE_BUDGET_MS.
 */
export async function runScimCycle(input: CycleInput & { target: TargetDirectory }, endpoint: ScimEndpoint, stopped?: AbortSignal, options?: ScimClientOptions): Promise<ScimCycleResult> {
  const totals: CycleCounts & { refusal?: SyncError } = emptyCounts(input);
  const refusal = endpointRefusal(endpoint);
  if (refusal) return { counts: totals, refused: refusal };
  const client = new ScimClient(endpoint, options, stopped);
  const check = await client.send("GET", probePath(probeAttribute(input.schema)));
  const problem = probeError(endpoint, check);
  if (problem) return transient(check) ? { counts: { ...totals, failed: problem }, refused: null } : { counts: totals, refused: problem };
  const deadline = performance.now() + CYCLE_BUDGET_MS;
  const record = recorder(input, totals);
  for (const pass of cyclePasses(input)) {
    const ctx: ScimSyncContext = { ...passContext(input, pass.mapping), target: input.target, client, base: endpoint.base };
    /** Syncs one object; false when the cycle must stop here. */
    const sync = async (object: SourceObject, assigned: boolean): Promise<boolean> => {
      const { outcome, refused, unreachable } = await syncScimObject(ctx, object, scopeOf(pass.mapping, object, assigned));
      record(outcome);
      if (refused) totals.refusal = refused;
      return !refused && !unreachable && !stopped?.aborted && performance.now() < deadline;
    };
    const inScope = new Set(pass.inScope.map((object) => object.id));
    for (const object of pass.inScope) if (!(await sync(object, true))) return finished(totals);
    const leaving = leavingObjects(input.target, pass, inScope);
    const staged = stagedDisables(ctx, leaving, input.deletions);
    if (staged.length > 0) staged.forEach(record);
    else for (const object of leaving) if (!(await sync(object, false))) return finished(totals);
  }
  return finished(totals);
}

function finished(totals: CycleCounts & { refusal?: SyncError }): ScimCycleResult {
  const { refusal = null, ...counts } = totals;
  return { counts, refused: refusal };
}
