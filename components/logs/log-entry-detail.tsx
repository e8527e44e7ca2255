import Link from "next/link";
import type { ReactNode, Ref } from "react";
import { entraUserId, type IdentityView, type LogEntryView } from "@/lib/logs/entry-view";
import { routes } from "@/lib/routes";
import { formatCount } from "@/lib/format/count";
import { Fact } from "@/components/ui/fact";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { LogEntryError } from "./log-entry-error";
import { LogEntryIds } from "./log-entry-ids";
import { ModifiedProperties } from "./modified-properties";
import { ProvisioningSteps } from "./provisioning-steps";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

function Identity({ identity }: { identity: IdentityView }) {
  return (
    <span className="break-words">
      {identity.displayName ?? <span className="text-slate-500">No display name</span>}
      {identity.type ? <span className="block break-all text-xs text-slate-600">{identity.type}</span> : null}
    </span>
  );
}

/** For an Entra user: the way to their provisioning in every app. */
function PersonLink({ identity }: { identity: IdentityView }) {
  const userId = entraUserId(identity);
  if (!userId) return null;
  return (
    <Link href={routes.person(userId)} prefetch={false} className="mt-1 block text-sm text-brand-700 underline" data-testid="logs-person-link">
      Where else is {identity.displayName ?? "this person"} provisioned?
    </Link>
  );
}

/**
 * One provisioning log entry as the portal's detail shows it — steps, troubleshooting and recommendations,
 * modified properties, summary with every id — from a `LogEntryView`.
 */
export function LogEntryDetail({
  entry,
  closeHref,
  headingRef,
  headingId = "log-entry-heading",
  testIdPrefix = "logs",
}: {
  entry: LogEntryView;
  /** Where Close goes; no Close link without it (an on-demand result stays on its page). */
  closeHref?: string;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Unique per page when several entries are shown. */
  headingId?: string;
  /** `logs` → data-testid `logs-detail`, `logs-steps`, `logs-step`. */
  testIdPrefix?: string;
}) {
  return (
    <article aria-labelledby={headingId} className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={`${testIdPrefix}-detail`} data-entry-id={entry.id}>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="break-words text-lg font-semibold text-slate-900">
            {entry.title}
          </h2>
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <StatusBadge term={entry.action} />
            <StatusBadge term={entry.status} />
            <RelativeTime moment={entry.when} />
            {entry.app.displayName ? <span>· {entry.app.displayName}</span> : null}
          </p>
          <p className="text-sm text-slate-700">{entry.status.meaning}</p>
        </div>
        {closeHref ? (
          <Link href={closeHref} scroll={false} prefetch={false} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50" data-testid="logs-detail-close">
            Close<span className="sr-only"> the entry</span>
          </Link>
        ) : null}
      </header>

      <Section title="Steps">
        <ProvisioningSteps steps={entry.steps} testIdPrefix={testIdPrefix} />
      </Section>

      {entry.error ? (
        <Section title="Troubleshooting and recommendations">
          <LogEntryError error={entry.error} />
        </Section>
      ) : null}

      <Section title="Modified properties">
        <ModifiedProperties properties={entry.modifiedProperties} />
      </Section>

      <Section title="Summary">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          <Fact term={`Source${entry.source.system ? `: ${entry.source.system}` : ""}`}>
            <Identity identity={entry.source} />
            <PersonLink identity={entry.source} />
          </Fact>
          <Fact term={`Target${entry.target.system ? `: ${entry.target.system}` : ""}`}>
            <Identity identity={entry.target} />
            <PersonLink identity={entry.target} />
          </Fact>
          <Fact term="Initiated by">{entry.initiatedBy ?? "Not reported"}</Fact>
          <Fact term="Duration">{entry.durationMs === null ? "Not reported" : <span className="tabular-nums">{formatCount(entry.durationMs)} ms</span>}</Fact>
        </dl>
        <LogEntryIds ids={entry.ids} />
      </Section>
    </article>
  );
}
