import type { Ref } from "react";
import type { ActionError } from "@/lib/errors/action-result";
import { Heading, type HeadingLevel } from "@/components/ui/heading";
import type { AmbiguityCheck } from "./create-job-flow";
import { describeError } from "@/lib/errors/describe-error";
import { describeCheck } from "./describe-check";
import { GraphErrorDetails } from "@/components/ui/graph-error-details";
import { BusyButton } from "@/components/ui/busy-button";
import { RetryWait } from "@/components/ui/retry-wait";

export interface CreateJobErrorProps {
  error: ActionError;
  templateId: string;
  /** What the job list said after an ambiguous failure. */
  check?: AmbiguityCheck;
  /** Seconds until trying again is allowed (Retry-After). */
  secondsLeft: number;
  checking?: boolean;
  onCheckAgain?: () => void;
  headingLevel?: HeadingLevel;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** A failed create: what happened, what to do, whether the job exists, Graph's code and request-id (copyable). */
export function CreateJobError({ error, templateId, check, secondsLeft, checking, onCheckAgain, headingLevel = 3, headingRef }: CreateJobErrorProps) {
  const problem = describeError(error, { operation: "create", templateId });
  const checked = check ? describeCheck(check, templateId) : null;
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-950" data-testid="create-job-error" data-error-kind={error.kind} data-check={check?.kind}>
      <Heading level={headingLevel} ref={headingRef} tabIndex={-1} className="font-semibold text-red-900">
        {problem.title}
      </Heading>
      <p className="mt-1 text-sm">{problem.advice}</p>
      {checked ? (
        <p className="mt-2 text-sm font-medium" data-testid="ambiguity-check">
          {checked.text}
        </p>
      ) : null}
      <RetryWait secondsLeft={secondsLeft} className="mt-2 text-sm" testId="retry-wait" />
      {check?.kind === "unknown" && onCheckAgain ? (
        <BusyButton
          onClick={onCheckAgain}
          busy={!!checking}
          busyLabel="Checking…"
          className="mt-3 rounded-md bg-red-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-900 disabled:opacity-70"
        >
          Check whether the job exists
        </BusyButton>
      ) : null}
      <GraphErrorDetails error={error} className="mt-3" />
    </div>
  );
}
