import { z } from "zod";
import { jobId, servicePrincipalId } from "@/lib/validation/ids";
import { REFUSED_RESTART_FLAGS, RESTART_FLAGS } from "@/lib/jobs/restart-scope";

/** What start, pause and delete accept, and nothing else (extra fields are refused). */
export const jobTargetInput = z.strictObject({ servicePrincipalId, jobId });
export type JobTargetInput = z.input<typeof jobTargetInput>;

const FLAG_LIST = RESTART_FLAGS.join(", ");

function flagProblem(value: unknown): string {
  if (typeof value !== "string") return `Each reset scope flag must be one of ${FLAG_LIST}.`;
  const refused = REFUSED_RESTART_FLAGS[value.trim().toLowerCase()];
  if (refused) return refused;
  return `Unknown reset scope flag${value.length <= 40 ? ` "${value}"` : ""}: use ${FLAG_LIST}.`;
}

const restartFlag = z.enum(RESTART_FLAGS, { error: (issue) => flagProblem(issue.input) });

/**
 * The reset scope as a list of flags (not Graph's comma-separated string): exact names, each at most once.
 * An empty list is the portal's "Restart provisioning".
 */
export const resetScope = z
  .custom<unknown[]>((value) => Array.isArray(value), { message: `The reset scope must be a list of flags (${FLAG_LIST}), or empty.` })
  .pipe(z.array(restartFlag).max(RESTART_FLAGS.length, `The reset scope has at most ${RESTART_FLAGS.length} flags.`))
  .refine((flags) => new Set(flags).size === flags.length, "Each reset scope flag may appear only once.");

export const restartJobInput = z.strictObject({ servicePrincipalId, jobId, resetScope: resetScope.optional() });
export type RestartJobInput = z.input<typeof restartJobInput>;
