import { useId, type ReactNode } from "react";
import type { QuarantineView } from "@/lib/jobs/job-card";
import { Heading, type HeadingLevel } from "@/components/ui/heading";
import { QuarantineFacts } from "./quarantine-facts";
import { TroubleshootingLink } from "./troubleshooting-link";

/**
 * A quarantined job's banner: a labelled region, not role="alert" (the page is static, nothing interrupts).
 * `action` is where the Start button goes — Start is the documented way out of quarantine.
 */
export function QuarantineBanner({
  quarantine,
  troubleshootingUrl,
  action,
  headingLevel = 2,
}: {
  quarantine: QuarantineView;
  troubleshootingUrl: string | null;
  action?: ReactNode;
  headingLevel?: HeadingLevel;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} data-testid="quarantine-banner" className="space-y-3 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 [&_dd]:text-red-950 [&_dt]:text-red-800">
      <Heading level={headingLevel} id={id} className="text-base font-semibold">
        This job is in quarantine
      </Heading>
      <QuarantineFacts quarantine={quarantine} />
      {action || troubleshootingUrl ? (
        <div className="flex flex-wrap items-center gap-4">
          {action}
          {troubleshootingUrl ? <TroubleshootingLink url={troubleshootingUrl} /> : null}
        </div>
      ) : null}
    </section>
  );
}
