import { z } from "zod";

/** Service principal object ids are GUIDs. */
export const servicePrincipalId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "A service principal id is a GUID.");

/**
 * Job and template ids are opaque (`BoxOutDelta.7928…`, `scim`, `API2AAD.<hex>.<guid>`): bounded, a safe
 * character set, and never a dot segment, so that each stays one path segment.
 */
const opaqueId = (what: string, max: number) =>
  z
    .string()
    .min(1, `The ${what} is empty.`)
    .max(max, `The ${what} is longer than ${max} characters.`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, `The ${what} may only contain letters, digits, ".", "_" and "-".`)
    .refine((value) => !value.includes(".."), `The ${what} may not contain "..".`);

export const jobId = opaqueId("job id", 200);
export const templateId = opaqueId("template id", 100);
/** Provisioning log ids: GUIDs in Graph's examples; the emulator's cycle ids are `<jobId>.<n>`. */
export const cycleId = opaqueId("cycle id", 200);
export const logEntryId = opaqueId("log entry id", 200);

/** The first problem with `value` as the schema sees it, or null when it is valid. */
export function idProblem(schema: z.ZodType<string>, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0]?.message ?? "Invalid id.";
}
