import { z } from "zod";
import { groupId, jobId, ruleId, servicePrincipalId, userId } from "@/lib/validation/ids";
import { MAX_ON_DEMAND_MEMBERS } from "@/lib/on-demand/limits";

/** What `provisionOnDemand` accepts, and nothing else: checked before anything reaches Graph. */
const subject = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("user"), id: userId }),
  z.strictObject({
    type: z.literal("group"),
    id: groupId,
    memberIds: z
      .array(userId)
      .min(1, "Choose at least one member of the group.")
      .max(MAX_ON_DEMAND_MEMBERS, `Provision on demand takes at most ${MAX_ON_DEMAND_MEMBERS} members of a group at a time.`)
      .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, "Each member may be chosen only once."),
  }),
]);

export const provisionOnDemandInput = z.strictObject({ servicePrincipalId, jobId, ruleId, subject });
export type ProvisionOnDemandInput = z.input<typeof provisionOnDemandInput>;
