import { INVALID_JSON_MESSAGE, badRequest } from "../../http/errors";

/**
 * The parts of Graph's model (CSDL) that request bodies are read against: the synchronizationSchema type tree
 * (PUT …/jobs/{id}/schema), the subjects' `links` of provisionOnDemand (synchronizationLinkedObjects) and the
 * synchronizationSecret enum (the `key` of synchronizationSecretKeyStringValuePair:
 * PUT …/secrets, validateCredentials, acquireAccessToken). Copied from test/fixtures/graph-docs/metadata (v1.0-Prod
 * and beta-USNat agree on all of it); `model.test.ts` checks this file against the CSDL, so nothing here is invented.
 *
 * Graph reads a body with the OData library against its model and refuses a property the (non-open) type does not
 * declare, or a value of the wrong JSON kind. What the synchronization service answers then is not documented
 * (SYNC-API §7, §11): the emulator answers its generic 400 for unreadable bodies (README, "Request bodies").
 */
export const SCHEMA_TYPES: Record<string, Record<string, string>> = {
  synchronizationSchema: {
    id: "Edm.String",
    synchronizationRules: "Collection(graph.synchronizationRule)",
    version: "Edm.String",
    directories: "Collection(graph.directoryDefinition)",
  },
  synchronizationRule: {
    containerFilter: "graph.containerFilter",
    editable: "Edm.Boolean",
    groupFilter: "graph.groupFilter",
    id: "Edm.String",
    metadata: "Collection(graph.stringKeyStringValuePair)",
    name: "Edm.String",
    objectMappings: "Collection(graph.objectMapping)",
    priority: "Edm.Int32",
    sourceDirectoryName: "Edm.String",
    targetDirectoryName: "Edm.String",
  },
  containerFilter: { includedContainers: "Collection(Edm.String)" },
  groupFilter: { includedGroups: "Collection(Edm.String)" },
  stringKeyStringValuePair: { key: "Edm.String", value: "Edm.String" },
  objectMapping: {
    attributeMappings: "Collection(graph.attributeMapping)",
    enabled: "Edm.Boolean",
    flowTypes: "graph.objectFlowTypes",
    metadata: "Collection(graph.objectMappingMetadataEntry)",
    name: "Edm.String",
    scope: "graph.filter",
    sourceObjectName: "Edm.String",
    targetObjectName: "Edm.String",
  },
  attributeMapping: {
    defaultValue: "Edm.String",
    exportMissingReferences: "Edm.Boolean",
    flowBehavior: "graph.attributeFlowBehavior",
    flowType: "graph.attributeFlowType",
    matchingPriority: "Edm.Int32",
    source: "graph.attributeMappingSource",
    targetAttributeName: "Edm.String",
  },
  attributeMappingSource: {
    expression: "Edm.String",
    name: "Edm.String",
    parameters: "Collection(graph.stringKeyAttributeMappingSourceValuePair)",
    type: "graph.attributeMappingSourceType",
  },
  stringKeyAttributeMappingSourceValuePair: { key: "Edm.String", value: "graph.attributeMappingSource" },
  objectMappingMetadataEntry: { key: "graph.objectMappingMetadata", value: "Edm.String" },
  filter: {
    categoryFilterGroups: "Collection(graph.filterGroup)",
    groups: "Collection(graph.filterGroup)",
    inputFilterGroups: "Collection(graph.filterGroup)",
  },
  filterGroup: { clauses: "Collection(graph.filterClause)", name: "Edm.String" },
  filterClause: { operatorName: "Edm.String", sourceOperandName: "Edm.String", targetOperand: "graph.filterOperand" },
  filterOperand: { values: "Collection(Edm.String)" },
  directoryDefinition: {
    id: "Edm.String",
    discoverabilities: "graph.directoryDefinitionDiscoverabilities",
    discoveryDateTime: "Edm.DateTimeOffset",
    name: "Edm.String",
    objects: "Collection(graph.objectDefinition)",
    readOnly: "Edm.Boolean",
    version: "Edm.String",
  },
  objectDefinition: {
    attributes: "Collection(graph.attributeDefinition)",
    metadata: "Collection(graph.objectDefinitionMetadataEntry)",
    name: "Edm.String",
    supportedApis: "Collection(Edm.String)",
  },
  attributeDefinition: {
    anchor: "Edm.Boolean",
    apiExpressions: "Collection(graph.stringKeyStringValuePair)",
    caseExact: "Edm.Boolean",
    defaultValue: "Edm.String",
    flowNullValues: "Edm.Boolean",
    metadata: "Collection(graph.attributeDefinitionMetadataEntry)",
    multivalued: "Edm.Boolean",
    mutability: "graph.mutability",
    name: "Edm.String",
    referencedObjects: "Collection(graph.referencedObject)",
    required: "Edm.Boolean",
    type: "graph.attributeType",
  },
  attributeDefinitionMetadataEntry: { key: "graph.attributeDefinitionMetadata", value: "Edm.String" },
  referencedObject: { referencedObjectName: "Edm.String", referencedProperty: "Edm.String" },
  objectDefinitionMetadataEntry: { key: "graph.objectDefinitionMetadata", value: "Edm.String" },
  // provisionOnDemand: a subject's `links` (synchronizationJobApplicationParameters.subjects[]).
  synchronizationJobSubject: { links: "graph.synchronizationLinkedObjects", objectId: "Edm.String", objectTypeName: "Edm.String" },
  synchronizationLinkedObjects: {
    manager: "graph.synchronizationJobSubject",
    members: "Collection(graph.synchronizationJobSubject)",
    owners: "Collection(graph.synchronizationJobSubject)",
  },
};

/** Members of the enum `synchronizationSecret`, in CSDL order. Enum members are names, matched exactly. */
export const SYNCHRONIZATION_SECRET_KEYS: readonly string[] = [
  "None", "UserName", "Password", "SecretToken", "AppKey", "BaseAddress", "ClientIdentifier", "ClientSecret", "SingleSignOnType",
  "Sandbox", "Url", "Domain", "ConsumerKey", "ConsumerSecret", "TokenKey", "TokenExpiration", "Oauth2AccessToken",
  "Oauth2AccessTokenCreationTime", "Oauth2RefreshToken", "SyncAll", "InstanceName", "Oauth2ClientId", "Oauth2ClientSecret", "CompanyId",
  "UpdateKeyOnSoftDelete", "SynchronizationSchedule", "SystemOfRecord", "SandboxName", "EnforceDomain", "SyncNotificationSettings",
  "SkipOutOfScopeDeletions", "Oauth2AuthorizationCode", "Oauth2RedirectUri", "ApplicationTemplateIdentifier", "Oauth2TokenExchangeUri",
  "Oauth2AuthorizationUri", "AuthenticationType", "Server", "PerformInboundEntitlementGrants", "HardDeletesEnabled",
  "SyncAgentCompatibilityKey", "SyncAgentADContainer", "ValidateDomain", "TestReferences", "ConnectionString",
];

const KEYS = new Set(SYNCHRONIZATION_SECRET_KEYS);
export const isSynchronizationSecretKey = (key: string) => KEYS.has(key);

/** The 400 for a body the model cannot read (undeclared property, wrong JSON kind, unknown enum member). */
export const unreadableBody = () => badRequest(INVALID_JSON_MESSAGE);

const isAnnotation = (name: string) => name.includes("@");

function checkValue(type: string, value: unknown): boolean {
  if (value === null) return true;
  const collection = /^Collection\((.+)\)$/.exec(type);
  if (collection) return Array.isArray(value) && value.every((item) => checkValue(collection[1], item));
  switch (type) {
    case "Edm.Boolean":
      return typeof value === "boolean";
    case "Edm.Int32":
    case "Edm.Int64":
      return typeof value === "number" && Number.isInteger(value);
    default:
      if (type.startsWith("Edm.")) return typeof value === "string";
  }
  const structured = SCHEMA_TYPES[type.replace(/^graph\./, "")];
  if (!structured) return typeof value === "string"; // an enum: serialized by member name
  if (typeof value !== "object" || Array.isArray(value)) return false;
  return Object.entries(value as Record<string, unknown>).every(
    ([name, child]) => isAnnotation(name) || (Object.hasOwn(structured, name) && checkValue(structured[name], child)),
  );
}

/** Throws the generic 400 unless `value` reads as a synchronizationLinkedObjects (a provisionOnDemand subject's `links`). */
export function requireLinkedObjects(value: unknown): void {
  if (!checkValue("graph.synchronizationLinkedObjects", value)) throw unreadableBody();
}

/** Throws the generic 400 unless `body` reads as a synchronizationSchema (annotations such as `@odata.context` allowed). */
export function requireSynchronizationSchema(body: unknown): void {
  if (body === null || !checkValue("graph.synchronizationSchema", body)) throw unreadableBody();
}
