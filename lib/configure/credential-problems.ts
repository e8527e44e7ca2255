import type { CredentialField } from "./fields";
import { isSaved, type SavedSecret } from "./saved-secrets";
import { credentialValueProblem, httpsUrlProblem } from "./value-rules";

/** Typed admin credentials by key; an empty or missing value is a field left blank. */
export type TypedCredentials = Partial<Record<string, string>>;

/** Testing needs every required field typed; saving also, since Graph replaces the whole set and hides secrets. */
export type CredentialPurpose = "test" | "save";

function blankProblem(field: CredentialField, purpose: CredentialPurpose, saved: readonly SavedSecret[]): string | null {
  if (!field.required) return null;
  if (!field.secret) return `Enter the ${field.label}.`;
  if (purpose === "test") return `Type the ${field.label} to test with it, or test the saved credentials.`;
  return isSaved(saved, field.key)
    ? `Type the ${field.label} again: Microsoft Graph does not show saved secrets, and saving replaces them all.`
    : `Enter the ${field.label}.`;
}

/** The problem with one field's typed value (blank included), or null. */
export function credentialProblem(field: CredentialField, value: string, purpose: CredentialPurpose, saved: readonly SavedSecret[]): string | null {
  if (value === "") return blankProblem(field, purpose, saved);
  return credentialValueProblem(value, field.label) ?? (field.httpsUrl ? httpsUrlProblem(value, field.label) : null);
}

/** Every field's problem by key; typed keys the application does not ask for are problems too. */
export function credentialProblems(
  fields: readonly CredentialField[],
  typed: TypedCredentials,
  purpose: CredentialPurpose,
  saved: readonly SavedSecret[] = [],
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const problem = credentialProblem(field, typed[field.key] ?? "", purpose, saved);
    if (problem) problems[field.key] = problem;
  }
  for (const key of Object.keys(typed)) {
    if (!fields.some((field) => field.key === key) && typed[key]) problems[key] = `${key} is not one of this application's admin credentials.`;
  }
  return problems;
}

/** The typed values Graph receives: the application's fields that are not blank, in the template's order. */
export function credentialPairs(fields: readonly CredentialField[], typed: TypedCredentials): { key: string; value: string }[] {
  return fields.flatMap((field) => {
    const value = typed[field.key] ?? "";
    return value === "" ? [] : [{ key: field.key, value }];
  });
}
