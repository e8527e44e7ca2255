import { cyclePasses, emptyCounts, leavingObjects, passContext, recorder, stagedDisables, type CycleCounts, type CycleInput } from "../../engine/cycle";
import { objectMapping } from "../../engine/mapping";
import { scopeOf } from "../../engine/scoping";
import type { SyncError } from "../../engine/types";
import type { TargetDirectory } from "../../targets/target-directory";
import { ScimClient, type ScimClientOptions } from "./client";
import { endpointRefusal, type ScimEndpoint } from "./endpoint";
import { probeError, probePath } from "./probe";
import { syncScimObject, type ScimSyncContext } from "./sync";

export interface ScimCycleResult {
  counts: CycleCounts;
  /** The endpoint refused the job's credentials (or could not be reached): the job is quarantined with this. */
  refused: SyncError | null;
}

/** The user mapping's matching attribute: what Test connection queries. */
export const probeAttribute = (schema: unknown) => objectMapping(schema, "user")?.matching?.targetAttributeName ?? "userName";

/**
 * One provisioning cycle into a SCIM endpoint: the Test connection check first (Entra makes it "at the beginning
 * of each provisioning cycle"), then the engine's passes (users, then groups) object by object over HTTP, the
 * accounts that left the scope disabled (or staged, at the deletion threshold) last. A 401 stops the cycle.
 */
export async function runScimCycle(input: CycleInput & { target: TargetDirectory }, endpoint: ScimEndpoint, options?: ScimClientOptions): Promise<ScimCycleResult> {
  const totals = emptyCounts(input);
  const refusal = endpointRefusal(endpoint);
  if (refusal) return { counts: totals, refused: refusal };
  const client = new ScimClient(endpoint, options);
  const probed = probeError(endpoint, await client.send("GET", probePath(probeAttribute(input.schema))));
  if (probed) return { counts: totals, refused: probed };
  const record = recorder(input, totals);
  for (const pass of cyclePasses(input)) {
    const ctx: ScimSyncContext = { ...passContext(input, pass.mapping), target: input.target, client, base: endpoint.base };
    const inScope = new Set<string>();
    const sync = async (object: (typeof pass.inScope)[number], assigned: boolean) => {
      const { outcome, refused } = await syncScimObject(ctx, object, scopeOf(pass.mapping, object, assigned));
      record(outcome);
      return refused;
    };
    for (const object of pass.inScope) {
      inScope.add(object.id);
      const refused = await sync(object, true);
      if (refused) return { counts: totals, refused };
    }
    const leaving = leavingObjects(input.target, pass, inScope);
    const staged = stagedDisables(ctx, leaving, input.deletions);
    if (staged.length > 0) {
      staged.forEach(record);
      continue;
    }
    for (const object of leaving) {
      const refused = await sync(object, false);
      if (refused) return { counts: totals, refused };
    }
  }
  return { counts: totals, refused: null };
}
