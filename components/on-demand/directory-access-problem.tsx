import { GraphErrorDetails } from "@/components/ui/graph-error-details";
import type { GraphErrorInfo } from "@/lib/graph/graph-error";

/** Why people and groups can't be searched with this account: the one permission it asks for, and who can grant it. */
export function DirectoryAccessProblem({ error }: { error: GraphErrorInfo }) {
  return (
    <div role="alert" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" data-testid="on-demand-directory-problem" data-error-kind={error.kind}>
      <h3 className="font-semibold">You can&apos;t search people and groups with this account</h3>
      <p>
        Searching needs the delegated Microsoft Graph permission <strong>Directory.Read.All</strong>, which the console asks for when this page opens.
        Ask an administrator to consent to it for the console, then sign in again.
      </p>
      <GraphErrorDetails error={error} />
    </div>
  );
}
