"use server";

import type { ActionResult } from "@/lib/errors/action-result";
import { provisionOnDemand as sendOnDemand, type OnDemandAnswer } from "@/lib/graph/on-demand";
import { ActionFailure } from "@/lib/server/graph-for-token";
import { provisionOnDemandInput, type ProvisionOnDemandInput } from "./provision-on-demand-schema";
import { runGraphAction } from "./run-graph-action";

/**
 * Provision one user, or a group and up to 5 of its members, now (`POST …/jobs/{id}/provisionOnDemand`). Sent
 * once: a 429 comes back with Graph's Retry-After for the screen to count down, never retried here. Answers
 * Graph's key/value strings as they came (lib/logs/on-demand-result.ts reads them in the browser).
 */
export async function provisionOnDemand(token: string, input: ProvisionOnDemandInput): Promise<ActionResult<OnDemandAnswer>> {
  return runGraphAction(
    token,
    input,
    provisionOnDemandInput,
    async (graph, { servicePrincipalId, jobId, ruleId, subject }) => {
      const answer = await sendOnDemand(graph, servicePrincipalId, jobId, ruleId, subject);
      if (!answer) {
        throw new ActionFailure({ kind: "unexpected", status: 200, code: "UnexpectedAnswer", message: "Microsoft Graph answered without the on-demand result (no key and value)." });
      }
      return answer;
    },
    { name: "provisionOnDemand" },
  );
}
