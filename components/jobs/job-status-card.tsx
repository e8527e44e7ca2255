import Link from "next/link";
import { useId, type ReactNode } from "react";
import type { CredentialsStatus } from "@/lib/configure/saved-secrets";
import { formatCount } from "@/lib/format/count";
import type { JobCard } from "@/lib/jobs/job-card";
import { CopyButton } from "@/components/ui/copy-button";
import { ExecutionFacts } from "./execution-facts";
import { Fact, TimeFact } from "@/components/ui/fact";
import { Heading, subLevel, type HeadingLevel } from "@/components/ui/heading";
import { ProgressBar } from "./progress-bar";
import { QuarantineFacts } from "./quarantine-facts";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { TroubleshootingLink } from "./troubleshooting-link";

export interface JobStatusCardProps {
  card: JobCard;
  /** Start/Pause/Restart/Delete buttons, rendered in the card's header. */
  actions?: ReactNode;
  /** The job's own page; makes the heading a link. */
  href?: string;
  /** The job's Configure page (admin credentials and settings): a link in the header. */
  configureHref?: string;
  /** The job's provisioning logs (of its last cycle): a link in the header. */
  logsHref?: string;
  /** Whether the application's admin credentials are saved; "missing" and "incomplete" are said on the card. */
  credentials?: CredentialsStatus;
  headingLevel?: HeadingLevel;
}

const CREDENTIALS_NOTE: Partial<Record<CredentialsStatus, string>> = {
  missing: "No admin credentials are saved for this application: the job cannot connect to it until you configure them.",
  incomplete: "Some admin credentials of this application are not saved: the job cannot connect to it until you complete them.",
};

const HEADER_LINK = "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50";

/** Everything a job's status says, from a `JobCard` view model. Presentational; works as a server component. */
export function JobStatusCard({ card, actions, href, configureHref, logsHref, credentials, headingLevel = 3 }: JobStatusCardProps) {
  const id = useId();
  const { schedule, status } = card;
  const sectionLevel = subLevel(headingLevel);
  const title = card.templateId ?? "Unknown template";
  const lastSuccess = status.lastSuccessfulExecution;
  const credentialsNote = credentials ? CREDENTIALS_NOTE[credentials] : undefined;
  return (
    <article aria-labelledby={id} data-testid="job-status-card" data-job-id={card.id} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <Heading level={headingLevel} id={id} className="text-base font-semibold text-slate-900">
            {href ? (
              <Link href={href} prefetch={false} className="text-brand-700 underline-offset-2 hover:underline">
                {title}
                <span className="sr-only"> job</span>
              </Link>
            ) : (
              title
            )}
          </Heading>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
            <StatusBadge term={status.code} kind="status" />
            <span>{status.code.meaning}</span>
          </p>
        </div>
        {actions || configureHref || logsHref ? (
          <div className="flex flex-wrap items-start gap-2">
            {logsHref ? (
              <Link href={logsHref} prefetch={false} className={HEADER_LINK} data-testid="job-logs-link">
                Logs<span className="sr-only"> of job {card.id}{card.status.lastExecution?.activityId ? ", last cycle" : ""}</span>
              </Link>
            ) : null}
            {configureHref ? (
              <Link href={configureHref} prefetch={false} className={HEADER_LINK} data-testid="job-configure-link">
                Configure<span className="sr-only"> job {card.id}</span>
              </Link>
            ) : null}
            {actions}
          </div>
        ) : null}
      </header>

      {credentialsNote ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="job-credentials-missing" data-credentials={credentials}>
          {credentialsNote}
          {configureHref ? (
            <>
              {" "}
              <Link href={configureHref} prefetch={false} className="font-medium text-brand-700 underline">
                Configure admin credentials
              </Link>
            </>
          ) : null}
        </p>
      ) : null}

      {status.progress ? <ProgressBar progress={status.progress} label={status.code.code === "NotRun" ? "Initial cycle" : "Progress"} /> : null}

      {status.quarantine ? (
        <div className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-red-900 [&_dd]:text-red-950 [&_dt]:text-red-800">
          <Heading level={sectionLevel} className="text-sm font-semibold">
            Quarantine
          </Heading>
          <QuarantineFacts quarantine={status.quarantine} />
        </div>
      ) : null}

      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        <Fact term="Template ID">
          <code className="font-mono text-xs">{card.templateId ?? "Not reported"}</code>
        </Fact>
        <Fact term="Job ID">
          <span className="flex flex-wrap items-center gap-2">
            <code className="break-all font-mono text-xs">{card.id || "Not reported"}</code>
            {card.id ? <CopyButton text={card.id} label="Copy job ID" /> : null}
          </span>
        </Fact>
        <Fact term="Schedule">
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge term={schedule.state} kind="schedule" />
            <span>{schedule.interval}</span>
          </span>
        </Fact>
        <TimeFact term="Expires" moment={schedule.expiration} />
        <TimeFact term="Steady state first reached" moment={status.steadyState.first} />
        <TimeFact term="Steady state last reached" moment={status.steadyState.last} />
        <Fact term="Last successful run">
          {lastSuccess ? <RelativeTime moment={lastSuccess.ended.kind === "date" ? lastSuccess.ended : lastSuccess.began} /> : "None yet"}
        </Fact>
        <Fact term="Consecutive failures">
          <span className="tabular-nums">{formatCount(status.consecutiveFailures)}</span>
        </Fact>
        <Fact term="Escrows pruned">{status.escrowsPruned ? "Yes — errors were cleared to finish the initial cycle" : "No"}</Fact>
      </dl>

      <div className="space-y-2">
        <Heading level={sectionLevel} className="text-sm font-semibold text-slate-900">
          Last run
        </Heading>
        {status.lastExecution ? <ExecutionFacts execution={status.lastExecution} /> : <p className="text-sm text-slate-700">No run yet.</p>}
      </div>

      <div className="space-y-2">
        <Heading level={sectionLevel} className="text-sm font-semibold text-slate-900">
          Synchronized entries
        </Heading>
        {status.entryCounts.length ? (
          <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-4">
            {status.entryCounts.map((entry, index) => (
              <Fact key={`${entry.type}-${index}`} term={entry.type}>
                <span className="tabular-nums">{formatCount(entry.count)}</span>
              </Fact>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-slate-700">None yet.</p>
        )}
      </div>

      {status.troubleshootingUrl ? (
        <p className="text-sm text-brand-700">
          <TroubleshootingLink url={status.troubleshootingUrl} />
        </p>
      ) : null}
    </article>
  );
}
