import { z } from "zod";
import { toActivityRow, type ActivityRow } from "@/lib/activity/activity-view";
import { parseAnswer } from "@/lib/graph/answers";
import { PROVISIONING_AUDIT_SERVICE } from "@/lib/graph/directory-audits";
import type { GraphGateway } from "@/lib/graph/gateway";
import { odataString } from "@/lib/graph/odata";
import { routes } from "@/lib/routes";

/**
 * The tenant's latest provisioning configuration changes and incidents ("Account Provisioning" audits), for
 * the Overview: who did what to which app, and when. One page of `$top` audits, newest first (Graph's order),
 * with the one documented filter that keeps them to provisioning: `loggedByService eq`.
 */

export const RECENT_ACTIVITY_COUNT = 10;

const identity = z.object({ displayName: z.string().nullish(), userPrincipalName: z.string().nullish() }).nullish();
/** lib/graph/directory-audits.ts's audit, plus the target resources (which app). */
const recentAuditAnswer = z.object({
  id: z.string(),
  activityDisplayName: z.string(),
  activityDateTime: z.string(),
  result: z.string().nullish(),
  resultReason: z.string().nullish(),
  initiatedBy: z.object({ user: identity, app: z.object({ displayName: z.string().nullish() }).nullish() }).nullish(),
  additionalDetails: z.array(z.object({ key: z.string().nullish(), value: z.string().nullish() })).nullish(),
  targetResources: z.array(z.object({ id: z.string().nullish(), displayName: z.string().nullish(), type: z.string().nullish() })).nullish(),
});
export type RecentAudit = z.infer<typeof recentAuditAnswer>;

export async function recentProvisioningAudits(graph: GraphGateway, options: { top?: number; signal?: AbortSignal } = {}): Promise<RecentAudit[]> {
  const top = options.top ?? RECENT_ACTIVITY_COUNT;
  const page = await graph.page<unknown>(
    { path: "/auditLogs/directoryAudits", query: { $filter: `loggedByService eq ${odataString(PROVISIONING_AUDIT_SERVICE)}`, $top: top } },
    undefined,
    options.signal,
  );
  return parseAnswer(z.array(recentAuditAnswer), page.value, "the audit log").slice(0, top);
}

export interface RecentActivityRow extends ActivityRow {
  /** The app it concerns (its service principal), when the audit names one. */
  app: { id: string; name: string; href: string } | null;
}

export function toRecentActivityRow(audit: RecentAudit, now: Date): RecentActivityRow {
  // Provisioning audits target the service principal; a resource of another type is no app to link to.
  const target = audit.targetResources?.find((resource) => resource.id && (!resource.type || resource.type.toLowerCase() === "serviceprincipal"));
  const id = target?.id?.trim();
  return {
    ...toActivityRow(audit, now),
    app: id ? { id, name: target?.displayName?.trim() || id, href: routes.servicePrincipal(id) } : null,
  };
}
