import { CopyButton } from "./copy-button";
import type { GraphErrorInfo } from "@/lib/graph/graph-error";

/** Graph's code (with the HTTP status), the request-id to quote to Microsoft support (copyable) and the date. */
export function GraphErrorDetails({
  error,
  testIdPrefix = "error",
  className = "",
}: {
  error: Pick<GraphErrorInfo, "code" | "status" | "requestId" | "date">;
  testIdPrefix?: string;
  className?: string;
}) {
  return (
    <dl className={`flex flex-wrap gap-x-6 gap-y-1 text-sm ${className}`}>
      <div className="flex gap-1">
        <dt>Code:</dt>
        <dd className="font-mono" data-testid={`${testIdPrefix}-code`}>
          {error.code}
          {error.status ? ` (HTTP ${error.status})` : ""}
        </dd>
      </div>
      {error.requestId ? (
        <div className="flex flex-wrap items-center gap-1">
          <dt>Request id:</dt>
          <dd className="flex flex-wrap items-center gap-1 break-all font-mono" data-testid={`${testIdPrefix}-request-id`}>
            {error.requestId} <CopyButton text={error.requestId} label="Copy request id" />
          </dd>
        </div>
      ) : null}
      {error.date ? (
        <div className="flex gap-1">
          <dt>Date:</dt>
          <dd className="font-mono">{error.date}</dd>
        </div>
      ) : null}
    </dl>
  );
}
