import type { QuarantineView } from "@/lib/jobs/job-card";
import { formatCount } from "@/lib/jobs/count";
import { ErrorText } from "./error-text";
import { Fact } from "./fact";
import { RelativeTime } from "./relative-time";

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
      <Fact term="Quarantined since">
        <RelativeTime moment={quarantine.since} />
      </Fact>
      <Fact term="Next attempt">
        <RelativeTime moment={quarantine.nextAttempt} />
      </Fact>
      <Fact term="Times re-evaluated in this series">
        <span className="tabular-nums">{formatCount(quarantine.seriesCount)}</span>
      </Fact>
      {quarantine.error ? (
        <Fact term="Error" className="sm:col-span-2">
          <ErrorText error={quarantine.error} />
        </Fact>
      ) : null}
    </dl>
  );
}
