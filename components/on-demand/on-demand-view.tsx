"use client";

import dynamic from "next/dynamic";
import { usePathname, useSearchParams } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { useJobWriteAccess } from "@/components/auth/use-job-write-access";
import { JobBreadcrumb } from "@/components/jobs/job-breadcrumb";
import { JobOverviewGate, type LoadedJobOverview } from "@/components/jobs/job-overview-gate";
import { JobLifecycleControls } from "@/components/jobs/lifecycle/job-lifecycle-controls";
import { buttonStyles, Spinner } from "@/components/jobs/lifecycle/modal-dialog";
import { useLiveJob } from "@/components/jobs/use-live-jobs";
import { GraphErrorDetails } from "@/components/ui/graph-error-details";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { replaceUrl } from "@/components/ui/url-history";
import { RetryWait } from "@/components/ui/retry-wait";
import { SkeletonLines } from "@/components/ui/skeleton";
import { describeError } from "@/lib/errors/describe-error";
import { MAX_ON_DEMAND_MEMBERS, ON_DEMAND_RATE } from "@/lib/on-demand/limits";
import { onDemandNotices } from "@/lib/on-demand/readiness";
import { onDemandRules } from "@/lib/on-demand/rules";
import { onDemandSearch, parseOnDemandSearch, type SubjectChoice } from "@/lib/on-demand/subject-url";
import { routes } from "@/lib/routes";
import { SubjectPicker } from "./subject-picker";
import { useProvisionOnDemand, type RunState } from "./use-provision-on-demand";

// Shown only once a run has answered (the log entry's detail view): loaded then, not with the page.
const OnDemandResult = dynamic(() => import("./on-demand-result").then((module) => module.OnDemandResult), {
  loading: () => <SkeletonLines lines={4} label="Showing the result…" />,
});

/** Provision on demand for one job: the job's one `$batch` (shared cache), then the choice, the run and its result. */
export function OnDemandView({ servicePrincipalId, jobId }: { servicePrincipalId: string; jobId: string }) {
  return (
    <JobOverviewGate servicePrincipalId={servicePrincipalId} jobId={jobId} what="the job">
      {(loaded) => <OnDemand servicePrincipalId={servicePrincipalId} jobId={jobId} {...loaded} />}
    </JobOverviewGate>
  );
}

const ready = (choice: SubjectChoice): choice is NonNullable<SubjectChoice> => choice !== null && (choice.type === "user" || choice.memberIds.length > 0);

function OnDemand({ servicePrincipalId, jobId, overview, job, appName, updatedAt, refetch }: { servicePrincipalId: string; jobId: string } & LoadedJobOverview) {
  const id = useId();
  const pathname = usePathname();
  const params = useSearchParams();
  const url = useMemo(() => parseOnDemandSearch(new URLSearchParams(params.toString())), [params]);
  const fromUrl = onDemandSearch(url.subject, url.ruleId);
  // The choice answers at once (a checkbox can't wait for a navigation); the URL follows it, and wins when it
  // changes under us (back, forward, a pasted link).
  const [choice, setChoice] = useState({ subject: url.subject, ruleId: url.ruleId, search: fromUrl });
  const [seen, setSeen] = useState(fromUrl);
  if (seen !== fromUrl) {
    setSeen(fromUrl);
    if (fromUrl !== choice.search) setChoice({ subject: url.subject, ruleId: url.ruleId, search: fromUrl });
  }
  const live = useLiveJob(servicePrincipalId, jobId, { data: job, updatedAt });
  const current = live.data ?? job;
  const readOnly = useJobWriteAccess() === "missing";
  const { run, secondsLeft, start, reset } = useProvisionOnDemand(servicePrincipalId, jobId);

  if (!overview.schema.ok) return <GraphErrorPanel error={overview.schema.error} action="load the job's schema (its rules)" onRetry={refetch} />;
  const rules = onDemandRules(overview.schema.value);
  const rule = rules.find((candidate) => candidate.id === choice.ruleId) ?? rules[0];
  const subject = choice.subject;
  const template = overview.configuration.ok ? overview.configuration.value.template : null;
  const notices = onDemandNotices(current, template);

  const choose = (next: SubjectChoice, ruleId = choice.ruleId) => {
    if (run.status !== "running") reset();
    const search = onDemandSearch(next, ruleId);
    setChoice({ subject: next, ruleId, search });
    replaceUrl(`${pathname}${search}`);
  };
  const running = run.status === "running";
  const canRun = !readOnly && !running && secondsLeft === 0 && ready(subject) && rule !== undefined && (subject.type === "user" || rule.groups);

  return (
    <div className="space-y-6" data-testid="on-demand-view">
      <JobBreadcrumb servicePrincipalId={servicePrincipalId} appName={appName} jobId={jobId} />
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">
          <span className="block text-sm font-normal text-slate-600">{appName}</span>
          Provision on demand
        </h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Provision one user, or a group and up to {MAX_ON_DEMAND_MEMBERS} of its members, now instead of at the next cycle, and see each step the provisioning
          service takes: import, scope, match, and what it creates or changes. It typically takes less than 30 seconds. Microsoft allows {ON_DEMAND_RATE.requests}{" "}
          requests per {ON_DEMAND_RATE.seconds} seconds for each job.
        </p>
      </div>

      {url.problems.length ? (
        <ul role="alert" className="list-disc rounded-md border border-amber-300 bg-amber-50 py-2 pl-8 pr-3 text-sm text-amber-950" data-testid="on-demand-url-problems">
          {url.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {readOnly ? (
        <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800" data-testid="on-demand-read-only" id={`${id}-read-only`}>
          Read-only: provisioning on demand changes the target application, which needs Synchronization.ReadWrite.All and a role such as Application
          Administrator. You can search and read the mappings; ask an administrator to provision.
        </p>
      ) : null}
      {notices.map((notice) =>
        notice.kind === "pause-first" ? (
          <div key={notice.kind} className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="on-demand-notice-pause">
            <p>
              {appName} authorizes the provisioning service with OAuth. Microsoft documents that such applications “currently require the provisioning job to
              be stopped before using on-demand provisioning”: pause the job first, and start it again afterwards.
            </p>
            <JobLifecycleControls servicePrincipalId={servicePrincipalId} job={current} only="pause" appName={appName} />
          </div>
        ) : (
          <p key={notice.kind} className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="on-demand-notice-not-configured">
            This job has no admin credentials yet, so its Test connection step will fail.{" "}
            <a href={routes.jobConfigure(servicePrincipalId, jobId)} className="font-medium text-brand-700 underline">
              Configure it
            </a>{" "}
            first.
          </p>
        ),
      )}

      {rules.length === 0 ? (
        <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm" data-testid="on-demand-no-rule">
          No rule of this job&apos;s schema supports provision on demand (rule metadata <code>supportsProvisionOnDemand</code>).
        </p>
      ) : (
        <section aria-labelledby={`${id}-choose`} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6">
          <h2 id={`${id}-choose`} className="text-lg font-semibold">
            Who to provision
          </h2>
          {rules.length > 1 ? (
            <div>
              <label htmlFor={`${id}-rule`} className="block text-sm font-medium text-slate-800">
                Rule
              </label>
              <select
                id={`${id}-rule`}
                value={rule?.id}
                onChange={(event) => choose(subject, event.target.value)}
                className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2"
                data-testid="on-demand-rule"
              >
                {rules.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.label}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p className="text-sm text-slate-700">Rule: {rule!.label}</p>
          )}
          <SubjectPicker
            choice={subject}
            onChoose={(next) => choose(next)}
            disabled={running}
            groups={rule!.groups ? { allowed: true } : { allowed: false, reason: "This job's rule provisions users only, so no group can be provisioned on demand." }}
          />
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              disabled={!canRun}
              onClick={() => ready(subject) && rule && start(rule.id, subject)}
              aria-describedby={readOnly ? `${id}-read-only` : undefined}
              className={`${buttonStyles.base} ${buttonStyles.primary}`}
              data-testid="on-demand-run"
            >
              {running ? (
                <>
                  <Spinner /> Provisioning…
                </>
              ) : (
                "Provision"
              )}
            </button>
            <RetryWait secondsLeft={secondsLeft} className="text-sm text-slate-800" testId="on-demand-wait" />
          </div>
        </section>
      )}

      <div aria-live="polite">
        <RunOutcome servicePrincipalId={servicePrincipalId} jobId={jobId} run={run} />
      </div>
    </div>
  );
}

function RunOutcome({ servicePrincipalId, jobId, run }: { servicePrincipalId: string; jobId: string; run: RunState }) {
  switch (run.status) {
    case "idle":
      return null;
    case "running":
      return <p className="text-sm text-slate-700">The provisioning service is working on it…</p>;
    case "done":
      return <OnDemandResult servicePrincipalId={servicePrincipalId} jobId={jobId} subject={run.subject} answer={run.answer} sentAt={run.sentAt} />;
    case "failed": {
      const problem = describeError(run.error, { operation: "on-demand" });
      return (
        <div role="alert" className="space-y-1 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-950" data-testid="on-demand-error" data-error-kind={run.error.kind}>
          <p className="font-semibold text-red-900">{problem.title}</p>
          <p>{problem.advice}</p>
          <GraphErrorDetails error={run.error} testIdPrefix="on-demand-error" />
        </div>
      );
    }
  }
}
