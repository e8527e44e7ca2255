import type { CredentialFields } from "@/lib/configure/fields";
import { isSaved, type SavedSecret } from "@/lib/configure/saved-secrets";
import { hiddenSecretsLost } from "@/lib/configure/secrets-put";
import { credentialField, type ConfigureDraft, type FieldErrors } from "./configure-draft";
import { CredentialInput } from "./credential-input";

const SOURCE_NOTE = {
  template: null,
  default: "This application's template does not list its admin credentials; most applications take a tenant URL and a secret token.",
  none: "This application connects through a provisioning agent or an API: it takes no admin credentials here. Its settings below still apply.",
} as const;

/** The admin credentials the job's template asks for, with what is saved and the rule for secrets. */
export function CredentialsSection({
  fields,
  saved,
  draft,
  errors,
  disabled,
  onChange,
}: {
  fields: CredentialFields;
  saved: readonly SavedSecret[];
  draft: ConfigureDraft;
  errors: FieldErrors;
  disabled: boolean;
  onChange: (key: string, value: string) => void;
}) {
  const hasSecrets = fields.fields.some((field) => field.secret);
  const lost = hiddenSecretsLost(fields.fields, saved);
  return (
    <fieldset className="space-y-4" data-testid="configure-credentials" data-source={fields.source}>
      <legend className="text-lg font-semibold text-slate-900">Admin credentials</legend>
      {SOURCE_NOTE[fields.source] ? <p className="text-sm text-slate-700">{SOURCE_NOTE[fields.source]}</p> : null}
      {hasSecrets ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="configure-secret-note">
          Microsoft Graph never shows saved secrets, and saving replaces all saved credentials and settings at once: type every secret field again
          each time you save. Test connection saves nothing.
        </p>
      ) : null}
      {lost.length ? (
        <p className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900" data-testid="configure-lost-secrets">
          Saving also removes saved secrets this screen does not show, because Graph hides them and cannot be given them back:{" "}
          <span className="font-mono">{lost.join(", ")}</span>.
        </p>
      ) : null}
      {fields.fields.map((field) => (
        <CredentialInput
          key={field.key}
          field={field}
          value={draft.credentials[field.key] ?? ""}
          saved={isSaved(saved, field.key)}
          error={errors[credentialField(field.key)]}
          disabled={disabled}
          onChange={(value) => onChange(field.key, value)}
        />
      ))}
    </fieldset>
  );
}
