import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import Link from "next/link";
import type { Ref } from "react";
import type { ActionError } from "@/lib/errors/action-result";
import { toJobCard } from "@/lib/jobs/job-card";
import { routes } from "@/lib/routes";
import { Heading, subLevel, type HeadingLevel } from "@/components/ui/heading";
import { JobStatusCard } from "@/components/jobs/job-status-card";

export interface CreatedJobProps {
  servicePrincipalId: string;
  /** The job as Graph returned it (or as the job list showed it after a lost answer). */
  job: SynchronizationJob;
  /** Set when the create's answer was lost and the job list showed the job. */
  recoveredFrom?: ActionError;
  headingLevel?: HeadingLevel;
  headingRef?: Ref<HTMLHeadingElement>;
  onCreateAnother?: () => void;
}

/** The job just created, straight from Graph's answer, with its deep link and what to do next. */
export function CreatedJob({ servicePrincipalId, job, recoveredFrom, headingLevel = 3, headingRef, onCreateAnother }: CreatedJobProps) {
  const href = job.id ? routes.job(servicePrincipalId, job.id) : undefined;
  const configureHref = job.id ? routes.jobConfigure(servicePrincipalId, job.id) : undefined;
  return (
    <section className="space-y-4 rounded-lg border border-green-200 bg-green-50 p-4" data-testid="created-job" data-job-id={job.id ?? ""}>
      <Heading level={headingLevel} ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-green-900">
        Job created
      </Heading>
      {recoveredFrom ? (
        <p className="text-sm text-slate-800" data-testid="recovered-note">
          Microsoft Graph&apos;s answer was lost ({recoveredFrom.code}
          {recoveredFrom.status ? `, HTTP ${recoveredFrom.status}` : ""}), but the service principal&apos;s job list shows the new job, so it was
          created once. Do not create it again.
        </p>
      ) : null}
      <JobStatusCard card={toJobCard(job)} href={href} headingLevel={subLevel(headingLevel)} />
      <div className="space-y-2 text-sm text-slate-800">
        <Heading level={subLevel(headingLevel)} className="font-semibold text-slate-900">
          Next steps
        </Heading>
        <p>Microsoft Graph creates jobs disabled: nothing is provisioned until you start it.</p>
        <ol className="list-decimal space-y-1 pl-5">
          <li>
            {configureHref ? (
              <Link href={configureHref} className="font-medium text-brand-700 underline" data-testid="created-job-configure-link">
                Provide the admin credentials
              </Link>
            ) : (
              "Provide the admin credentials"
            )}{" "}
            of the target application (for example its tenant URL and secret token) and test the connection.
          </li>
          <li>Start the job. The first cycle then reads every user and group in scope.</li>
        </ol>
        <p className="flex flex-wrap items-center gap-4 pt-1">
          {href ? (
            <Link href={href} className="font-medium text-brand-700 underline" data-testid="created-job-link">
              Open the job {job.id}
            </Link>
          ) : null}
          {onCreateAnother ? (
            <button type="button" onClick={onCreateAnother} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50">
              Create another job
            </button>
          ) : null}
        </p>
      </div>
    </section>
  );
}
