"use client";

import { formatCount } from "@/lib/format/count";
import { logsAccessError } from "@/lib/logs/access-error";
import { DOWNLOAD_BOUND } from "@/lib/logs/download";
import type { DownloadFormat } from "@/lib/logs/export-file";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { LogsAccessProblem } from "@/components/auth/logs-access-problem";
import { useLogsDownload, type DownloadState } from "./use-logs-download";

const BUTTON = "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60";
const FORMAT_NAME: Record<DownloadFormat, string> = { csv: "CSV", json: "JSON" };

function Outcome({ state, onRetry }: { state: DownloadState; onRetry: (format: DownloadFormat) => void }) {
  switch (state.phase) {
    case "idle":
    case "running":
      return null;
    case "cancelled":
      return <p className="text-sm text-slate-700">Download cancelled after {formatCount(state.rows)} rows; nothing was saved.</p>;
    case "failed": {
      const access = logsAccessError(state.error);
      return access ? <LogsAccessProblem error={access} /> : <GraphErrorPanel error={state.info} action={`download the logs as ${FORMAT_NAME[state.format]}`} onRetry={() => onRetry(state.format)} />;
    }
    case "done": {
      const [first, ...companions] = state.files;
      return (
        <div className="space-y-1 text-sm text-slate-800" data-testid="logs-download-done" data-rows={state.rows}>
          <p>
            Saved <strong>{first.name}</strong>: {formatCount(state.rows)} {state.rows === 1 ? "entry" : "entries"}.
            {state.truncated ? ` More entries matched: a download stops at ${formatCount(state.bound)}. Narrow the filters to get the rest.` : ""}
          </p>
          {companions.length ? (
            <p>
              Also, joined by the change ID:{" "}
              {companions.map((file, index) => (
                <span key={file.name}>
                  {index ? " · " : ""}
                  <a href={file.url} download={file.name} className="font-medium text-brand-700 underline underline-offset-2" data-testid="logs-download-file" data-name={file.name}>
                    {file.name}
                  </a>
                </span>
              ))}
            </p>
          ) : null}
        </div>
      );
    }
  }
}

/** Download the filtered entries as the portal's CSV files or one JSON file: streamed with progress, cancellable, bounded. */
export function LogsDownload({ filter, disabled }: { filter: string | undefined; disabled: boolean }) {
  const { state, start, cancel } = useLogsDownload(filter);
  const running = state.phase === "running";
  return (
    <section aria-label="Download" className="space-y-2" data-testid="logs-download">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={BUTTON} disabled={disabled || running} onClick={() => start("csv")} data-testid="logs-download-csv">
          Download CSV
        </button>
        <button type="button" className={BUTTON} disabled={disabled || running} onClick={() => start("json")} data-testid="logs-download-json">
          Download JSON
        </button>
        <span className="text-sm text-slate-700">The filtered entries, at most {formatCount(DOWNLOAD_BOUND)} rows.</span>
      </div>
      <div aria-live="polite" className="space-y-2">
        {running ? (
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-sm text-slate-800" data-testid="logs-download-progress" data-rows={state.rows}>
              Downloading {FORMAT_NAME[state.format]}: <span className="tabular-nums">{formatCount(state.rows)}</span> of up to{" "}
              <span className="tabular-nums">{formatCount(state.bound)}</span> rows…
            </p>
            <button type="button" className={BUTTON} onClick={cancel} data-testid="logs-download-cancel">
              Cancel
            </button>
          </div>
        ) : null}
        <Outcome state={state} onRetry={start} />
      </div>
    </section>
  );
}
