import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { metadataValue, type MetadataList } from "@/lib/metadata/metadata";

/**
 * What an admin should know before provisioning on demand, from the job and its template (provision-on-demand.md,
 * FAQ): "Applications that use OAuth for authorization currently require the provisioning job to be stopped
 * before using on-demand provisioning." The template says which apps those are (`isOAuthEnabled`).
 */

export type OnDemandNotice = { kind: "pause-first" } | { kind: "not-configured" };

export function onDemandNotices(job: Pick<SynchronizationJob, "schedule" | "status">, template: { metadata?: MetadataList } | null): OnDemandNotice[] {
  const notices: OnDemandNotice[] = [];
  const oauth = metadataValue(template?.metadata, "isOAuthEnabled")?.toLowerCase() === "true";
  const running = job.schedule?.state?.toLowerCase() === "active";
  if (oauth && running) notices.push({ kind: "pause-first" });
  if (job.status?.code?.toLowerCase() === "notconfigured") notices.push({ kind: "not-configured" });
  return notices;
}
