"use client";

import { useId, useState, type FormEvent } from "react";
import { isImpliedByFull, RESTART_FLAGS, withImpliedFlags, resetScopeValue, type RestartFlag } from "@/lib/jobs/restart-scope";
import { buttonStyles, ModalDialog, Spinner, type Modal } from "./modal-dialog";
import { PORTAL_RESTART_TEXT, RESTART_FLAG_TEXT, toggleFlag } from "./restart-flags";

export interface RestartDialogProps {
  modal: Modal;
  jobId: string;
  appName: string;
  pending: boolean;
  /** Sends the restart; resolves when Graph has answered (the dialog then closes). */
  onConfirm: (resetScope: RestartFlag[]) => Promise<unknown> | null;
}

/** Restart: the portal's "Restart provisioning" by default; an Advanced disclosure to choose the reset scope. */
export function RestartDialog({ modal, jobId, appName, pending, onConfirm }: RestartDialogProps) {
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<RestartFlag>>(() => new Set());
  const shown = withImpliedFlags(chosen);
  const flags = RESTART_FLAGS.filter((flag) => chosen.has(flag));
  const scope = resetScopeValue(flags);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const sent = onConfirm(flags);
    if (sent) void sent.finally(modal.close);
  }

  return (
    <ModalDialog modal={modal} title={`Restart job ${jobId}?`} busy={pending} onClosed={() => setChosen(new Set())} testId="restart-dialog">
      <form onSubmit={submit} className="space-y-4 text-sm">
        <p>
          Restarting makes the provisioning service of <strong>{appName}</strong> reprocess every object in scope.
        </p>
        <p data-testid="restart-default" className={scope ? "text-slate-600" : ""}>
          <strong>Default — </strong>
          {PORTAL_RESTART_TEXT}
        </p>
        <details className="rounded-md border border-slate-200 p-3" data-testid="restart-advanced">
          <summary className="cursor-pointer font-medium">Advanced: choose what to reset</summary>
          <fieldset className="mt-3 space-y-3">
            <legend className="text-slate-700">Reset scope (leave all unticked for the default)</legend>
            {RESTART_FLAGS.map((flag) => {
              const implied = isImpliedByFull(chosen, flag);
              return (
                <div key={flag} className="flex gap-2">
                  <input
                    id={`${id}-${flag}`}
                    type="checkbox"
                    className="mt-0.5 size-4 shrink-0"
                    checked={shown.has(flag)}
                    disabled={pending || implied}
                    aria-describedby={`${id}-${flag}-meaning`}
                    data-flag={flag}
                    onChange={(event) => setChosen((current) => toggleFlag(current, flag, event.target.checked))}
                  />
                  <div>
                    <label htmlFor={`${id}-${flag}`} className="font-mono font-medium">
                      {RESTART_FLAG_TEXT[flag].label}
                      {implied ? <span className="font-sans font-normal text-slate-600"> (included in Full)</span> : null}
                    </label>
                    <p id={`${id}-${flag}-meaning`} className="text-slate-700">
                      {RESTART_FLAG_TEXT[flag].meaning}
                    </p>
                  </div>
                </div>
              );
            })}
          </fieldset>
        </details>
        <p data-testid="restart-scope">
          Will send:{" "}
          <code className="rounded bg-slate-100 px-1 font-mono text-xs">{scope ? `resetScope "${scope}"` : "an empty reset scope (Restart provisioning)"}</code>
        </p>
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className={`${buttonStyles.base} ${buttonStyles.secondary}`} onClick={modal.close} disabled={pending} data-autofocus>
            Cancel
          </button>
          <button type="submit" className={`${buttonStyles.base} ${buttonStyles.primary}`} disabled={pending} data-testid="restart-confirm">
            {pending ? (
              <>
                <Spinner /> Restarting…
              </>
            ) : (
              "Restart job"
            )}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
