import { credentialFieldsOf, type TemplateLike } from "./fields";
import { credentialsStatus, type CredentialsStatus, type SavedSecret } from "./saved-secrets";

/** Whether a job's admin credentials are saved, from its SP's templates and saved secrets (shared by all its jobs). */
export function jobCredentialsStatus(
  templates: readonly (TemplateLike & { id?: string | null })[],
  templateId: string | null | undefined,
  saved: readonly SavedSecret[],
): CredentialsStatus {
  const template = templates.find((candidate) => candidate.id === templateId) ?? null;
  return credentialsStatus(credentialFieldsOf(template).fields, saved);
}
