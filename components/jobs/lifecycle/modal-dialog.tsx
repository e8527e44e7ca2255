"use client";

import { useCallback, useId, useRef, type ReactNode, type RefObject } from "react";

export interface Modal {
  ref: RefObject<HTMLDialogElement | null>;
  /** Opens as a modal (inert page, Escape closes), focuses its `[data-autofocus]` control, remembers the opener. */
  open: () => void;
  close: () => void;
  /** For the dialog's close event: focus goes back to the control that opened it. */
  onClosed: () => void;
}

/** Open/close for a native `<dialog>`, from event handlers (no effects). */
export function useModal(): Modal {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = useCallback(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, []);
  const close = useCallback(() => ref.current?.close(), []);
  const onClosed = useCallback(() => {
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  }, []);
  return { ref, open, close, onClosed };
}

export interface ModalDialogProps {
  modal: Modal;
  title: ReactNode;
  /** While a change is in flight, Escape does not close the dialog (its result shows in it). */
  busy: boolean;
  /** Extra work when the dialog closes (reset the form). */
  onClosed?: () => void;
  testId: string;
  children: ReactNode;
}

/** An accessible modal: native `<dialog>` opened with showModal(), labelled by its heading. */
export function ModalDialog({ modal, title, busy, onClosed, testId, children }: ModalDialogProps) {
  const id = useId();
  const { ref, onClosed: restoreFocus } = modal;
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-busy={busy || undefined}
      data-testid={testId}
      onCancel={(event) => {
        if (busy) event.preventDefault();
      }}
      onClose={() => {
        onClosed?.();
        restoreFocus();
      }}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-left text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="max-h-[85vh] space-y-4 overflow-y-auto p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold break-words">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}

export const buttonStyles = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 border border-brand-600",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
  dangerSolid: "border border-red-700 bg-red-700 text-white hover:bg-red-800",
  base: "inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60",
} as const;

/** A small spinner for a pending button (decorative: the button's text says what is happening). */
export function Spinner() {
  return <span aria-hidden="true" className="inline-block size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />;
}
