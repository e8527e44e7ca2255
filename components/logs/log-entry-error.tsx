import type { EntryErrorView } from "@/lib/logs/entry-view";

/** Troubleshooting and recommendations: the error code, the reason and what to do, as the portal's tab shows them. */
export function LogEntryError({ error }: { error: EntryErrorView }) {
  return (
    <div className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-950" data-testid="logs-error">
      <dl className="space-y-2">
        <div>
          <dt className="text-xs font-medium text-red-800">Error code</dt>
          <dd className="break-all font-mono" data-testid="logs-error-code">
            {error.code ?? "Not reported"}
            {error.category ? <span className="font-sans text-red-800"> ({error.category})</span> : null}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-red-800">Reason</dt>
          <dd className="whitespace-pre-wrap break-words" data-testid="logs-error-reason">
            {error.reason ?? "Not reported"}
          </dd>
        </div>
        {error.additionalDetails ? (
          <div>
            <dt className="text-xs font-medium text-red-800">Additional details</dt>
            <dd className="whitespace-pre-wrap break-words">{error.additionalDetails}</dd>
          </div>
        ) : null}
        <div>
          <dt className="text-xs font-medium text-red-800">Recommended action</dt>
          <dd className="whitespace-pre-wrap break-words" data-testid="logs-error-recommended-action" data-source={error.recommendedActionSource ?? "none"}>
            {error.recommendedAction ?? "Graph gave none for this error. Check the reason, then the target application."}
            {error.recommendedActionSource === "docs" ? (
              <span className="mt-1 block text-xs text-red-800">From the error table of Microsoft&apos;s provisioning logs documentation.</span>
            ) : null}
          </dd>
        </div>
      </dl>
    </div>
  );
}
