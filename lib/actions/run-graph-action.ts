import type { z } from "zod";
import type { GraphGateway } from "@/lib/graph/gateway";
import { callerError, checkToken, graphForToken } from "@/lib/server/graph-for-token";
import { fail, invalidInput, ok, type ActionError, type ActionResult } from "@/lib/errors/action-result";

/**
 * The shared body of every Graph server action (create/start/pause/restart/delete): check the token and
 * the input first and refuse before anything reaches Graph; call the configured Graph with the token; turn
 * every failure into `{ ok: false, error }`. Server-side only: import it from `'use server'` files.
 */

const FIELD_LABELS: Record<string, string> = {
  servicePrincipalId: "service principal id",
  templateId: "template id",
  jobId: "job id",
};

const clip = (value: string, max = 40) => (value.length > max ? `${value.slice(0, max)}…` : value);

/** The first zod issue as an invalid-input error naming the field; never echoes the refused value. */
export function inputProblem(error: z.ZodError, fallbackField = "input"): ActionError {
  const issue = error.issues[0];
  if (!issue) return invalidInput(fallbackField, "The input is not valid.");
  const field = issue.path.length ? String(issue.path[0]) : fallbackField;
  if (issue.code === "unrecognized_keys") {
    return invalidInput(fallbackField, `Unexpected field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.map((key) => `"${clip(key)}"`).slice(0, 5).join(", ")}.`);
  }
  if (issue.code === "invalid_type") {
    if (!issue.path.length) return invalidInput(field, field === "input" ? "The input must be an object." : issue.message);
    return invalidInput(field, `The ${FIELD_LABELS[field] ?? field} must be ${issue.expected === "string" ? "a string" : issue.expected}.`);
  }
  return invalidInput(field, issue.message);
}

export interface GraphActionOptions {
  /** Names the action in server logs ("createJob"). */
  name: string;
  /**
   * Whether the action changes Graph state. A network failure or a 5xx of a change is then marked
   * `ambiguous`: Graph may have done it. Default true (server actions are writes).
   */
  mutates?: boolean;
}

export async function runGraphAction<Schema extends z.ZodType, T>(
  token: unknown,
  input: unknown,
  schema: Schema,
  fn: (graph: GraphGateway, input: z.output<Schema>) => Promise<T>,
  options: GraphActionOptions,
): Promise<ActionResult<T>> {
  const checkedToken = checkToken(token);
  if (!checkedToken.ok) return checkedToken;
  const checkedInput = schema.safeParse(input);
  if (!checkedInput.success) return fail(inputProblem(checkedInput.error));
  const bearer = checkedToken.data;
  try {
    return ok(await fn(graphForToken(bearer), checkedInput.data));
  } catch (error) {
    return fail(callerError(error, bearer, { operation: `action ${options.name}`, mutates: options.mutates ?? true }));
  }
}
