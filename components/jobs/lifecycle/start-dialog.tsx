"use client";

import Link from "next/link";
import type { FormEvent } from "react";
import { routes } from "@/lib/routes";
import type { RefusedTest } from "../connection-tests";
import { buttonStyles, ModalDialog, Spinner, type Modal } from "./modal-dialog";

export interface StartDialogProps {
  modal: Modal;
  servicePrincipalId: string;
  jobId: string;
  refused: RefusedTest;
  pending: boolean;
  /** Sends the start; resolves when Graph has answered (the dialog then closes). */
  onConfirm: () => Promise<unknown> | null;
}

/** Start after the application refused the last connection test: likely to quarantine, so ask first. */
export function StartDialog({ modal, servicePrincipalId, jobId, refused, pending, onConfirm }: StartDialogProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const sent = onConfirm();
    if (sent) void sent.finally(modal.close);
  }

  return (
    <ModalDialog modal={modal} title={`Start job ${jobId} anyway?`} busy={pending} testId="start-dialog">
      <form onSubmit={submit} className="space-y-4 text-sm">
        <p>
          The application refused the last connection test of this job (<span className="font-mono">{refused.code}</span>). Started with credentials
          it refuses, the job fails its cycles and goes into quarantine.
        </p>
        <p>
          <Link href={routes.jobConfigure(servicePrincipalId, jobId)} prefetch={false} className="font-medium text-brand-700 underline" data-testid="start-dialog-configure">
            Fix the admin credentials first
          </Link>
        </p>
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className={`${buttonStyles.base} ${buttonStyles.secondary}`} onClick={modal.close} disabled={pending} data-autofocus>
            Cancel
          </button>
          <button type="submit" className={`${buttonStyles.base} ${buttonStyles.primary}`} disabled={pending} data-testid="start-confirm">
            {pending ? (
              <>
                <Spinner /> Starting…
              </>
            ) : (
              "Start anyway"
            )}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
