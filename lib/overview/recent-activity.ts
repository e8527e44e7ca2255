import { toActivityRow, type ActivityRow } from "@/lib/activity/activity-view";
import type { DirectoryAudit } from "@/lib/graph/directory-audits";
import { routes } from "@/lib/routes";

/** The tenant's latest provisioning configuration changes and incidents, for the Overview: who did what to which app, and when. */

export const RECENT_ACTIVITY_COUNT = 10;
export type RecentAudit = DirectoryAudit;

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
