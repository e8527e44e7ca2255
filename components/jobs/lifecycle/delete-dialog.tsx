"use client";

import { useId, useState, type FormEvent } from "react";
import { buttonStyles, ModalDialog, Spinner, type Modal } from "./modal-dialog";

export interface DeleteDialogProps {
  modal: Modal;
  jobId: string;
  appName: string;
  pending: boolean;
  /** Sends the delete; resolves when Graph has answered (the dialog then closes, if still there). */
  onConfirm: () => Promise<unknown> | null;
}

/** Delete: names the job and the app, says what is lost and what is kept, and needs an explicit tick. */
export function DeleteDialog({ modal, jobId, appName, pending, onConfirm }: DeleteDialogProps) {
  const id = useId();
  const [understood, setUnderstood] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!understood) return;
    const sent = onConfirm();
    if (sent) void sent.finally(modal.close);
  }

  return (
    <ModalDialog modal={modal} title={`Delete job ${jobId}?`} busy={pending} onClosed={() => setUnderstood(false)} testId="delete-dialog">
      <form onSubmit={submit} className="space-y-4 text-sm">
        <p>
          This stops provisioning job <code className="font-mono break-all">{jobId}</code> of <strong>{appName}</strong> and permanently deletes its
          state: schedule, progress, watermark, escrows and history.
        </p>
        <p className="rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="delete-accounts-kept">
          The accounts it provisioned in {appName} are left as they are: nothing is deleted or disabled there. To provision again, create a new
          job; it starts with a full initial cycle.
        </p>
        <div className="flex gap-2">
          <input
            id={`${id}-confirm`}
            type="checkbox"
            className="mt-0.5 size-4 shrink-0"
            checked={understood}
            disabled={pending}
            onChange={(event) => setUnderstood(event.target.checked)}
            data-testid="delete-understood"
          />
          <label htmlFor={`${id}-confirm`}>
            I understand that job <span className="font-mono break-all">{jobId}</span> and its state are deleted for good.
          </label>
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className={`${buttonStyles.base} ${buttonStyles.secondary}`} onClick={modal.close} disabled={pending} data-autofocus>
            Cancel
          </button>
          <button type="submit" className={`${buttonStyles.base} ${buttonStyles.dangerSolid}`} disabled={pending || !understood} data-testid="delete-confirm">
            {pending ? (
              <>
                <Spinner /> Deleting…
              </>
            ) : (
              "Delete job"
            )}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
