"use client";

import { useId } from "react";
import { MAX_DELETE_THRESHOLD } from "@/lib/configure/value-rules";
import type { SettingsDraft } from "@/lib/configure/settings-draft";
import { formatCount } from "@/lib/format/count";
import { settingsField, type FieldErrors } from "./configure-draft";
import { describedBy, errorClass, helpClass, inputClass } from "./field-styles";

type SetSetting = <K extends keyof SettingsDraft>(name: K, value: SettingsDraft[K]) => void;

/** Notifications, accidental deletions and scope: the two settings Graph keeps beside the credentials. */
export function SettingsSection({
  settings,
  savedSyncAll,
  errors,
  disabled,
  onChange,
}: {
  settings: SettingsDraft;
  /** The saved scope, to say when the chosen one differs. */
  savedSyncAll: boolean;
  errors: FieldErrors;
  disabled: boolean;
  onChange: SetSetting;
}) {
  const id = useId();
  const recipientsError = errors[settingsField("recipients")];
  const thresholdError = errors[settingsField("deleteThreshold")];
  return (
    <fieldset className="space-y-5" data-testid="configure-settings">
      <legend className="text-lg font-semibold text-slate-900">Settings</legend>

      <div className="space-y-1">
        <label htmlFor={`${id}-recipients`} className="block text-sm font-medium text-slate-900">
          Notification email
        </label>
        <input
          id={`${id}-recipients`}
          type="text"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          value={settings.recipients}
          onChange={(event) => onChange("recipients", event.target.value)}
          disabled={disabled}
          aria-invalid={recipientsError ? true : undefined}
          aria-describedby={describedBy(`${id}-recipients-help`, `${id}-recipients-error`, recipientsError)}
          data-field={settingsField("recipients")}
          data-testid="configure-recipients"
          className={`${inputClass} max-w-xl`}
        />
        <p id={`${id}-recipients-help`} className={helpClass}>
          Who is told when provisioning fails or the job goes into quarantine; separate several addresses with “;”.
        </p>
        {recipientsError ? (
          <p id={`${id}-recipients-error`} className={errorClass} data-testid="configure-settings-error-recipients">
            {recipientsError}
          </p>
        ) : null}
        <Checkbox
          id={`${id}-notify`}
          checked={settings.notifyOnFailure}
          disabled={disabled}
          onChange={(checked) => onChange("notifyOnFailure", checked)}
          testId="configure-notify"
          label="Send an email notification when a failure occurs"
        />
      </div>

      <div className="space-y-1">
        <Checkbox
          id={`${id}-prevent`}
          checked={settings.preventAccidentalDeletes}
          disabled={disabled}
          onChange={(checked) => onChange("preventAccidentalDeletes", checked)}
          testId="configure-prevent-deletes"
          label="Prevent accidental deletions"
        />
        <label htmlFor={`${id}-threshold`} className="block pt-2 text-sm font-medium text-slate-900">
          Accidental deletion threshold
        </label>
        <input
          id={`${id}-threshold`}
          type="text"
          inputMode="numeric"
          value={settings.deleteThreshold}
          onChange={(event) => onChange("deleteThreshold", event.target.value)}
          disabled={disabled}
          aria-invalid={thresholdError ? true : undefined}
          aria-describedby={describedBy(`${id}-threshold-help`, `${id}-threshold-error`, thresholdError)}
          data-field={settingsField("deleteThreshold")}
          data-testid="configure-threshold"
          className={`${inputClass} max-w-[10rem] tabular-nums`}
        />
        <p id={`${id}-threshold-help`} className={helpClass}>
          A whole number from 1 to {formatCount(MAX_DELETE_THRESHOLD)}. With 500, a cycle that would delete 500 accounts or more in the application
          stops and waits for you (at most 499 deletions per cycle).
        </p>
        {thresholdError ? (
          <p id={`${id}-threshold-error`} className={errorClass} data-testid="configure-settings-error-deleteThreshold">
            {thresholdError}
          </p>
        ) : null}
      </div>

      <fieldset className="space-y-2" data-testid="configure-scope" data-scope={settings.syncAll ? "all" : "assigned"} aria-describedby={`${id}-scope-help`}>
        <legend className="text-sm font-medium text-slate-900">Scope</legend>
        {([false, true] as const).map((all) => (
          <div key={String(all)} className="flex items-start gap-2">
            <input
              type="radio"
              id={`${id}-scope-${all ? "all" : "assigned"}`}
              name={`${id}-scope`}
              checked={settings.syncAll === all}
              disabled={disabled}
              onChange={() => onChange("syncAll", all)}
              data-testid={`configure-scope-${all ? "all" : "assigned"}`}
              className="mt-0.5 size-4 accent-brand-700"
            />
            <label htmlFor={`${id}-scope-${all ? "all" : "assigned"}`} className="text-sm text-slate-900">
              {all ? "Sync all users and groups" : "Sync only assigned users and groups"}
            </label>
          </div>
        ))}
        <p id={`${id}-scope-help`} className={helpClass} data-testid="configure-scope-note">
          A change of scope takes effect after the job restarts
          {settings.syncAll !== savedSyncAll ? ": once you save, restart the job to apply it." : "."}
        </p>
      </fieldset>
    </fieldset>
  );
}

function Checkbox({ id, checked, disabled, onChange, testId, label }: { id: string; checked: boolean; disabled: boolean; onChange: (checked: boolean) => void; testId: string; label: string }) {
  return (
    <div className="flex items-start gap-2 pt-1">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
        className="mt-0.5 size-4 shrink-0 accent-brand-700"
      />
      <label htmlFor={id} className="text-sm text-slate-900">
        {label}
      </label>
    </div>
  );
}
