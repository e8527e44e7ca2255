import { z } from "zod";
import { parseRuntimeConfig } from "@/lib/config/runtime-config";
import { createGraphGateway, type GraphGateway } from "@/lib/graph/gateway";
import { GraphError } from "@/lib/graph/graph-error";
import { fail, invalidInput, ok, type ActionError, type ActionResult } from "./action-result";

/**
 * The shared body of every Graph server action (create/start/pause/restart/delete): validate the token and
 * the input first and refuse before anything reaches Graph; build the gateway from server configuration
 * (never from input); turn every failure into `{ ok: false, error }`. Server-side only: import it from
 * `'use server'` files. The token is forwarded in the Authorization header and nowhere else (not logged,
 * not echoed in errors). The server never validates it (DESIGN §5): Graph does.
 */

export const MAX_TOKEN_LENGTH = 16_384;

/** A bearer token as Graph takes it: non-empty, bounded, visible ASCII only (no spaces, line breaks, "Bearer "). */
export const graphToken = z
  .string({ error: "No Graph access token was sent. Sign in again." })
  .min(1, "No Graph access token was sent. Sign in again.")
  .max(MAX_TOKEN_LENGTH, `The Graph access token is longer than ${MAX_TOKEN_LENGTH} characters.`)
  .regex(/^[\x21-\x7E]+$/, "The Graph access token contains characters no token has (spaces, line breaks or non-ASCII).");

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

function redact(text: string, token: string): string {
  return token ? text.split(token).join("[token]") : text;
}

/** Thrown inside an action body to return a specific error (e.g. a 2xx Graph answer that is unusable). */
export class ActionFailure extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
    this.name = "ActionFailure";
  }
}

/** Any failure as an ActionError; network failures and 5xx of a change are marked ambiguous. */
export function toActionError(error: unknown, token: string, mutates: boolean): ActionError {
  if (error instanceof ActionFailure) return { ...error.error, message: redact(error.error.message, token) };
  if (error instanceof GraphError) {
    const info = { ...error.info, message: redact(error.info.message, token) };
    const ambiguous = mutates && (info.kind === "network" || info.kind === "server");
    return ambiguous ? { ...info, ambiguous } : info;
  }
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: "unexpected",
    status: 0,
    code: name === "ConfigError" ? "ServerConfiguration" : name,
    message: redact(message, token) || "Something unexpected happened on the server.",
  };
}

/** The Graph the server is configured for (never one named by input), called with the admin's token. */
export function graphWithToken(token: string): GraphGateway {
  const config = parseRuntimeConfig(process.env);
  return createGraphGateway({ baseUrl: config.graphBaseUrl, version: config.graphApiVersion, getToken: async () => token });
}

export async function runGraphAction<Schema extends z.ZodType, T>(
  token: unknown,
  input: unknown,
  schema: Schema,
  fn: (graph: GraphGateway, input: z.output<Schema>) => Promise<T>,
  options: GraphActionOptions,
): Promise<ActionResult<T>> {
  const checkedToken = graphToken.safeParse(token);
  if (!checkedToken.success) return fail(inputProblem(checkedToken.error, "token"));
  const checkedInput = schema.safeParse(input);
  if (!checkedInput.success) return fail(inputProblem(checkedInput.error));
  const bearer = checkedToken.data;
  try {
    return ok(await fn(graphWithToken(bearer), checkedInput.data));
  } catch (error) {
    const actionError = toActionError(error, bearer, options.mutates ?? true);
    if (!(error instanceof GraphError) && !(error instanceof ActionFailure)) {
      // Only the error's name and a redacted message: never the token, never the input.
      console.error(`[action ${options.name}] ${actionError.code}: ${actionError.message}`);
    }
    return fail(actionError);
  }
}
