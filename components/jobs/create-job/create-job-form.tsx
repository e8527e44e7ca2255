"use client";

import type { SynchronizationJob, SynchronizationTemplate } from "@microsoft/microsoft-graph-types-beta";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState, useTransition, type FormEvent } from "react";
import { useFreshGraphToken, useGraphToken } from "@/components/auth/use-graph-token";
import { useGraph } from "@/components/graph/use-graph";
import { createJob } from "@/lib/actions/create-job";
import { refreshJobs } from "../refresh-jobs";
import type { HeadingLevel } from "../heading";
import { Heading } from "../heading";
import { checkForNewJob, submitCreateJob, type CreateJobOutcome } from "./create-job-flow";
import { CreateJobError } from "./create-job-error";
import { CreatedJob } from "./created-job";
import { describeCreateError } from "./describe-create-error";
import { jobsFromTemplate, mergeJobs } from "./find-new-job";
import { listJobs } from "./list-jobs";
import { preselectedTemplate, TemplateChoices } from "./template-choices";
import { useJobWriteAccess } from "./use-token-tools";
import { useSecondsUntil } from "./use-seconds-until";

export interface CreateJobFormProps {
  servicePrincipalId: string;
  /** The service principal's templates, as the SP page loaded them. */
  templates: SynchronizationTemplate[];
  /** Its jobs, as the SP page loaded them (for the duplicate check and the ambiguity check). */
  jobs: SynchronizationJob[];
  /** Level of the form's heading in the page outline; default 2. */
  headingLevel?: 2 | 3 | 4;
}

/** `before`: the job list the failed submit started from, kept for checking again later. */
type Failure = Extract<CreateJobOutcome, { kind: "failed" }> & { templateId: string; before: readonly SynchronizationJob[] };
type Created = Extract<CreateJobOutcome, { kind: "created" }>;

/** Used when Graph throttles without saying how long to wait. */
const DEFAULT_THROTTLE_WAIT_SECONDS = 5;

/**
 * "Create job": the SP's templates as choices, the `createJob` server action, and the job Graph returned.
 * Creating is not idempotent, so: a synchronous lock (two quick submits send one POST), an explicit
 * confirmation when the template already has a job, a Retry-After countdown, and after an ambiguous
 * failure a look at the job list before trying again is offered.
 */
export function CreateJobForm({ servicePrincipalId, templates, jobs, headingLevel = 2 }: CreateJobFormProps) {
  const id = useId();
  const usable = useMemo(() => templates.filter((template) => typeof template.id === "string" && template.id), [templates]);
  const [selected, setSelected] = useState(() => preselectedTemplate(usable));
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [discovered, setDiscovered] = useState<SynchronizationJob[]>([]);
  const [created, setCreated] = useState<Created | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [pending, startTransition] = useTransition();
  const [checking, startChecking] = useTransition();
  const lock = useRef(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const confirmBox = useRef<HTMLInputElement>(null);
  const choices = useRef<HTMLDivElement>(null);

  const graph = useGraph();
  const getToken = useGraphToken();
  const refreshToken = useFreshGraphToken();
  const writeAccess = useJobWriteAccess();
  const queryClient = useQueryClient();
  const secondsLeft = useSecondsUntil(retryAt);

  const knownJobs = useMemo(() => mergeJobs(jobs, discovered), [jobs, discovered]);
  const jobCounts = useMemo(() => {
    const counts: Record<string, number> = {};
    for (const template of usable) counts[template.id!] = jobsFromTemplate(knownJobs, template.id!).length;
    return counts;
  }, [usable, knownJobs]);
  const duplicates = selected ? jobsFromTemplate(knownJobs, selected) : [];
  const readOnly = writeAccess === "missing";
  const mustCheckFirst = failure?.check?.kind === "unknown";
  const disabled = pending || readOnly || secondsLeft > 0 || mustCheckFirst;

  // Move focus to the result (success or failure) so keyboard and screen reader users land on it.
  useEffect(() => {
    if (created || failure) resultHeading.current?.focus();
  }, [created, failure]);

  const refreshOverview = () => refreshJobs(queryClient, servicePrincipalId);

  function apply(outcome: CreateJobOutcome, templateId: string, before: readonly SynchronizationJob[]) {
    if (outcome.jobsNow) setDiscovered((current) => mergeJobs(current, outcome.jobsNow!));
    if (outcome.kind === "created") {
      setDiscovered((current) => mergeJobs(current, [outcome.job]));
      setCreated(outcome);
      setFailure(null);
      setRetryAt(null);
      setConfirmed(false);
      setAnnouncement(`Job ${outcome.job.id ?? ""} created from ${templateId}. It is disabled: provide the admin credentials, then start it.`);
      void refreshOverview();
      return;
    }
    const { error } = outcome;
    setFailure({ ...outcome, templateId, before });
    const wait = error.retryAfterSeconds ?? (error.kind === "throttled" ? DEFAULT_THROTTLE_WAIT_SECONDS : undefined);
    setRetryAt(wait ? Date.now() + wait * 1000 : null);
    setAnnouncement(`Job not created: ${describeCreateError(error, templateId).title}.`);
    if (error.ambiguous) void refreshOverview();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The lock is synchronous: a second submit before React re-renders the disabled button stops here.
    if (lock.current || disabled) return;
    if (!selected) {
      setProblem("Choose a template.");
      choices.current?.querySelector<HTMLInputElement>("input[type=radio]")?.focus();
      return;
    }
    if (duplicates.length > 0 && !confirmed) {
      setProblem(`Confirm that you want another job from ${selected}.`);
      confirmBox.current?.focus();
      return;
    }
    lock.current = true;
    const templateId = selected;
    const before = knownJobs;
    setProblem(null);
    setFailure(null);
    setAnnouncement(`Creating a job from ${templateId}…`);
    startTransition(async () => {
      try {
        const outcome = await submitCreateJob(
          { getToken, refreshToken, createJob, listJobs: () => listJobs(graph, servicePrincipalId) },
          { servicePrincipalId, templateId },
          before,
        );
        startTransition(() => apply(outcome, templateId, before));
      } finally {
        lock.current = false;
      }
    });
  }

  function checkAgain() {
    if (!failure || lock.current) return;
    lock.current = true;
    const current = failure;
    setAnnouncement("Checking the service principal's jobs…");
    startChecking(async () => {
      try {
        // Compared with the list from before the failed submit, not today's (which may already show the job).
        const { check, jobsNow } = await checkForNewJob(() => listJobs(graph, servicePrincipalId), current.before, current.templateId);
        startChecking(() => {
          if (check.kind === "exists") apply({ kind: "created", job: check.job, recoveredFrom: current.error, jobsNow }, current.templateId, current.before);
          else {
            if (jobsNow) setDiscovered((known) => mergeJobs(known, jobsNow));
            setFailure({ ...current, check, jobsNow });
            setAnnouncement(check.kind === "absent" ? "No job was created. Trying again is safe." : "The check did not settle whether the job exists.");
          }
        });
      } finally {
        lock.current = false;
      }
    });
  }

  function createAnother() {
    setCreated(null);
    setFailure(null);
    setAnnouncement("");
  }

  const problemId = `${id}-problem`;
  const readOnlyId = `${id}-read-only`;
  const duplicateId = `${id}-duplicate`;

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4" data-testid="create-job">
      <Heading level={headingLevel} id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        Create a provisioning job
      </Heading>
      <p role="status" aria-live="polite" className="sr-only" data-testid="create-job-status">
        {announcement}
      </p>

      {usable.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
          This application offers no synchronization templates, so no provisioning job can be created for it.
        </p>
      ) : created ? (
        <CreatedJob
          servicePrincipalId={servicePrincipalId}
          job={created.job}
          recoveredFrom={created.recoveredFrom}
          headingLevel={(headingLevel + 1) as HeadingLevel}
          headingRef={resultHeading}
          onCreateAnother={createAnother}
        />
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-busy={pending}>
          {readOnly ? (
            <p id={readOnlyId} className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="create-job-read-only">
              Your account can read provisioning jobs but not create them: Synchronization.ReadWrite.All was not granted to you. Ask an
              administrator for the permission (for example the Application Administrator role), then sign in again.
            </p>
          ) : null}

          <div ref={choices}>
            <TemplateChoices
              templates={usable}
              selected={selected}
              onSelect={(templateId) => {
                setSelected(templateId);
                setConfirmed(false);
                setProblem(null);
              }}
              jobCounts={jobCounts}
              disabled={readOnly || pending}
              describedBy={[readOnly ? readOnlyId : null, problem ? problemId : null].filter(Boolean).join(" ") || undefined}
            />
          </div>

          {duplicates.length > 0 && !readOnly ? (
            <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="duplicate-warning">
              <p id={duplicateId}>
                This application already has {duplicates.length === 1 ? "a job" : `${duplicates.length} jobs`} from {selected}:{" "}
                {duplicates.map((job, index) => (
                  <span key={job.id ?? index}>
                    {index > 0 ? ", " : ""}
                    <code className="break-all font-mono text-xs">{job.id}</code>
                  </span>
                ))}
                . A second job provisions the same users to the same application again. Create one only if you mean to.
              </p>
              <label className="flex items-start gap-2 font-medium">
                <input
                  ref={confirmBox}
                  type="checkbox"
                  checked={confirmed}
                  onChange={(event) => {
                    setConfirmed(event.target.checked);
                    setProblem(null);
                  }}
                  disabled={pending}
                  aria-describedby={duplicateId}
                  className="mt-0.5 size-4 accent-brand-700"
                  data-testid="confirm-duplicate"
                />
                Yes, create another job from {selected}
              </label>
            </div>
          ) : null}

          {problem ? (
            <p id={problemId} className="text-sm font-medium text-red-800" data-testid="create-job-problem">
              {problem}
            </p>
          ) : null}

          {failure ? (
            <CreateJobError
              error={failure.error}
              templateId={failure.templateId}
              check={failure.check}
              secondsLeft={secondsLeft}
              checking={checking}
              onCheckAgain={checkAgain}
              headingLevel={(headingLevel + 1) as HeadingLevel}
              headingRef={resultHeading}
            />
          ) : null}

          <button
            type="submit"
            disabled={disabled}
            aria-describedby={readOnly ? readOnlyId : undefined}
            className="inline-flex items-center gap-2 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900 disabled:cursor-not-allowed disabled:bg-slate-500"
            data-testid="create-job-submit"
          >
            {pending ? <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-white border-t-transparent" /> : null}
            {pending
              ? "Creating job…"
              : secondsLeft > 0
                ? `Try again in ${secondsLeft} s`
                : mustCheckFirst
                  ? "Check whether the job exists first"
                  : failure
                    ? "Try again"
                    : "Create job"}
          </button>
        </form>
      )}
    </section>
  );
}
