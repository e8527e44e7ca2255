import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import type { CredentialsStatus } from "@/lib/configure/saved-secrets";
import { toJobCard } from "@/lib/jobs/job-card";
import { cycleSearch, FAILURES_SEARCH } from "@/lib/logs/filters";
import { routes } from "@/lib/routes";
import { JobStatusCard } from "./job-status-card";
import { QuarantineBanner } from "./quarantine-banner";
import { JobLifecycleControls } from "./lifecycle/job-lifecycle-controls";

/**
 * A job as every page shows it: quarantine banner (with Start, the documented way out, where to fix the
 * credentials first, and the failures in its logs), status card with its Configure and Logs links (the logs of
 * its last cycle), controls.
 */
export function LiveJobCard({
  servicePrincipalId,
  job,
  href,
  credentials,
  headingLevel,
}: {
  servicePrincipalId: string;
  job: SynchronizationJob;
  href?: string;
  /** Whether the application's admin credentials are saved (unknown when absent). */
  credentials?: CredentialsStatus;
  headingLevel?: 2 | 3 | 4;
}) {
  const card = toJobCard(job);
  const configureHref = job.id ? routes.jobConfigure(servicePrincipalId, job.id) : undefined;
  const logsHref = job.id ? routes.jobLogs(servicePrincipalId, job.id, cycleSearch(card.status.lastExecution?.activityId)) : undefined;
  const failuresHref = job.id ? routes.jobLogs(servicePrincipalId, job.id, FAILURES_SEARCH) : undefined;
  return (
    <div className="space-y-3">
      {card.status.code.code === "Quarantine" && card.status.quarantine ? (
        <QuarantineBanner
          quarantine={card.status.quarantine}
          troubleshootingUrl={card.status.troubleshootingUrl}
          headingLevel={headingLevel}
          configureHref={configureHref}
          failuresHref={failuresHref}
          action={<JobLifecycleControls servicePrincipalId={servicePrincipalId} job={job} only="start" />}
        />
      ) : null}
      <JobStatusCard
        card={card}
        href={href}
        configureHref={configureHref}
        logsHref={logsHref}
        credentials={credentials}
        headingLevel={headingLevel}
        actions={<JobLifecycleControls servicePrincipalId={servicePrincipalId} job={job} />}
      />
    </div>
  );
}
