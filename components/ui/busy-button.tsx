import type { ComponentProps, ReactNode } from "react";

type BusyButtonProps = { busy: boolean; busyLabel: ReactNode } & Omit<ComponentProps<"button">, "type" | "disabled">;

/** A button whose action takes a while: disabled while `busy`, and its text then says what is going on ("Checking…"). */
export function BusyButton({ busy, busyLabel, children, ...props }: BusyButtonProps) {
  return (
    <button type="button" disabled={busy} {...props}>
      {busy ? busyLabel : children}
    </button>
  );
}
