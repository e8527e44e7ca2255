import type { GraphErrorInfo, GraphErrorKind } from "@/lib/graph/graph-error";

/**
 * The one result shape of every server action (DESIGN §5): plain data, safe to send to the browser.
 * Actions return it; they never throw to the client.
 */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** Graph's failure kinds, plus "invalid-input": the action refused its arguments before calling Graph. */
export type ActionErrorKind = GraphErrorKind | "invalid-input";

export interface ActionError extends Omit<GraphErrorInfo, "kind"> {
  kind: ActionErrorKind;
  /** For "invalid-input": which argument was refused ("token", "servicePrincipalId", "templateId", "input"). */
  field?: string;
  /**
   * The change may have happened although the action failed (a network failure, a 5xx or an unusable
   * 2xx after the request was sent). Check Graph's state before trying again; never retry blindly.
   */
  ambiguous?: boolean;
}

export const ok = <T>(data: T): ActionResult<T> => ({ ok: true, data });
export const fail = <T = never>(error: ActionError): ActionResult<T> => ({ ok: false, error });

/** An argument the action refused; nothing was sent to Graph. */
export function invalidInput(field: string, message: string): ActionError {
  return { kind: "invalid-input", status: 0, code: "InvalidInput", message, field };
}

/** An action's error as a read reports it: "invalid-input" reads as "unexpected" (a read has no arguments to refuse). */
export function asGraphErrorInfo({ kind, field: _field, ambiguous: _ambiguous, ...rest }: ActionError): GraphErrorInfo {
  return { ...rest, kind: kind === "invalid-input" ? "unexpected" : kind };
}
