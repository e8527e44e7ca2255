"use client";

import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId } from "react";
import { useJobWriteAccess } from "@/components/auth/use-job-write-access";
import { useSecondsUntil } from "@/components/ui/use-seconds-until";
import { ensureAnnouncer } from "./announcer";
import { appNameFromCache } from "./app-name";
import { DeleteDialog } from "./delete-dialog";
import { LifecycleFailureBox } from "./lifecycle-failure";
import { VERBS, type LifecycleKind } from "./lifecycle-operation";
import { lifecycleOptions, START_HINTS, type Emphasis } from "./lifecycle-options";
import { dismissFailure, jobKey } from "./lifecycle-store";
import { buttonStyles, Spinner, useModal } from "./modal-dialog";
import { RestartDialog } from "./restart-dialog";
import { StartDialog } from "./start-dialog";
import { useRefusedConnectionTest } from "../connection-tests";
import { useJobLifecycle } from "./use-job-lifecycle";

export interface JobLifecycleControlsProps {
  servicePrincipalId: string;
  job: SynchronizationJob;
  /** Only this control (e.g. Start in the quarantine banner); results and errors show in the full controls. */
  only?: LifecycleKind;
  /** The application's name for the delete dialog; read from the page's cached service principal when absent. */
  appName?: string;
}

const READ_ONLY_REASON =
  "Read-only: your account lacks Synchronization.ReadWrite.All, so you can view this job but not start, pause, restart or delete it.";

/**
 * Start / Pause / Restart / Delete for one job, per its status (see `lifecycleOptions`). Each shows progress
 * on its button, locks the job's controls while in flight, updates the cached job at once (rolled back on
 * failure), and is announced. Read-only admins see the controls disabled with the reason.
 */
export function JobLifecycleControls({ servicePrincipalId, job, only, appName }: JobLifecycleControlsProps) {
  const id = useId();
  const jobId = job.id ?? "";
  const { state, run } = useJobLifecycle(servicePrincipalId, jobId);
  const writeAccess = useJobWriteAccess();
  const queryClient = useQueryClient();
  const restartModal = useModal();
  const deleteModal = useModal();
  const startModal = useModal();
  const refusedTest = useRefusedConnectionTest(servicePrincipalId, jobId);
  const secondsLeft = useSecondsUntil(state.failure?.retryAt ?? null);

  // The shared live region must exist before the first result, or screen readers may miss it.
  useEffect(() => void ensureAnnouncer(), []);

  const options = lifecycleOptions(job);
  const kinds = (["start", "pause", "restart", "delete"] as const).filter((kind) => options[kind] && (!only || only === kind));
  if (!jobId || kinds.length === 0) return null;

  const readOnly = writeAccess === "missing";
  const disabled = readOnly || state.pending !== null || secondsLeft > 0;
  const reasonId = `${id}-reason`;
  const name = appName || appNameFromCache(queryClient, servicePrincipalId) || `the application (service principal ${servicePrincipalId})`;

  function open(kind: LifecycleKind) {
    if (disabled) return;
    if (kind === "start" && refusedTest) return startModal.open();
    if (kind === "start" || kind === "pause") return void run({ kind });
    (kind === "restart" ? restartModal : deleteModal).open();
  }

  const hint = !only && options.start === "primary" ? START_HINTS[options.phase] : undefined;

  return (
    <div
      role="group"
      aria-label={`Actions for job ${jobId}`}
      aria-describedby={readOnly ? reasonId : undefined}
      data-testid="job-lifecycle"
      data-phase={options.phase}
      data-pending={state.pending ?? undefined}
      className="flex max-w-md flex-col items-end gap-2"
    >
      <div className="flex flex-wrap justify-end gap-2">
        {kinds.map((kind) => (
          <LifecycleButton
            key={kind}
            kind={kind}
            emphasis={options[kind]!}
            pending={state.pending === kind}
            disabled={disabled}
            describedBy={readOnly ? reasonId : undefined}
            asks={kind === "start" && refusedTest !== null}
            onClick={() => open(kind)}
          />
        ))}
      </div>
      {hint ? <p className="text-right text-xs text-slate-600">{hint}</p> : null}
      {readOnly ? (
        <p id={reasonId} className="text-right text-xs text-slate-700" data-testid="lifecycle-read-only">
          {READ_ONLY_REASON}
        </p>
      ) : null}
      {!only && state.failure ? (
        <LifecycleFailureBox failure={state.failure} jobId={jobId} secondsLeft={secondsLeft} onDismiss={() => dismissFailure(jobKey(servicePrincipalId, jobId))} />
      ) : null}
      {kinds.includes("start") && refusedTest ? (
        <StartDialog
          modal={startModal}
          servicePrincipalId={servicePrincipalId}
          jobId={jobId}
          refused={refusedTest}
          pending={state.pending === "start"}
          onConfirm={() => run({ kind: "start" })}
        />
      ) : null}
      {kinds.includes("restart") ? (
        <RestartDialog
          modal={restartModal}
          jobId={jobId}
          appName={name}
          pending={state.pending === "restart"}
          onConfirm={(resetScope) => run({ kind: "restart", resetScope })}
        />
      ) : null}
      {kinds.includes("delete") ? (
        <DeleteDialog modal={deleteModal} jobId={jobId} appName={name} pending={state.pending === "delete"} onConfirm={() => run({ kind: "delete" })} />
      ) : null}
    </div>
  );
}

const EMPHASIS_STYLE: Record<Emphasis, string> = { primary: buttonStyles.primary, secondary: buttonStyles.secondary, danger: buttonStyles.danger };

function LifecycleButton({
  kind,
  emphasis,
  pending,
  disabled,
  describedBy,
  asks = false,
  onClick,
}: {
  kind: LifecycleKind;
  emphasis: Emphasis;
  pending: boolean;
  disabled: boolean;
  describedBy?: string;
  /** Opens a confirmation first (Start after a refused connection test). */
  asks?: boolean;
  onClick: () => void;
}) {
  const verb = VERBS[kind];
  const opensDialog = asks || kind === "restart" || kind === "delete";
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-haspopup={opensDialog ? "dialog" : undefined}
      data-testid={`lifecycle-${kind}`}
      data-emphasis={emphasis}
      className={`${buttonStyles.base} ${EMPHASIS_STYLE[emphasis]}`}
    >
      {pending ? (
        <>
          <Spinner /> {verb.doing}…
        </>
      ) : (
        `${verb.label}${opensDialog ? "…" : ""}`
      )}
    </button>
  );
}
