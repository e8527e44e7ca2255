import { describeError } from "@/lib/errors/describe-error";
import type { FleetFailure } from "@/lib/fleet/scan";
import { formatCount } from "@/lib/format/count";

const SHOWN = 5;

/** Service principals whose jobs could not be read: one notice per cause, not one per SP. */
export function FleetFailures({ failures, onRescan }: { failures: FleetFailure[]; onRescan: () => void }) {
  if (failures.length === 0) return null;
  const total = failures.reduce((sum, failure) => sum + failure.servicePrincipals.length, 0);
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900" data-testid="fleet-failures">
      <h2 className="font-semibold">
        The jobs of {formatCount(total)} service principal{total === 1 ? "" : "s"} could not be read; the counts above leave them out.
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {failures.map((failure) => {
          const problem = describeError(failure.error, { operation: "read", action: "read their jobs" });
          const names = failure.servicePrincipals.slice(0, SHOWN).map((sp) => sp.displayName || sp.id);
          const more = failure.servicePrincipals.length - names.length;
          return (
            <li key={`${failure.error.kind}|${failure.error.status}|${failure.error.code}`}>
              <span className="font-medium">
                {formatCount(failure.servicePrincipals.length)} × {problem.title}
              </span>{" "}
              <span className="font-mono">
                ({failure.error.code}
                {failure.error.status ? `, HTTP ${failure.error.status}` : ""})
              </span>
              . {problem.advice}
              <span className="block text-amber-900">
                {names.join(", ")}
                {more > 0 ? ` and ${formatCount(more)} more` : ""}
              </span>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={onRescan} className="mt-3 rounded-md border border-amber-700 bg-white px-3 py-1.5 text-sm font-medium text-amber-900 hover:bg-amber-100">
        Rescan
      </button>
    </div>
  );
}
