import { credentialProblems } from "@/lib/configure/credential-problems";
import type { CredentialField } from "@/lib/configure/fields";
import { savedPair, type SavedSecret } from "@/lib/configure/saved-secrets";
import { parseSettings } from "@/lib/configure/settings";
import { settingsFromDraft, toDraft, type SettingsDraft } from "@/lib/configure/settings-draft";
import type { ProvisioningSettings } from "@/lib/configure/settings";
import type { ActionError } from "@/lib/errors/action-result";

/**
 * What the Configure form holds while the admin types: credentials by key and the settings. Secret values live
 * here (React state) and nowhere else: never in the query cache, the URL or storage; cleared after a save.
 * Errors are keyed as the server actions name fields: `credentials.<key>`, `settings.<field>`.
 */
export interface ConfigureDraft {
  credentials: Record<string, string>;
  settings: SettingsDraft;
}

export type FieldErrors = Partial<Record<string, string>>;

export const credentialField = (key: string) => `credentials.${key}`;
export const settingsField = (name: keyof SettingsDraft) => `settings.${name}`;

/** Saved identifiers in clear (tenant URL, user name), secrets blank: Graph never shows them. */
export function initialDraft(fields: readonly CredentialField[], saved: readonly SavedSecret[]): ConfigureDraft {
  const credentials: Record<string, string> = {};
  for (const field of fields) credentials[field.key] = field.secret ? "" : (savedPair(saved, field.key)?.value ?? "");
  return { credentials, settings: toDraft(parseSettings(saved)) };
}

/** The draft without any secret value, after a save (or when leaving). */
export function withoutSecrets(fields: readonly CredentialField[], draft: ConfigureDraft): ConfigureDraft {
  const credentials = { ...draft.credentials };
  for (const field of fields) if (field.secret) credentials[field.key] = "";
  return { ...draft, credentials };
}

const prefixed = (problems: Record<string, string>, prefix: string): FieldErrors =>
  Object.fromEntries(Object.entries(problems).map(([key, message]) => [`${prefix}.${key}`, message]));

/** Why the typed credentials cannot be tested (empty when they can). */
export function testProblems(fields: readonly CredentialField[], draft: ConfigureDraft): FieldErrors {
  return prefixed(credentialProblems(fields, draft.credentials, "test"), "credentials");
}

/** The settings a save sends with the credentials, or every field that stops it. */
export function checkSave(
  fields: readonly CredentialField[],
  draft: ConfigureDraft,
  saved: readonly SavedSecret[],
): { settings: ProvisioningSettings; errors?: undefined } | { errors: FieldErrors } {
  const credentialErrors = prefixed(credentialProblems(fields, draft.credentials, "save", saved), "credentials");
  const settings = settingsFromDraft(draft.settings);
  const errors = { ...credentialErrors, ...("problems" in settings ? prefixed(settings.problems, "settings") : {}) };
  if (Object.keys(errors).length || !("settings" in settings)) return { errors };
  return { settings: settings.settings };
}

/** A refusal the form can show at its field (the server names it like the form does), or null. */
export function fieldErrorOf(error: ActionError): FieldErrors | null {
  return error.kind === "invalid-input" && error.field && /^(credentials|settings)\.[A-Za-z]+$/.test(error.field) ? { [error.field]: error.message } : null;
}

/** Whether any secret field holds a typed value. */
export const hasTypedSecret = (fields: readonly CredentialField[], draft: ConfigureDraft) => fields.some((field) => field.secret && draft.credentials[field.key]);
