"use client";

import { useId, useState } from "react";
import { fieldHelp } from "@/lib/configure/field-help";
import type { CredentialField } from "@/lib/configure/fields";
import { buttonStyles } from "../lifecycle/modal-dialog";
import { credentialField } from "./configure-draft";
import { describedBy, errorClass, helpClass, inputClass } from "./field-styles";

export interface CredentialInputProps {
  field: CredentialField;
  value: string;
  /** Graph holds a value for it (for a secret: hidden, to be typed again). */
  saved: boolean;
  error?: string;
  disabled: boolean;
  onChange: (value: string) => void;
}

/**
 * One admin credential: labelled, its help and its error linked with aria-describedby. A secret is masked, with
 * Show/Hide; its value exists only in the form's state (no `name`: a form submitted without JavaScript sends nothing).
 */
export function CredentialInput({ field, value, saved, error, disabled, onChange }: CredentialInputProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const savedNote = field.secret ? (saved ? " A value is saved; Microsoft Graph never shows it." : " None is saved yet.") : "";
  return (
    <div className="space-y-1" data-testid={`configure-row-${field.key}`}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {field.label}
        {field.required ? null : <span className="font-normal text-slate-700"> (optional)</span>}
      </label>
      <div className="flex max-w-xl gap-2">
        <input
          id={id}
          type={field.secret && !shown ? "password" : "text"}
          inputMode={field.httpsUrl ? "url" : undefined}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          disabled={disabled}
          required={field.required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(helpId, errorId, error)}
          autoComplete={field.secret ? "new-password" : "off"}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          placeholder={field.secret && saved ? "Saved (hidden): type it again to change or save" : field.httpsUrl ? "https://" : undefined}
          data-field={credentialField(field.key)}
          data-secret={field.secret ? "true" : undefined}
          data-testid={`configure-field-${field.key}`}
          className={`${inputClass} ${field.secret ? "font-mono" : ""}`}
        />
        {field.secret ? (
          <button
            type="button"
            aria-controls={id}
            onClick={() => setShown((now) => !now)}
            disabled={disabled}
            data-testid={`configure-toggle-${field.key}`}
            className={`${buttonStyles.base} ${buttonStyles.secondary} shrink-0`}
          >
            {shown ? "Hide" : "Show"}
            <span className="sr-only"> {field.label}</span>
          </button>
        ) : null}
      </div>
      <p id={helpId} className={helpClass}>
        {fieldHelp(field)}
        {savedNote}
      </p>
      {error ? (
        <p id={errorId} className={errorClass} data-testid={`configure-field-error-${field.key}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
