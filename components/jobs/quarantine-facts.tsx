import type { QuarantineView } from "@/lib/jobs/job-card";
import { formatCount } from "@/lib/format/count";
import { ErrorFact } from "./error-fact";
import { Fact, TimeFact } from "@/components/ui/fact";

/** Reason, since, next attempt, series count and error of a quarantine; shared by the card and the banner. */
export function QuarantineFacts({ quarantine }: { quarantine: QuarantineView }) {
  const { reason } = quarantine;
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
      <Fact term="Reason" className="sm:col-span-2">
        <span className="font-medium" data-reason={reason.code}>
          {reason.label}
        </span>
        {`. ${reason.meaning}`}
      </Fact>
      <TimeFact term="Quarantined since" moment={quarantine.since} />
      <TimeFact term="Next attempt" moment={quarantine.nextAttempt} />
      <Fact term="Times re-evaluated in this series">
        <span className="tabular-nums">{formatCount(quarantine.seriesCount)}</span>
      </Fact>
      <ErrorFact error={quarantine.error} className="sm:col-span-2" />
    </dl>
  );
}
