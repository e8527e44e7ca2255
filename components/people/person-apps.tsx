"use client";

import { useMemo } from "react";
import { useJobWriteAccess } from "@/components/auth/use-job-write-access";
import { FleetScanProgress } from "@/components/fleet/fleet-scan-progress";
import { useFleetScan } from "@/components/fleet/use-fleet-scan";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import type { DirectoryUser } from "@/lib/graph/directory-search";
import { toErrorInfo } from "@/lib/graph/graph-error";
import type { PersonTrace } from "@/lib/graph/person-trace";
import type { FleetScan } from "@/lib/fleet/scan";
import { formatCount } from "@/lib/format/count";
import { personApps } from "@/lib/people/rows";
import { nothingText, unconcernedText, withoutJobsText, type ReadCompleteness } from "@/lib/people/summary";
import { PersonRowCard } from "./person-row";

/** The person's apps: the fleet scan's apps with jobs (shared, cached) that concern them, one card per job. */
export function PersonApps({ trace, user }: { trace: PersonTrace; user: DirectoryUser }) {
  const { query, progress } = useFleetScan();
  if (query.data) return <Apps trace={trace} user={user} fleet={query.data} />;
  if (query.isError) return <GraphErrorPanel error={toErrorInfo(query.error)} action="scan the tenant's provisioning jobs" onRetry={() => void query.refetch()} />;
  return <FleetScanProgress progress={progress} />;
}

function Apps({ trace, user, fleet }: { trace: PersonTrace; user: DirectoryUser; fleet: FleetScan }) {
  const readOnly = useJobWriteAccess() === "missing";
  const apps = useMemo(() => personApps(trace, user, fleet), [trace, user, fleet]);
  const name = user.displayName ?? "this person";
  const unread = fleet.failures.reduce((sum, failure) => sum + failure.servicePrincipals.length, 0);
  const withoutJobs = withoutJobsText(apps.withoutJobs);
  const read: ReadCompleteness = {
    assignments: trace.assignments.ok && trace.groups.ok && trace.groupAssignments.every((entry) => entry.assignments.ok),
    events: trace.events.ok,
  };

  return (
    <div className="space-y-4">
      {apps.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-800" data-testid="person-nothing">
          {nothingText(read)}
        </p>
      ) : (
        <ul className="space-y-4" aria-label={`Apps with provisioning that concern ${name}`}>
          {apps.rows.map((row) => (
            <li key={row.key}>
              <PersonRowCard row={row} userId={trace.userId} readOnly={readOnly} />
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-700" data-testid="person-unconcerned" data-count={apps.unconcerned}>
        {unconcernedText(apps.unconcerned, apps.rows.length, read)}
      </p>
      {withoutJobs ? <p className="text-sm text-slate-700">{withoutJobs}</p> : null}
      {unread ? (
        <p className="text-sm text-amber-900">
          The jobs of {formatCount(unread)} app{unread === 1 ? "" : "s"} could not be read in the last scan; rescan from the Jobs view to see whether they concern {name}.
        </p>
      ) : null}
    </div>
  );
}
