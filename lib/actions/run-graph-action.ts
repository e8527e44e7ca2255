import type { z } from "zod";
import type { GraphGateway } from "@/lib/graph/gateway";
import { callerError, checkToken, graphForToken } from "@/lib/server/graph-for-token";
import { fail, invalidInput, ok, type ActionError, type ActionResult } from "@/lib/errors/action-result";

/**
 * The shared body of every Graph server action (create/start/pause/restart/delete, test and save a configuration): check the token and
 * the input first and refuse before anything reaches Graph; call the configured Graph with the token; turn
 * every failure into `{ ok: false, error }`. Server-side only: import it from `'use server'` files.
 */

const FIELD_LABELS: Record<string, string> = {
  servicePrincipalId: "service principal id",
  templateId: "template id",
  jobId: "job id",
  useSavedCredentials: "choice of saved or typed credentials",
  "settings.notifyOnFailure": "failure notification choice",
  "settings.recipients": "notification email",
  "settings.preventAccidentalDeletes": "accidental-deletion choice",
  "settings.syncAll": "scope",
};

const EXPECTED: Record<string, string> = { string: "a string", boolean: "true or false", number: "a number", object: "an object", record: "an object" };

const clip = (value: string, max = 40) => (value.length > max ? `${value.slice(0, max)}…` : value);
/** A nested key of ours (`credentials.SecretToken`, `settings.recipients`); anything else stays out of the field name. */
const NESTED_KEY = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

/** The field an issue is about: its top-level key, with one nested key when the path has one (list indexes dropped). */
function fieldOf(path: readonly PropertyKey[], fallbackField: string): string {
  if (!path.length) return fallbackField;
  const [top, nested] = path;
  return typeof nested === "string" && NESTED_KEY.test(nested) ? `${String(top)}.${nested}` : String(top);
}

function labelOf(field: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field];
  return field.startsWith("credentials.") ? `value of ${field.slice("credentials.".length)}` : field;
}

/** The first zod issue as an invalid-input error naming the field; never echoes the refused value. */
export function inputProblem(error: z.ZodError, fallbackField = "input"): ActionError {
  const issue = error.issues[0];
  if (!issue) return invalidInput(fallbackField, "The input is not valid.");
  const field = fieldOf(issue.path, fallbackField);
  if (issue.code === "unrecognized_keys") {
    return invalidInput(field, `Unexpected field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.map((key) => `"${clip(key)}"`).slice(0, 5).join(", ")}.`);
  }
  if (issue.code === "invalid_type") {
    if (!issue.path.length) return invalidInput(field, field === "input" ? "The input must be an object." : issue.message);
    return invalidInput(field, `The ${labelOf(field)} must be ${EXPECTED[issue.expected] ?? issue.expected}.`);
  }
  return invalidInput(field, issue.message);
}

export interface GraphActionOptions<Input = unknown> {
  /** Names the action in server logs ("createJob"). */
  name: string;
  /**
   * Whether the action changes Graph state. A network failure or a 5xx of a change is then marked
   * `ambiguous`: Graph may have done it. Default true (server actions are writes).
   */
  mutates?: boolean;
  /** Values of the validated input to redact from any error message, like the token (admin credentials). */
  secretsOf?: (input: Input) => readonly string[];
}

export async function runGraphAction<Schema extends z.ZodType, T>(
  token: unknown,
  input: unknown,
  schema: Schema,
  fn: (graph: GraphGateway, input: z.output<Schema>) => Promise<T>,
  options: GraphActionOptions<z.output<Schema>>,
): Promise<ActionResult<T>> {
  const checkedToken = checkToken(token);
  if (!checkedToken.ok) return checkedToken;
  const checkedInput = schema.safeParse(input);
  if (!checkedInput.success) return fail(inputProblem(checkedInput.error));
  const bearer = checkedToken.data;
  try {
    return ok(await fn(graphForToken(bearer), checkedInput.data));
  } catch (error) {
    const secrets = options.secretsOf?.(checkedInput.data);
    return fail(callerError(error, bearer, { operation: `action ${options.name}`, mutates: options.mutates ?? true, secrets }));
  }
}
