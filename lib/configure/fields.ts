import { CREDENTIAL_MATERIAL_KEYS, isSecretKey, type SecretKey } from "./secret-keys";
import { metadataValue, type MetadataList } from "@/lib/metadata/metadata";

/** One admin credential an application asks for (the template's `configurationFields`, or the default pair). */
export interface CredentialField {
  key: SecretKey;
  /** As the Entra admin center labels it ("Tenant URL"). */
  label: string;
  /** Graph masks it once saved: it is typed again on every save. */
  secret: boolean;
  required: boolean;
  /** The value must be an https:// URL. */
  httpsUrl: boolean;
}

export const TENANT_URL: CredentialField = { key: "BaseAddress", label: "Tenant URL", secret: false, required: true, httpsUrl: true };
export const SECRET_TOKEN: CredentialField = { key: "SecretToken", label: "Secret token", secret: true, required: true, httpsUrl: false };
/** What most gallery and SCIM apps ask for, used when a template lists nothing. */
export const DEFAULT_CREDENTIAL_FIELDS: readonly CredentialField[] = [TENANT_URL, SECRET_TOKEN];

export type FieldSource =
  /** The template's metadata lists the fields. */
  | "template"
  /** The template says nothing: the default tenant URL and secret token. */
  | "default"
  /** No admin credentials: an agent (cloud sync) or an API (inbound provisioning) connects. */
  | "none";

export interface CredentialFields {
  fields: readonly CredentialField[];
  source: FieldSource;
}

/** Bounds on what a template may declare, so a broken one cannot flood the form. */
const MAX_FIELDS = 12;
const MAX_LABEL = 80;
/** Factory tags of apps that take no admin credentials although their templates may say nothing. */
const NO_ADMIN_CREDENTIALS = new Set(["api2aad"]);

/** What the fields are read from: a synchronizationTemplate (metadata keys are plain strings here, Graph adds new ones). */
export interface TemplateLike {
  factoryTag?: string | null;
  metadata?: MetadataList;
}

function toField(item: unknown): CredentialField | null {
  if (!item || typeof item !== "object") return null;
  const { key, label, secret, required, httpsUrl } = item as Record<string, unknown>;
  if (!isSecretKey(key)) return null;
  const name = typeof label === "string" && label.trim() ? label.trim().slice(0, MAX_LABEL) : key;
  return { key, label: name, secret: secret === true, required: required === true, httpsUrl: httpsUrl === true };
}

/** The fields of a `configurationFields` value, or null when it is not a readable list. */
export function parseConfigurationFields(value: string): CredentialField[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const fields: CredentialField[] = [];
  for (const item of parsed.slice(0, MAX_FIELDS)) {
    const field = toField(item);
    if (field && !fields.some((known) => known.key === field.key)) fields.push(field);
  }
  return parsed.length > 0 && fields.length === 0 ? null : fields;
}

/** The admin credentials a job's template asks for; the tenant URL + secret token pair when it does not say. */
export function credentialFieldsOf(template: TemplateLike | null | undefined): CredentialFields {
  const listed = metadataValue(template?.metadata, "configurationFields");
  const fields = listed === undefined ? null : parseConfigurationFields(listed);
  if (fields) return { fields, source: fields.length ? "template" : "none" };
  const agent = metadataValue(template?.metadata, "isSynchronizationAgentRequired")?.toLowerCase() === "true";
  if (agent || NO_ADMIN_CREDENTIALS.has((template?.factoryTag ?? "").toLowerCase())) return { fields: [], source: "none" };
  return { fields: DEFAULT_CREDENTIAL_FIELDS, source: "default" };
}

/** Keys whose saved values are secret: Graph masks them, the console never shows or caches them. */
export function secretKeysOf(fields: readonly CredentialField[]): ReadonlySet<string> {
  return new Set([...CREDENTIAL_MATERIAL_KEYS, ...fields.filter((field) => field.secret).map((field) => field.key)]);
}

/** The secret keys of every template (a service principal's saved secrets serve all its jobs). */
export function secretKeysOfTemplates(templates: readonly TemplateLike[]): ReadonlySet<string> {
  return new Set(templates.flatMap((template) => [...secretKeysOf(credentialFieldsOf(template).fields)]));
}
