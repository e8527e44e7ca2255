import Link from "next/link";
import { LogEntryError } from "@/components/logs/log-entry-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { PersonEventView } from "@/lib/people/event";

const LINK = "font-medium text-brand-700 underline underline-offset-2";

/** What the provisioning service last did for the person in this job: action, status, when, their account, the error. */
export function PersonEvent({ event, logsHref }: { event: PersonEventView | null; logsHref: string }) {
  const all = (
    <Link href={logsHref} prefetch={false} className={LINK} data-testid="person-logs-link">
      Their events in this job&apos;s logs
    </Link>
  );
  if (!event) {
    return (
      <div className="space-y-1">
        <p>No provisioning event for them in this job in the last 30 days.</p>
        <p>{all}</p>
      </div>
    );
  }
  const { entry } = event;
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge term={entry.action} />
        <StatusBadge term={entry.status} />
        <RelativeTime moment={entry.when} className="text-slate-700" />
        {event.source === "on-demand" ? <span className="text-slate-700">(provisioned on demand just now)</span> : null}
      </p>
      {event.reason ? (
        <p className="text-slate-800">
          {event.reason.message ?? "No reason given."} {event.reason.code ? <code className="font-mono text-xs text-slate-600">({event.reason.code})</code> : null}
        </p>
      ) : null}
      <p>
        Their account in the app:{" "}
        {event.targetId ? (
          <code className="break-all font-mono text-xs" data-testid="person-target-id">
            {event.targetId}
          </code>
        ) : (
          <span className="text-slate-700">none reported</span>
        )}
      </p>
      {entry.error ? (
        <div data-testid="person-event-error">
          <LogEntryError error={entry.error} />
        </div>
      ) : null}
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        {event.entryHref ? (
          <Link href={event.entryHref} prefetch={false} className={LINK} data-testid="person-entry-link">
            Open this entry in the job&apos;s logs
          </Link>
        ) : null}
        {all}
      </p>
    </div>
  );
}
