import { z } from "zod";
import { servicePrincipalId, templateId } from "@/lib/validation/ids";

/** What `createJob` accepts, and nothing else (extra fields are refused). */
export const createJobInput = z.strictObject({
  servicePrincipalId,
  templateId,
});

export type CreateJobInput = z.input<typeof createJobInput>;
