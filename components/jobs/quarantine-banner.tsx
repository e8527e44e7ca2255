import Link from "next/link";
import { useId, type ReactNode } from "react";
import type { QuarantineView } from "@/lib/jobs/job-card";
import { Heading, type HeadingLevel } from "@/components/ui/heading";
import { QuarantineFacts } from "./quarantine-facts";
import { TroubleshootingLink } from "./troubleshooting-link";

/**
 * A quarantined job's banner: a labelled region, not role="alert" (the page is static, nothing interrupts).
 * `action` is where the Start button goes — Start is the documented way out of quarantine; `configureHref` is
 * where its usual cause (the admin credentials) is fixed first; `failuresHref`, the job's failed entries in its logs.
 */
export function QuarantineBanner({
  quarantine,
  troubleshootingUrl,
  action,
  configureHref,
  failuresHref,
  headingLevel = 2,
}: {
  quarantine: QuarantineView;
  troubleshootingUrl: string | null;
  action?: ReactNode;
  configureHref?: string;
  failuresHref?: string;
  headingLevel?: HeadingLevel;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} data-testid="quarantine-banner" className="space-y-3 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 [&_dd]:text-red-950 [&_dt]:text-red-800">
      <Heading level={headingLevel} id={id} className="text-base font-semibold">
        This job is in quarantine
      </Heading>
      <QuarantineFacts quarantine={quarantine} />
      {action || troubleshootingUrl || configureHref || failuresHref ? (
        <div className="flex flex-wrap items-center gap-4">
          {configureHref ? (
            <Link href={configureHref} prefetch={false} className="font-medium text-red-900 underline underline-offset-2" data-testid="quarantine-configure-link">
              {quarantine.reason.code === "EncounteredQuarantineException" ? "Update the admin credentials and test the connection" : "Review the admin credentials and settings"}
            </Link>
          ) : null}
          {failuresHref ? (
            <Link href={failuresHref} prefetch={false} className="font-medium text-red-900 underline underline-offset-2" data-testid="quarantine-failures-link">
              See the failures in the provisioning logs
            </Link>
          ) : null}
          {action}
          {troubleshootingUrl ? <TroubleshootingLink url={troubleshootingUrl} /> : null}
        </div>
      ) : null}
    </section>
  );
}
