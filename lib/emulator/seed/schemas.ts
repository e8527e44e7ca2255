import { hashGuid } from "../engine/random";

/** Default synchronization schemas, generated per template from a small description. */
export interface SchemaShape {
  source: string;
  target: string;
  groups: boolean;
  /** Target attribute names are SCIM-style (userName, emails[type eq "work"].value) unless "directory". */
  targetStyle?: "scim" | "directory";
  /** Target user attributes the app requires beyond the style's own (AWS IAM Identity Center: first and last name). */
  requiredUserAttributes?: string[];
  /** The user mapping's scoping filter (Graph's `filter`); none: `scope: null`. */
  userScope?: ScopingFilter;
  /**
   * Whether the rule carries the metadata entry `supportsProvisionOnDemand` = "true" (Graph's rules do; default
   * true). API-driven inbound provisioning is fed through bulkUpload, not on demand: false there (README, Seed).
   */
  provisionOnDemand?: boolean;
}

/** Graph's `filter` / `filterGroup` / `filterClause` / `filterOperand` (SYNC-API §4). */
export interface ScopingFilter {
  categoryFilterGroups: FilterGroup[];
  groups: FilterGroup[];
  inputFilterGroups: FilterGroup[];
}
export interface FilterGroup {
  name: string;
  clauses: { operatorName: string; sourceOperandName: string; targetOperand: { values: string[] } }[];
}

type Attr = [name: string, type: string, options?: { anchor?: boolean; multivalued?: boolean; required?: boolean; ref?: string }];

const DIRECTORY_USER: Attr[] = [
  ["objectId", "String", { anchor: true }],
  ["userPrincipalName", "String", { required: true }],
  ["mail", "String"],
  ["displayName", "String"],
  ["givenName", "String"],
  ["surname", "String"],
  ["accountEnabled", "Boolean"],
  ["mailNickname", "String"],
  ["manager", "Reference", { ref: "User" }],
];
const DIRECTORY_GROUP: Attr[] = [
  ["objectId", "String", { anchor: true }],
  ["displayName", "String", { required: true }],
  ["mailNickname", "String"],
  ["members", "Reference", { multivalued: true, ref: "User" }],
];
const SCIM_USER: Attr[] = [
  ["id", "String", { anchor: true }],
  ["userName", "String", { required: true }],
  ["active", "Boolean"],
  ["displayName", "String"],
  ['emails[type eq "work"].value', "String"],
  ["name.givenName", "String"],
  ["name.familyName", "String"],
  ["externalId", "String"],
  ["title", "String"],
  ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "String"],
  ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", "Reference", { ref: "User" }],
];
const SCIM_GROUP: Attr[] = [
  ["id", "String", { anchor: true }],
  ["displayName", "String", { required: true }],
  ["externalId", "String"],
  ["members", "Reference", { multivalued: true, ref: "User" }],
];

function attribute([name, type, options = {}]: Attr) {
  return {
    anchor: options.anchor ?? false,
    apiExpressions: [],
    caseExact: false,
    defaultValue: null,
    flowNullValues: false,
    metadata: [],
    multivalued: options.multivalued ?? false,
    mutability: "ReadWrite",
    name,
    referencedObjects: options.ref ? [{ referencedObjectName: options.ref, referencedProperty: null }] : [],
    required: options.required ?? false,
    type,
  };
}

function directory(name: string, style: "scim" | "directory", groups: boolean, requiredUserAttributes: readonly string[] = []) {
  const [user, group] = style === "scim" ? [SCIM_USER, SCIM_GROUP] : [DIRECTORY_USER, DIRECTORY_GROUP];
  const required = (attr: Attr): Attr => (requiredUserAttributes.includes(attr[0]) ? [attr[0], attr[1], { ...attr[2], required: true }] : attr);
  const objects = [{ name: "User", attributes: user.map(required).map(attribute), metadata: [], supportedApis: [] }];
  if (groups) objects.push({ name: "Group", attributes: group.map(attribute), metadata: [], supportedApis: [] });
  return {
    id: hashGuid(`directory:${name}`),
    name,
    discoverabilities: "AttributeNames, AttributeDataTypes",
    discoveryDateTime: null,
    readOnly: style === "directory",
    version: null,
    objects,
  };
}

const USER_MAPPINGS: [source: string, target: string, matching?: number][] = [
  ["userPrincipalName", "userName", 1],
  ["Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")", "active"],
  ["displayName", "displayName"],
  ["mail", 'emails[type eq "work"].value'],
  ["givenName", "name.givenName"],
  ["surname", "name.familyName"],
  ["mailNickname", "externalId"],
  ["jobTitle", "title"],
  ["department", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"],
];
const DIRECTORY_USER_MAPPINGS: [string, string, number?][] = [
  ["objectGUID", "objectId", 1],
  ["userPrincipalName", "userPrincipalName"],
  ["displayName", "displayName"],
  ["mail", "mail"],
  ["givenName", "givenName"],
  ["sn", "surname"],
];

function mapping([source, target, matching = 0]: [string, string, number?]) {
  const isFunction = source.includes("(");
  return {
    defaultValue: null,
    exportMissingReferences: false,
    flowBehavior: "FlowWhenChanged",
    flowType: "Always",
    matchingPriority: matching,
    source: {
      expression: isFunction ? source : `[${source}]`,
      name: isFunction ? source.slice(0, source.indexOf("(")) : source,
      parameters: [],
      type: isFunction ? "Function" : "Attribute",
    },
    targetAttributeName: target,
  };
}

export function defaultSchema(templateId: string, shape: SchemaShape) {
  const style = shape.targetStyle ?? "scim";
  const sourceStyle = "directory";
  const userMappings = style === "scim" ? USER_MAPPINGS : DIRECTORY_USER_MAPPINGS;
  const objectMappings = [
    {
      enabled: true,
      flowTypes: "Add, Update, Delete",
      metadata: [],
      name: `Provision ${shape.source} Users`,
      scope: shape.userScope ? structuredClone(shape.userScope) : null,
      sourceObjectName: "User",
      targetObjectName: "User",
      attributeMappings: userMappings.map(mapping),
    },
  ];
  if (shape.groups) {
    objectMappings.push({
      enabled: true,
      flowTypes: "Add, Update, Delete",
      metadata: [],
      name: `Provision ${shape.source} Groups`,
      scope: null,
      sourceObjectName: "Group",
      targetObjectName: "Group",
      attributeMappings: [mapping(["displayName", "displayName", 1]), mapping(["objectId", "externalId"]), mapping(["members", "members"])],
    });
  }
  return {
    id: templateId,
    version: "Date:2024-06-03T00:00:00Z;Version:1",
    directories: [directory(shape.source, sourceStyle, shape.groups), directory(shape.target, style, shape.groups, shape.requiredUserAttributes)],
    synchronizationRules: [
      {
        containerFilter: null,
        editable: true,
        groupFilter: null,
        id: hashGuid(`rule:${templateId}`),
        metadata: shape.provisionOnDemand === false ? [] : [{ key: "supportsProvisionOnDemand", value: "true" }],
        name: "USER_TO_USER",
        objectMappings,
        priority: 1,
        sourceDirectoryName: shape.source,
        targetDirectoryName: shape.target,
      },
    ],
  };
}
