import type { ProvisioningObjectSummary, ServicePrincipal, SynchronizationJob, SynchronizationSchema, SynchronizationTemplate } from "@microsoft/microsoft-graph-types-beta";
import * as z from "zod/mini";
import type { BatchResult } from "./gateway";
import { GraphError, type GraphErrorInfo } from "./graph-error";

/**
 * Graph's answers, checked where the console relies on a field: ids (links, keys, later requests) and
 * collections being lists. Everything else passes through as Graph sent it (reshaping decides sentinels).
 * An answer that fails is "Graph answered something unexpected", never a crash further down.
 */

// These schemas run in the browser too, where the CSP allows no eval: zod's compiled fast path (and the
// `new Function` probe that looks for it) would be blocked and reported as a violation. Set before any schema.
z.config({ jitless: true });

const id = z.string().check(z.minLength(1));
const optionalText = z.nullish(z.string());
const item = <T>(shape: z.core.$ZodLooseShape) => z.looseObject(shape) as unknown as z.ZodMiniType<T>;

export const servicePrincipalAnswer = item<ServicePrincipal & { id: string }>({ id, displayName: optionalText, appId: optionalText });
export const templateAnswer = item<SynchronizationTemplate & { id: string }>({ id });
export const jobAnswer = item<SynchronizationJob & { id: string }>({
  id,
  templateId: optionalText,
  schedule: z.nullish(z.looseObject({})),
  status: z.nullish(z.looseObject({ code: optionalText })),
});
export const schemaAnswer = item<SynchronizationSchema>({ synchronizationRules: z.nullish(z.array(z.looseObject({}))) });
/** One saved pair of `synchronization/secrets` (GET: its shape is undocumented; Graph masks secret values). */
export const secretPairAnswer = item<{ key: string; value?: string | null }>({ key: z.string(), value: z.nullish(z.string()) });

/** One provisioning log entry: its id keys the list and the detail link; the lists it shows must be lists. */
export const provisioningEntryAnswer = item<ProvisioningObjectSummary & { id: string }>({
  id,
  activityDateTime: optionalText,
  provisioningStatusInfo: z.nullish(z.looseObject({ status: optionalText })),
  provisioningSteps: z.nullish(z.array(z.looseObject({}))),
  modifiedProperties: z.nullish(z.array(z.looseObject({}))),
});

/** A collection's `value`, each item checked. */
export const listOf = <T>(schema: z.ZodMiniType<T>) => z.pipe(z.looseObject({ value: z.array(schema) }), z.transform((answer) => answer.value));

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: GraphErrorInfo };

/** A loaded value reshaped; a failure stays the same failure. */
export const mapLoaded = <T, U>(loaded: Loaded<T>, reshape: (value: T) => U): Loaded<U> => (loaded.ok ? { ok: true, value: reshape(loaded.value) } : loaded);

function unexpected(error: z.core.$ZodError, what: string): GraphErrorInfo {
  const issue = error.issues[0];
  const where = issue?.path.length ? ` (at ${issue.path.join(".")})` : "";
  // zod/mini carries no locale (its messages say "Invalid input"): name what was expected ourselves.
  const problem = issue?.code === "invalid_type" ? `expected ${issue.expected}` : (issue?.message ?? "not the documented shape");
  return {
    kind: "unexpected",
    status: 0,
    code: "UnexpectedGraphAnswer",
    message: `Microsoft Graph answered something unexpected for ${what}${where}: ${problem}.`,
  };
}

/** `data` as `schema` says, or a GraphError naming what was read. */
export function parseAnswer<T>(schema: z.ZodMiniType<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new GraphError(unexpected(parsed.error, what));
  return parsed.data;
}

/** One answer of a `$batch`, checked: its value, or why it failed (Graph's error, or the unexpected shape). */
export function loadedAnswer<T>(result: BatchResult<unknown>, schema: z.ZodMiniType<T>, what: string): Loaded<T> {
  if (!result.ok) return { ok: false, error: result.error };
  const parsed = schema.safeParse(result.data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: unexpected(parsed.error, what) };
}
