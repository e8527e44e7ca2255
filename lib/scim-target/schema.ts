import SCIMMY from "scimmy";

/**
 * The two resource types the target serves, as scimmy defines them (RFC 7643 §4): its schema definitions are
 * the single source for validation, attribute names and characteristics (type, caseExact, multiValued, returned).
 *
 * scimmy keeps schema definitions in process-wide singletons. Once per process (on import) the target:
 * - adds the Enterprise User extension to the User schema, not required (RFC 7643 §4.3);
 * - clears the empty `canonicalValues` scimmy gives `roles.type` and `x509Certificates.type`: RFC 7643 §4.1.2
 *   specifies no canonical values for them, and scimmy enforces an empty list as "no value allowed", which
 *   would refuse every role with a type (Entra ID sends `type: "WindowsAzureActiveDirectoryRole"`).
 * Both are idempotent. Nothing else of scimmy's global state is used (no `Resources.declare`, no handlers, no
 * `Config`), so any number of targets share these read-only definitions and nothing more.
 */
export type Attribute = SCIMMY.Types.Attribute;
export type SchemaDefinition = SCIMMY.Types.SchemaDefinition;

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

// scimmy's typing omits the Schema-class overload of extend() that its code and documentation have.
SCIMMY.Schemas.User.extend(SCIMMY.Schemas.EnterpriseUser as unknown as SCIMMY.Types.Schema, false);
for (const path of ["roles.type", "x509Certificates.type"]) {
  SCIMMY.Schemas.User.definition.attribute(path).config.canonicalValues = false;
}

export type ResourceTypeName = "User" | "Group";

export interface ResourceType {
  name: ResourceTypeName;
  /** The endpoint below the base URL (RFC 7644 §3.2). */
  endpoint: "/Users" | "/Groups";
  /** The core schema's URN. */
  schema: string;
  /** scimmy's Schema class, used to validate (coerce) writes and to hold resources while PATCH applies. */
  Schema: typeof SCIMMY.Schemas.User | typeof SCIMMY.Schemas.Group;
  /** scimmy's Resource class, used only for its `describe()` (ResourceType discovery). */
  Resource: typeof SCIMMY.Resources.User | typeof SCIMMY.Resources.Group;
  /** The core definition: core attributes plus, for User, the extension as a nested definition. */
  definition: SchemaDefinition;
  /** Extension definitions by URN. */
  extensions: Map<string, SchemaDefinition>;
}

const isDefinition = (value: unknown): value is SchemaDefinition => value instanceof SCIMMY.Types.SchemaDefinition;

function resourceType(name: ResourceTypeName, Schema: ResourceType["Schema"], Resource: ResourceType["Resource"]): ResourceType {
  const definition = Schema.definition;
  const extensions = new Map<string, SchemaDefinition>();
  for (const attribute of definition.attributes as unknown[]) {
    if (isDefinition(attribute)) extensions.set(attribute.id, Object.getPrototypeOf(attribute) as SchemaDefinition);
  }
  return { name, endpoint: name === "User" ? "/Users" : "/Groups", schema: definition.id, Schema, Resource, definition, extensions };
}

export const USER = resourceType("User", SCIMMY.Schemas.User, SCIMMY.Resources.User);
export const GROUP = resourceType("Group", SCIMMY.Schemas.Group, SCIMMY.Resources.Group);
export const RESOURCE_TYPES: readonly ResourceType[] = [USER, GROUP];

/** The schema definitions served at /Schemas (RFC 7644 §4): the core ones and the extension. */
export const SCHEMA_DEFINITIONS: readonly SchemaDefinition[] = [USER.definition, ...USER.extensions.values(), GROUP.definition];

/**
 * The attributes a definition declares directly. scimmy adds the common attributes (`schemas`, `id`,
 * `externalId`, `meta`, RFC 7643 §3) to every definition as "shadow" attributes: they belong to a resource's
 * core schema, not to an extension.
 */
export function ownAttributes(definition: SchemaDefinition, common = true): Attribute[] {
  return (definition.attributes as unknown[]).filter((a): a is Attribute => a instanceof SCIMMY.Types.Attribute && (common || !a.config.shadow));
}

export function findAttribute(attributes: readonly Attribute[] | undefined, name: string): Attribute | undefined {
  const lower = name.toLowerCase();
  return attributes?.find((a) => a.name.toLowerCase() === lower);
}

/**
 * An attribute path (RFC 7644 §3.10, `[URN ":"] attrName ["." subAttr]`) resolved against a resource type:
 * `container` is where its values live (undefined: the resource itself; else the extension object's URN).
 */
export interface ResolvedPath {
  container?: string;
  attribute: Attribute;
  sub?: Attribute;
}

/** A path naming a whole extension (`urn:…:enterprise:2.0:User`). */
export interface ResolvedExtension {
  extension: string;
}

/**
 * Resolves an attribute path case-insensitively (RFC 7644 §3.4.2.2, §3.10), URN-qualified or not.
 * Returns undefined for anything the schema does not declare.
 */
export function resolvePath(type: ResourceType, path: string): ResolvedPath | ResolvedExtension | undefined {
  let rest = path;
  let container: string | undefined;
  let attributes = ownAttributes(type.definition);
  const lower = path.toLowerCase();
  if (lower.startsWith("urn:")) {
    const core = type.schema.toLowerCase();
    const extension = [...type.extensions.keys()].find((id) => lower === id.toLowerCase() || lower.startsWith(`${id.toLowerCase()}:`));
    if (extension) {
      if (lower === extension.toLowerCase()) return { extension };
      container = extension;
      attributes = ownAttributes(type.extensions.get(extension)!, false);
      rest = path.slice(extension.length + 1);
    } else if (lower.startsWith(`${core}:`)) {
      rest = path.slice(core.length + 1);
    } else {
      return undefined;
    }
  }
  const parts = rest.split(".");
  if (parts.length > 2 || parts.some((p) => p === "")) return undefined;
  const attribute = findAttribute(attributes, parts[0]);
  if (!attribute) return undefined;
  if (parts.length === 1) return { container, attribute };
  if (String(attribute.type) !== "complex") return undefined;
  const sub = findAttribute(attribute.subAttributes, parts[1]);
  return sub ? { container, attribute, sub } : undefined;
}
