import "server-only";
import { z } from "zod";
import { fail, invalidInput, ok, type ActionError, type ActionResult } from "@/lib/errors/action-result";
import { parseRuntimeConfig } from "@/lib/config/runtime-config";
import { configuredGraphGateway, type GraphGateway } from "@/lib/graph/gateway";
import { GraphError } from "@/lib/graph/graph-error";

/**
 * The console's server calling Graph for an admin: the one place that checks a token's syntax, builds the
 * gateway to the configured Graph (never one named by input) and turns a failure into what the caller is told.
 * Used by every server action and by `/api/fleet`. The token is forwarded in the Authorization header and
 * nowhere else (not logged, not echoed in errors). The server never validates it (DESIGN §5): Graph does.
 */

export const MAX_TOKEN_LENGTH = 16_384;

const NO_TOKEN = "No Graph access token was sent. Sign in again.";

/** A bearer token as Graph takes it: non-empty, bounded, visible ASCII only (no spaces, line breaks, "Bearer "). */
const graphToken = z
  .string({ error: NO_TOKEN })
  .min(1, NO_TOKEN)
  .max(MAX_TOKEN_LENGTH, `The Graph access token is longer than ${MAX_TOKEN_LENGTH} characters.`)
  .regex(/^[\x21-\x7E]+$/, "The Graph access token contains characters no token has (spaces, line breaks or non-ASCII).");

/** The token if its syntax is one Graph could accept; otherwise why not (field "token"), before anything reaches Graph. */
export function checkToken(token: unknown): ActionResult<string> {
  const checked = graphToken.safeParse(token);
  return checked.success ? ok(checked.data) : fail(invalidInput("token", checked.error.issues[0]?.message ?? NO_TOKEN));
}

/** The token of an `Authorization: Bearer …` header, checked as `checkToken` does. */
export function checkBearerHeader(header: string | null): ActionResult<string> {
  const value = header ?? "";
  return checkToken(value.startsWith("Bearer ") ? value.slice("Bearer ".length) : "");
}

/** The Graph the server is configured for, called with the admin's token. */
export function graphForToken(token: string): GraphGateway {
  return configuredGraphGateway(parseRuntimeConfig(process.env), async () => token);
}

/** Thrown inside an action body to return a specific error (e.g. a 2xx Graph answer that is unusable). */
export class ActionFailure extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
    this.name = "ActionFailure";
  }
}

/** Values shorter than this are not redacted from messages (they would garble the words around them). */
const MIN_REDACTED_LENGTH = 3;

function redact(text: string, token: string, secrets: readonly string[] = []): string {
  let redacted = token ? text.split(token).join("[token]") : text;
  for (const secret of secrets) if (secret.length >= MIN_REDACTED_LENGTH) redacted = redacted.split(secret).join("[redacted]");
  return redacted;
}

/**
 * Any failure of work done for `token` as the caller is told it. Graph's own errors pass through (redacted);
 * a network failure or 5xx of a change is marked `ambiguous` (Graph may have done it). Anything else is a
 * fault of ours: the server log gets its name and redacted message under `operation` and a reference, the
 * caller gets generic words and that reference (an internal message may quote an upstream body or our code).
 * `secrets` (admin credentials the work carried) are redacted like the token.
 */
export function callerError(error: unknown, token: string, options: { operation: string; mutates: boolean; secrets?: readonly string[] }): ActionError {
  const clean = (text: string) => redact(text, token, options.secrets);
  if (error instanceof ActionFailure) return { ...error.error, message: clean(error.error.message) };
  if (error instanceof GraphError) {
    const info = { ...error.info, message: clean(error.info.message) };
    const ambiguous = options.mutates && (info.kind === "network" || info.kind === "server");
    return ambiguous ? { ...info, ambiguous } : info;
  }
  const name = error instanceof Error ? error.name : "Error";
  const reference = crypto.randomUUID().slice(0, 8);
  // Only the error's name and a redacted message: never the token, never the input.
  console.error(`[${options.operation}] ${name} (reference ${reference}): ${clean(error instanceof Error ? error.message : String(error))}`);
  const configuration = name === "ConfigError";
  return {
    kind: "unexpected",
    status: 0,
    code: configuration ? "ServerConfiguration" : "InternalServerError",
    message: configuration
      ? `The console's server is not configured correctly; its log names the setting (reference ${reference}).`
      : `Something went wrong on the console's server; its log has the details (reference ${reference}).`,
  };
}
