import { LogsAccessProblem } from "@/components/auth/logs-access-problem";
import { DirectoryAccessProblem } from "@/components/on-demand/directory-access-problem";
import { GraphErrorDetails } from "@/components/ui/graph-error-details";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import type { GraphErrorInfo } from "@/lib/graph/graph-error";
import type { PersonTrace } from "@/lib/graph/person-trace";
import { TRACE_LOG_ENTRIES, TRACE_PAGE_SIZE } from "@/lib/graph/person-trace";
import { formatCount } from "@/lib/format/count";

const NOTICE = "space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950";

/** The parts of the trace that could not be read (the rows below leave them out), each said once, with what to do. */
export function TraceProblems({ trace, onRetry }: { trace: PersonTrace; onRetry: () => void }) {
  const directory: { what: string; error: GraphErrorInfo }[] = [];
  if (!trace.groups.ok) directory.push({ what: "read the person's groups", error: trace.groups.error });
  else if (!trace.directGroups.ok) directory.push({ what: "read the person's direct groups", error: trace.directGroups.error });
  if (!trace.assignments.ok) directory.push({ what: "read the person's app assignments", error: trace.assignments.error });
  const unreadGroups = trace.groupAssignments.filter((entry) => !entry.assignments.ok);
  const firstGroupError = unreadGroups[0] && !unreadGroups[0].assignments.ok ? unreadGroups[0].assignments.error : null;
  const truncated = [
    trace.truncated.groups ? `their first ${formatCount(TRACE_PAGE_SIZE)} groups` : null,
    trace.truncated.assignments ? `the first ${formatCount(TRACE_PAGE_SIZE)} app assignments of them or of a group` : null,
    trace.truncated.events ? `their newest ${formatCount(TRACE_LOG_ENTRIES)} provisioning events` : null,
  ].filter(Boolean);

  return (
    <>
      {!trace.events.ok ? (
        trace.events.error.kind === "forbidden" ? (
          <LogsAccessProblem error={trace.events.error} what="this person's provisioning events" />
        ) : (
          <GraphErrorPanel error={trace.events.error} action="read this person's provisioning events" onRetry={onRetry} />
        )
      ) : null}
      {directory.map(({ what, error }) =>
        error.kind === "forbidden" ? <DirectoryAccessProblem key={what} error={error} /> : <GraphErrorPanel key={what} error={error} action={what} onRetry={onRetry} />,
      )}
      {firstGroupError ? (
        <div role="alert" className={NOTICE} data-testid="person-group-problem">
          <p className="font-semibold">
            The app assignments of {formatCount(unreadGroups.length)} of their groups could not be read: apps assigned only to{" "}
            {unreadGroups.length === 1 ? "it" : "them"} are missing below.
          </p>
          <p>{unreadGroups.map((entry) => entry.group.displayName ?? entry.group.id).join(", ")}</p>
          <GraphErrorDetails error={firstGroupError} />
        </div>
      ) : null}
      {truncated.length ? <p className={NOTICE}>Read in part: only {truncated.join("; ")}.</p> : null}
    </>
  );
}
