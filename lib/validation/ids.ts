import * as z from "zod/mini";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Service principal object ids are GUIDs. */
export const servicePrincipalId = z.string().check(z.regex(GUID, "A service principal id is a GUID."));
/** Entra users and groups: object ids are GUIDs. */
export const userId = z.string().check(z.regex(GUID, "A user id is a GUID."));
export const groupId = z.string().check(z.regex(GUID, "A group id is a GUID."));

/**
 * Job and template ids are opaque (`BoxOutDelta.7928…`, `scim`, `API2AAD.<hex>.<guid>`): bounded, a safe
 * character set, and never a dot segment, so that each stays one path segment.
 */
const opaqueId = (what: string, max: number) =>
  z.string().check(
    z.minLength(1, `The ${what} is empty.`),
    z.maxLength(max, `The ${what} is longer than ${max} characters.`),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, `The ${what} may only contain letters, digits, ".", "_" and "-".`),
    z.refine((value) => !value.includes(".."), `The ${what} may not contain "..".`),
  );

export const jobId = opaqueId("job id", 200);
export const templateId = opaqueId("template id", 100);
/** Provisioning log ids: GUIDs in Graph's examples; the emulator's cycle ids are `<jobId>.<n>`. */
export const cycleId = opaqueId("cycle id", 200);
export const logEntryId = opaqueId("log entry id", 200);

/** Synchronization rule ids: GUIDs, with a version suffix in the docs' group example (`33f7…#V2`). */
export const ruleId = z.string().check(
  z.minLength(1, "The rule id is empty."),
  z.maxLength(200, "The rule id is longer than 200 characters."),
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._#-]*$/, 'The rule id may only contain letters, digits, ".", "_", "#" and "-".'),
);

/** The first problem with `value` as the schema sees it, or null when it is valid. */
export function idProblem(schema: z.ZodMiniType<string>, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0]?.message ?? "Invalid id.";
}

/** A GUID path segment as the pages use it (lower case), or null when `schema` refuses it. */
export function routeGuid(schema: z.ZodMiniType<string>, segment: unknown): string | null {
  return typeof segment === "string" && !idProblem(schema, segment) ? segment.toLowerCase() : null;
}

/** A job page's ids as its pages use them (the SP's in lower case), or null when either is malformed. */
export function jobRouteIds(spSegment: unknown, jobSegment: unknown): { servicePrincipalId: string; jobId: string } | null {
  const spId = routeGuid(servicePrincipalId, spSegment);
  return spId && typeof jobSegment === "string" && !idProblem(jobId, jobSegment) ? { servicePrincipalId: spId, jobId: jobSegment } : null;
}
