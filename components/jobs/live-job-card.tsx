import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { toJobCard } from "@/lib/jobs/job-card";
import { JobStatusCard } from "./job-status-card";
import { QuarantineBanner } from "./quarantine-banner";
import { JobLifecycleControls } from "./lifecycle/job-lifecycle-controls";

/** A job as every page shows it: quarantine banner (with Start, the documented way out), status card, controls. */
export function LiveJobCard({
  servicePrincipalId,
  job,
  href,
  headingLevel,
}: {
  servicePrincipalId: string;
  job: SynchronizationJob;
  href?: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const card = toJobCard(job);
  return (
    <div className="space-y-3">
      {card.status.code.code === "Quarantine" && card.status.quarantine ? (
        <QuarantineBanner
          quarantine={card.status.quarantine}
          troubleshootingUrl={card.status.troubleshootingUrl}
          headingLevel={headingLevel}
          action={<JobLifecycleControls servicePrincipalId={servicePrincipalId} job={job} only="start" />}
        />
      ) : null}
      <JobStatusCard
        card={card}
        href={href}
        headingLevel={headingLevel}
        actions={<JobLifecycleControls servicePrincipalId={servicePrincipalId} job={job} />}
      />
    </div>
  );
}
