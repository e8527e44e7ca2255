"use server";

import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { jobsPath } from "@/lib/graph/service-principals";
import { isUnreadableAnswer } from "@/lib/graph/gateway";
import type { ActionResult } from "@/lib/errors/action-result";
import { createJobInput, type CreateJobInput } from "./create-job-schema";
import { ActionFailure } from "@/lib/server/graph-for-token";
import { runGraphAction } from "./run-graph-action";

/**
 * Creates a synchronization job from one of the service principal's templates (SYNC-API §3.1):
 * `POST /servicePrincipals/{id}/synchronization/jobs {"templateId"}`. Graph creates it disabled.
 * Any 2xx with a job in its body is success (the docs say 201, their example shows 200).
 * Not idempotent: the POST is sent once, never retried here; a failure marked `ambiguous` means the job
 * may exist, so the caller lists the SP's jobs before offering to try again.
 */
export async function createJob(token: string, input: CreateJobInput): Promise<ActionResult<SynchronizationJob>> {
  return runGraphAction(
    token,
    input,
    createJobInput,
    async (graph, { servicePrincipalId, templateId }) => {
      let answer: { status: number; data: SynchronizationJob | undefined; headers: Headers };
      try {
        answer = await graph.request<SynchronizationJob | undefined>({ method: "POST", path: jobsPath(servicePrincipalId), body: { templateId } });
      } catch (error) {
        // The gateway parses a 2xx body as JSON; a 2xx that is not JSON still means Graph created the job.
        if (isUnreadableAnswer(error)) throw unusable(0, null);
        throw error;
      }
      const { status, data, headers } = answer;
      if (!data || typeof data !== "object" || typeof data.id !== "string" || !data.id) {
        throw unusable(status, headers);
      }
      return data;
    },
    { name: "createJob" },
  );
}

/** Graph said yes but sent no usable job: it probably exists, and we cannot show it. */
function unusable(status: number, headers: Headers | null): ActionFailure {
  return new ActionFailure({
    kind: "unexpected",
    status,
    code: "UnusableCreateResponse",
    message: status ? `Microsoft Graph answered HTTP ${status} without the created job.` : "Microsoft Graph answered without a readable job.",
    requestId: headers?.get("request-id") ?? undefined,
    clientRequestId: headers?.get("client-request-id") ?? undefined,
    ambiguous: true,
  });
}
