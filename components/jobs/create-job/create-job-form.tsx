"use client";

import type { SynchronizationJob, SynchronizationTemplate } from "@microsoft/microsoft-graph-types-beta";
import { useId, type FormEvent } from "react";
import { Heading, type HeadingLevel } from "@/components/ui/heading";
import { CreateJobError } from "./create-job-error";
import { CreatedJob } from "./created-job";
import { TemplateChoices } from "./template-choices";
import { useCreateJob } from "./use-create-job";

export interface CreateJobFormProps {
  servicePrincipalId: string;
  /** The service principal's templates, as the SP page loaded them. */
  templates: SynchronizationTemplate[];
  /** Its jobs, as the SP page loaded them (for the duplicate check and the ambiguity check). */
  jobs: SynchronizationJob[];
  /** Level of the form's heading in the page outline; default 2. */
  headingLevel?: 2 | 3 | 4;
}

/**
 * "Create job": the SP's templates as choices, the `createJob` server action, and the job Graph returned.
 * Creating is not idempotent, so: a synchronous lock (two quick submits send one POST), an explicit
 * confirmation when the template already has a job, a Retry-After countdown, and after an ambiguous
 * failure a look at the job list before trying again is offered. The logic is `useCreateJob`'s.
 */
export function CreateJobForm({ servicePrincipalId, templates, jobs, headingLevel = 2 }: CreateJobFormProps) {
  const id = useId();
  const { state, actions, refs } = useCreateJob(servicePrincipalId, templates, jobs);
  const { resultHeadingRef, confirmBoxRef, choicesRef } = refs;
  const { usable, selected, created, failure, problem, duplicates, readOnly, pending, secondsLeft } = state;

  const problemId = `${id}-problem`;
  const readOnlyId = `${id}-read-only`;
  const duplicateId = `${id}-duplicate`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    actions.submit();
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4" data-testid="create-job">
      <Heading level={headingLevel} id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        Create a provisioning job
      </Heading>
      <p role="status" aria-live="polite" className="sr-only" data-testid="create-job-status">
        {state.announcement}
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
          headingRef={resultHeadingRef}
          onCreateAnother={actions.createAnother}
        />
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-busy={pending}>
          {readOnly ? (
            <p id={readOnlyId} className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="create-job-read-only">
              Your account can read provisioning jobs but not create them: Synchronization.ReadWrite.All was not granted to you. Ask an
              administrator for the permission (for example the Application Administrator role), then sign in again.
            </p>
          ) : null}

          <div ref={choicesRef}>
            <TemplateChoices
              templates={usable}
              selected={selected}
              onSelect={actions.select}
              jobCounts={state.jobCounts}
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
                  ref={confirmBoxRef}
                  type="checkbox"
                  checked={state.confirmed}
                  onChange={(event) => actions.confirm(event.target.checked)}
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
              checking={state.checking}
              onCheckAgain={actions.checkAgain}
              headingLevel={(headingLevel + 1) as HeadingLevel}
              headingRef={resultHeadingRef}
            />
          ) : null}

          <button
            type="submit"
            disabled={state.disabled}
            aria-describedby={readOnly ? readOnlyId : undefined}
            className="inline-flex items-center gap-2 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900 disabled:cursor-not-allowed disabled:bg-slate-500"
            data-testid="create-job-submit"
          >
            {pending ? <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-white border-t-transparent" /> : null}
            {pending
              ? "Creating job…"
              : secondsLeft > 0
                ? `Try again in ${secondsLeft} s`
                : state.mustCheckFirst
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
