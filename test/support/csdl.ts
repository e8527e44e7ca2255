import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { GRAPH_METADATA_DIR } from "./graph-docs";

/**
 * A reader for the CSDL excerpts in test/fixtures/graph-docs/metadata (OData CSDL XML, namespace
 * `microsoft.graph`, alias `graph`): entity and complex types with their structural and navigation properties
 * (BaseType inheritance resolved, OpenType inherited), enum types, and the return types of bound actions and
 * functions. Type names are kept as CSDL writes them (`Edm.String`, `graph.x`, `Collection(graph.x)`); `typeName`
 * gives the short name of a `graph.`/`microsoft.graph.` type.
 */
export interface CsdlProperty {
  name: string;
  /** As written in the CSDL, e.g. `Collection(graph.synchronizationRule)`. */
  type: string;
  nullable: boolean;
  navigation: boolean;
}

export interface CsdlStructuredType {
  name: string;
  kind: "EntityType" | "ComplexType";
  baseType: string | null;
  open: boolean;
  abstract: boolean;
  /** Declared on this type only (not inherited). */
  declared: CsdlProperty[];
}

export interface CsdlEnumType {
  name: string;
  flags: boolean;
  members: string[];
}

export interface CsdlOperation {
  kind: "Action" | "Function";
  name: string;
  /** The binding parameter's type (`graph.synchronizationJob`, `Collection(graph.synchronizationJob)`). */
  boundTo: string | null;
  returnType: string | null;
}

export interface CsdlModel {
  types: Map<string, CsdlStructuredType>;
  enums: Map<string, CsdlEnumType>;
  operations: CsdlOperation[];
  /** All properties of a type by name, inherited ones included (a derived type's declaration wins). */
  properties(typeName: string): Map<string, CsdlProperty>;
  /** True when the type or one of its base types is an OpenType. */
  isOpen(typeName: string): boolean;
}

const GRAPH_TYPE = /^(?:graph|microsoft\.graph)\.(.+)$/;

/** `graph.x` or `microsoft.graph.x` (optionally `#`-prefixed, as in `@odata.type`) → `x`; anything else as is. */
export function typeName(type: string): string {
  const bare = type.replace(/^#/, "");
  return GRAPH_TYPE.exec(bare)?.[1] ?? bare;
}

/** `Collection(T)` → T, else null. */
export function elementType(type: string): string | null {
  return /^Collection\((.+)\)$/.exec(type)?.[1] ?? null;
}

const LISTS = new Set(["EntityType", "ComplexType", "EnumType", "Property", "NavigationProperty", "Member", "Action", "Function", "Parameter"]);

type XmlNode = Record<string, unknown>;
const attr = (node: XmlNode, name: string) => node[`@_${name}`] as string | undefined;
const children = (node: XmlNode, name: string) => (node[name] as XmlNode[] | undefined) ?? [];

export function readCsdl(files: readonly string[]): CsdlModel {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => LISTS.has(name), parseAttributeValue: false });
  const types = new Map<string, CsdlStructuredType>();
  const enums = new Map<string, CsdlEnumType>();
  const operations: CsdlOperation[] = [];

  for (const file of files) {
    const root = parser.parse(readFileSync(file, "utf8")) as XmlNode;
    const schema = root.Schema as XmlNode | undefined;
    if (!schema) throw new Error(`${file}: no <Schema> root`);
    if (attr(schema, "Namespace") !== "microsoft.graph") throw new Error(`${file}: unexpected namespace ${attr(schema, "Namespace")}`);
    for (const kind of ["EntityType", "ComplexType"] as const) {
      for (const node of children(schema, kind)) {
        const name = attr(node, "Name")!;
        const property = (p: XmlNode, navigation: boolean): CsdlProperty => ({
          name: attr(p, "Name")!,
          type: attr(p, "Type")!,
          nullable: attr(p, "Nullable") !== "false",
          navigation,
        });
        types.set(name, {
          name,
          kind,
          baseType: attr(node, "BaseType") ? typeName(attr(node, "BaseType")!) : null,
          open: attr(node, "OpenType") === "true",
          abstract: attr(node, "Abstract") === "true",
          declared: [...children(node, "Property").map((p) => property(p, false)), ...children(node, "NavigationProperty").map((p) => property(p, true))],
        });
      }
    }
    for (const node of children(schema, "EnumType")) {
      const name = attr(node, "Name")!;
      enums.set(name, { name, flags: attr(node, "IsFlags") === "true", members: children(node, "Member").map((m) => attr(m, "Name")!) });
    }
    for (const kind of ["Action", "Function"] as const) {
      for (const node of children(schema, kind)) {
        const bound = attr(node, "IsBound") === "true";
        const returnType = node.ReturnType as XmlNode | undefined;
        operations.push({
          kind,
          name: attr(node, "Name")!,
          boundTo: bound ? (attr(children(node, "Parameter")[0] ?? {}, "Type") ?? null) : null,
          returnType: returnType ? (attr(returnType, "Type") ?? null) : null,
        });
      }
    }
  }

  const chain = (name: string): CsdlStructuredType[] => {
    const result: CsdlStructuredType[] = [];
    for (let current = types.get(name); current; current = current.baseType ? types.get(current.baseType) : undefined) {
      result.unshift(current);
      if (current.baseType && !types.has(current.baseType)) throw new Error(`type ${current.name}: base type ${current.baseType} is not in the CSDL files read`);
    }
    return result;
  };

  return {
    types,
    enums,
    operations,
    properties(name) {
      const all = new Map<string, CsdlProperty>();
      for (const type of chain(name)) for (const property of type.declared) all.set(property.name, property);
      return all;
    },
    isOpen(name) {
      return chain(name).some((type) => type.open);
    },
  };
}

/**
 * The type an endpoint answers with, from its path after the version (`/servicePrincipals/{id}/synchronization/
 * jobs/{jobId}/schema`): navigation and structural properties, keys after collections, bound actions and functions
 * (their ReturnType); a POST to a collection answers with the created element. `servicePrincipal` is not in the
 * excerpts; its `synchronization` navigation property (`graph.synchronization`, v1.0-Prod and beta CSDL) is the
 * one step taken without them. Null when unknown.
 */
export function endpointType(model: CsdlModel, path: string, method = "GET"): string | null {
  const segments = path.split("?")[0].split("/").filter(Boolean).map((segment) => decodeURIComponent(segment));
  if (!/^servicePrincipals($|\()/i.test(segments[0] ?? "")) return null;
  let type = /\(/.test(segments[0]) ? "graph.servicePrincipal" : "Collection(graph.servicePrincipal)";
  let operationLast = false;
  for (const segment of segments.slice(1)) {
    operationLast = false;
    const element = elementType(type);
    const bound = (binding: string) =>
      model.operations.find((operation) => operation.name.toLowerCase() === segment.toLowerCase() && typeName(operation.boundTo ?? "") === typeName(binding) && Boolean(elementType(operation.boundTo ?? "")) === Boolean(elementType(binding)));
    const operation = bound(type);
    if (operation) {
      if (!operation.returnType) return null;
      type = operation.returnType;
      operationLast = true;
    } else if (element) {
      type = element; // a key
    } else if (typeName(type) === "servicePrincipal" && segment.toLowerCase() === "synchronization") {
      type = "graph.synchronization";
    } else {
      if (!model.types.has(typeName(type))) return null;
      const property = [...model.properties(typeName(type)).values()].find((candidate) => candidate.name.toLowerCase() === segment.toLowerCase());
      if (!property) return null;
      type = property.type;
    }
  }
  if (method.toUpperCase() === "POST" && !operationLast) return elementType(type) ?? type;
  return type;
}

/** True for a property the CSDL lacks but the documented examples carry (the caller says which, and why). */
export type AllowUndeclared = (typeName: string, property: string) => boolean;

/**
 * Every object key in `value` that the type (`@odata.type` when given, else the declared type) does not declare,
 * recursively, as `$.a[0].b: not a property of x` lines. OData annotations (`@odata.context`, `x@odata.type`)
 * are allowed, and so is anything on an open type. A collection response (`{"value": [...]}`) is read as its
 * elements. `unchecked` receives the names of types the model does not hold (their subtrees are skipped).
 */
export function undeclaredProperties(
  model: CsdlModel,
  type: string,
  value: unknown,
  allow: AllowUndeclared = () => false,
  unchecked: Set<string> = new Set(),
  path = "$",
): string[] {
  if (value === null || value === undefined) return [];
  const element = elementType(type);
  if (element) {
    if (path === "$" && !Array.isArray(value) && typeof value === "object") {
      const extra = Object.keys(value).filter((key) => key !== "value" && !key.includes("@"));
      return [...extra.map((key) => `$.${key}: not part of a collection response`), ...undeclaredProperties(model, type, (value as { value?: unknown }).value, allow, unchecked, "$.value")];
    }
    if (!Array.isArray(value)) return [`${path}: ${type} answered with a ${typeof value}`];
    return value.flatMap((item, index) => undeclaredProperties(model, element, item, allow, unchecked, `${path}[${index}]`));
  }
  const short = typeName(type);
  if (type.startsWith("Edm.") || model.enums.has(short)) return typeof value === "object" ? [`${path}: ${type} answered with a structured value`] : [];
  if (!model.types.has(short)) {
    unchecked.add(short);
    return [];
  }
  if (typeof value !== "object" || Array.isArray(value)) return [`${path}: ${short} answered with ${Array.isArray(value) ? "an array" : `a ${typeof value}`}`];
  const record = value as Record<string, unknown>;
  const actual = typeof record["@odata.type"] === "string" ? typeName(record["@odata.type"]) : short;
  if (!model.types.has(actual)) {
    unchecked.add(actual);
    return [];
  }
  const properties = model.properties(actual);
  const open = model.isOpen(actual);
  return Object.entries(record).flatMap(([key, child]) => {
    if (key.includes("@")) return [];
    const property = properties.get(key);
    if (!property) return open || allow(actual, key) ? [] : [`${path}.${key}: not a property of ${actual}`];
    return undeclaredProperties(model, property.type, child, allow, unchecked, `${path}.${key}`);
  });
}

const SYNC_EXCERPT = { "v1.0": "v1.0-Prod", beta: "beta-USNat" } as const;

/**
 * The synchronization excerpt of one version (metadata/msgraph-metadata_{v1.0-Prod|beta-USNat}_sync-excerpt.csdl.xml).
 * The excerpts name `graph.entity` as a base type without declaring it; it is Graph's abstract root, keyed by
 * `<Property Name="id" Type="Edm.String" Nullable="false" />` (v1.0-Prod.csdl, as in metadata/…_logs-excerpt).
 */
export function readSyncExcerpt(version: keyof typeof SYNC_EXCERPT): CsdlModel {
  const model = readCsdl([resolve(GRAPH_METADATA_DIR, `msgraph-metadata_${SYNC_EXCERPT[version]}_sync-excerpt.csdl.xml`)]);
  if (!model.types.has("entity"))
    model.types.set("entity", { name: "entity", kind: "EntityType", baseType: null, open: false, abstract: true, declared: [{ name: "id", type: "Edm.String", nullable: false, navigation: false }] });
  return model;
}
