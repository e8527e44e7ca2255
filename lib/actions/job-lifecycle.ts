"use server";

import { jobPath } from "@/lib/graph/service-principals";
import { isUnreadableAnswer, type GraphGateway } from "@/lib/graph/gateway";
import type { ActionResult } from "@/lib/errors/action-result";
import { jobTargetInput, restartJobInput, type JobTargetInput, type RestartJobInput } from "./job-lifecycle-schema";
import { restartBody } from "@/lib/jobs/restart-scope";
import { runGraphAction } from "./run-graph-action";

/**
 * The job lifecycle (SYNC-API §3.1): start, pause, restart, delete. Each validates the token and its input
 * before any Graph call, sends one request (never retried here), and answers `ActionResult<null>`: Graph
 * answers 204 No Content. A 5xx or network failure comes back `ambiguous`: the change may have happened.
 */

/** Sends one change; any 2xx is success (a 2xx body that is not JSON still means Graph did it). */
async function change(graph: GraphGateway, method: "POST" | "DELETE", path: string, body?: unknown): Promise<null> {
  try {
    await graph.request<unknown>({ method, path, body });
  } catch (error) {
    if (!isUnreadableAnswer(error)) throw error;
  }
  return null;
}

/**
 * `POST …/jobs/{id}/start`: runs a disabled job, resumes a paused one where it stopped, clears quarantine.
 * Microsoft: "Use the start job only when the job is currently paused or in quarantine" — never on a running job.
 */
export async function startJob(token: string, input: JobTargetInput): Promise<ActionResult<null>> {
  return runGraphAction(token, input, jobTargetInput, (graph, { servicePrincipalId, jobId }) => change(graph, "POST", `${jobPath(servicePrincipalId, jobId)}/start`), {
    name: "startJob",
  });
}

/** `POST …/jobs/{id}/pause`: stops a running job; all progress and state are kept for the next start. */
export async function pauseJob(token: string, input: JobTargetInput): Promise<ActionResult<null>> {
  return runGraphAction(token, input, jobTargetInput, (graph, { servicePrincipalId, jobId }) => change(graph, "POST", `${jobPath(servicePrincipalId, jobId)}/pause`), {
    name: "pauseJob",
  });
}

/**
 * `POST …/jobs/{id}/restart {"criteria":{…}}`: reprocesses every object. No flags sends `{"criteria":{}}`
 * (the portal's "Restart provisioning"); otherwise `resetScope` is the flags, comma-separated.
 */
export async function restartJob(token: string, input: RestartJobInput): Promise<ActionResult<null>> {
  return runGraphAction(
    token,
    input,
    restartJobInput,
    (graph, { servicePrincipalId, jobId, resetScope }) => change(graph, "POST", `${jobPath(servicePrincipalId, jobId)}/restart`, restartBody(resetScope ?? [])),
    { name: "restartJob" },
  );
}

/** `DELETE …/jobs/{id}`: stops the job and deletes all its state. Provisioned accounts are left as they are. */
export async function deleteJob(token: string, input: JobTargetInput): Promise<ActionResult<null>> {
  return runGraphAction(token, input, jobTargetInput, (graph, { servicePrincipalId, jobId }) => change(graph, "DELETE", jobPath(servicePrincipalId, jobId)), {
    name: "deleteJob",
  });
}
