"use client";

import { useEffect, useRef, useState } from "react";
import { COPY_MESSAGES, copyText, type CopyOutcome } from "./copy-text";

export interface CopyButtonProps {
  text: string;
  /** The button's accessible name, e.g. "Copy job ID"; should start with the visible text ("Copy"). */
  label?: string;
  /** Show `label` as the button text instead of "Copy". */
  showLabel?: boolean;
  className?: string;
}

/** Copies `text`; the result is announced in a polite live region that is always in the DOM. */
export function CopyButton({ text, label = "Copy", showLabel = false, className = "" }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<CopyOutcome | "idle">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    const result = await copyText(text, typeof navigator === "undefined" ? undefined : navigator.clipboard);
    setOutcome(result);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOutcome("idle"), result === "copied" ? 2_000 : 8_000);
  }

  return (
    <span className={`inline-flex flex-wrap items-center gap-2 ${className}`}>
      <button
        type="button"
        onClick={copy}
        aria-label={showLabel ? undefined : label}
        className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50"
      >
        {showLabel ? label : "Copy"}
      </button>
      <span role="status" aria-live="polite" className={`text-xs ${outcome === "failed" ? "text-red-800" : "text-slate-600"}`}>
        {COPY_MESSAGES[outcome]}
      </span>
    </span>
  );
}
