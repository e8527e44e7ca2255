import type { Filter as Ast } from "scim2-parse-filter";
import { Tokens, parseFilter, tokenizer, type Token } from "scim2-parse-filter/lib/src/parser";
import { badRequest } from "./errors";
import { findAttribute, resolvePath, type Attribute, type ResourceType } from "./schema";

/**
 * `filter` (RFC 7644 §3.4.2.2): parsed by scim2-parse-filter (a recursive-descent parser of the full grammar of
 * Figure 1: precedence, nested groups, `not (…)`, value paths), then compiled here against the resource type's
 * scimmy schema, so that names are case-insensitive, unknown attributes and impossible comparisons are refused
 * (400 invalidFilter) and string comparisons honour `caseExact` (RFC 7644 §3.4.2.2: `userName` is caseExact false).
 *
 * Three adjustments to the parser's token stream, all before parsing:
 * - its tokenizer doubles every backslash not followed by `"` (so that `DOMAIN\user` needs no escaping); that is
 *   undone, so a string value is the JSON string RFC 7644 specifies (`"DOMAIN\\user"` means `DOMAIN\user`);
 * - `not` must be followed by `(` (Figure 1: `"not" "(" valFilter ")"`);
 * - `emails[type eq "work"].value eq "x"`, a value path with a sub-attribute, is outside Figure 1 (that form is
 *   PATCH's, Figure 7) but Microsoft Entra ID sends it when such an attribute is the matching attribute. The parser
 *   turns it into `emails[type eq "work"] and emails.value eq "x"`, which loses that both must hold for the same
 *   email; it is rewritten to `emails[(type eq "work") and value eq "x"]`, which keeps it.
 */
export interface CompiledFilter {
  test(data: Record<string, unknown>): boolean;
  /**
   * Equality keys one of which every match has (an index hint), or undefined when the filter gives none:
   * `userName eq "a" and active eq true` gives the userName "a"; `userName eq "a" or title eq "b"` gives none.
   */
  keys?: IndexKey[];
}

export interface IndexKey {
  attribute: string;
  /** Lower-cased for a caseExact=false attribute. */
  value: string;
}

/** The target's own value for an attribute the store computes (User `groups`), if any. */
export type ComputedAttribute = (data: Record<string, unknown>, attribute: string) => unknown;

const COMPARE_OPS = new Set(["eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le"]);
const ORDERING_OPS = new Set(["gt", "lt", "ge", "le"]);
const SUBSTRING_OPS = new Set(["co", "sw", "ew"]);
const STRING_TYPES = new Set(["string", "reference", "binary"]);

const invalid = (detail: string) => badRequest("invalidFilter", detail);

export function parseFilterText(text: string): Ast {
  if (text.trim() === "") throw invalid("The filter is empty.");
  try {
    const list = new Tokens(adjustTokens(tokenizer(text)));
    const ast = parseFilter(list);
    if (list.peek().type !== "EOT") throw new Error(`unexpected '${list.peek().literal}'`);
    return ast;
  } catch (error) {
    if (error instanceof Error && error.name === "ScimError") throw error;
    throw invalid(`The filter '${text}' is not valid (RFC 7644 §3.4.2.2): ${(error as Error).message}.`);
  }
}

/** Undoes the tokenizer's backslash doubling: a run of n backslashes came from ceil(n / 2). */
const undoubleBackslashes = (literal: string) => literal.replace(/\\+/g, (run) => "\\".repeat(Math.ceil(run.length / 2)));

function adjustTokens(tokens: Token[]): Token[] {
  const out: Token[] = [];
  const opened: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === "Quoted") {
      const literal = undoubleBackslashes(token.literal);
      try {
        JSON.parse(literal);
      } catch {
        throw new Error(`${literal} is not a JSON string`);
      }
      out.push({ type: "Quoted", literal });
      continue;
    }
    if (token.type === "Word" && token.literal.toLowerCase() === "not" && tokens[i + 1]?.literal !== "(") throw new Error("'not' must be followed by '('");
    if (token.type === "Bracket" && token.literal === "[") opened.push(out.length);
    if (token.type === "Bracket" && token.literal.startsWith("]")) {
      const start = opened.pop();
      const [sub, op, value] = [tokens[i + 1], tokens[i + 2], tokens[i + 3]];
      const opName = op?.literal.toLowerCase() ?? "";
      if (token.literal === "]." && start !== undefined && sub?.type === "Word" && (opName === "pr" || COMPARE_OPS.has(opName))) {
        const inner = out.splice(start + 1);
        const compared = opName === "pr" ? [sub, op] : [sub, op, value.type === "Quoted" ? { type: "Quoted" as const, literal: undoubleBackslashes(value.literal) } : value];
        out.push(bracket("("), ...inner, bracket(")"), { type: "Word", literal: "and" }, ...compared, bracket("]"));
        i += compared.length;
        continue;
      }
    }
    out.push(token);
  }
  return out;
}

const bracket = (literal: string): Token => ({ type: "Bracket", literal });

interface Context {
  type: ResourceType;
  computed?: ComputedAttribute;
  /** Inside a value path: the complex attribute whose values are being tested. */
  element?: Attribute;
}

/** Parses and compiles a filter for a resource type; throws 400 invalidFilter (ScimError) when it is not valid here. */
export function compileFilter(text: string, type: ResourceType, computed?: ComputedAttribute): CompiledFilter {
  return compile(parseFilterText(text), { type, computed });
}

function compile(node: Ast, ctx: Context): CompiledFilter {
  switch (node.op) {
    case "and":
    case "or": {
      const parts = node.filters.map((f) => compile(f, ctx));
      const tests = parts.map((p) => p.test);
      if (node.op === "and") {
        const keyed = parts.filter((p) => p.keys).sort((a, b) => a.keys!.length - b.keys!.length);
        return { test: (data) => tests.every((t) => t(data)), keys: keyed[0]?.keys };
      }
      return { test: (data) => tests.some((t) => t(data)), keys: parts.every((p) => p.keys) ? parts.flatMap((p) => p.keys!) : undefined };
    }
    case "not": {
      const inner = compile(node.filter, ctx).test;
      return { test: (data) => !inner(data) };
    }
    case "[]": {
      if (ctx.element) throw invalid(`A value path cannot be nested ('${node.attrPath}[…]' inside '${ctx.element.name}[…]').`);
      const target = resolve(node.attrPath, ctx);
      const attribute = target.sub ?? target.attribute;
      if (target.sub || String(attribute.type) !== "complex") throw invalid(`'${node.attrPath}[…]' needs a complex attribute (RFC 7644 §3.4.2.2).`);
      const inner = compile(node.valFilter, { ...ctx, element: attribute }).test;
      const read = reader(target, ctx);
      return {
        test: (data) => {
          const value = read(data);
          return (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).some((el) => typeof el === "object" && el !== null && inner(el as Record<string, unknown>));
        },
      };
    }
    case "pr": {
      const read = reader(resolve(node.attrPath, ctx), ctx);
      return { test: (data) => present(read(data)) };
    }
    default:
      return compileComparison(node.op, node.attrPath, node.compValue, ctx);
  }
}

interface Target {
  container?: string;
  attribute: Attribute;
  sub?: Attribute;
}

function resolve(path: string, ctx: Context): Target {
  if (ctx.element) {
    const sub = path.includes(".") || path.includes(":") ? undefined : findAttribute(ctx.element.subAttributes, path);
    if (!sub) throw invalid(`'${ctx.element.name}' has no sub-attribute '${path}'.`);
    return { attribute: sub };
  }
  const resolved = resolvePath(ctx.type, path);
  if (!resolved || !("attribute" in resolved)) throw invalid(`The ${ctx.type.name} schema has no attribute '${path}'.`);
  return resolved;
}

/** Reads the raw value a target names: an array for multi-valued ones, sub-attribute values flattened. */
function reader(target: Target, ctx: Context): (data: Record<string, unknown>) => unknown {
  const { container, attribute, sub } = target;
  const top = (data: Record<string, unknown>): unknown => {
    const holder = container ? (data[container] as Record<string, unknown> | undefined) : data;
    const value = holder?.[attribute.name];
    return value === undefined && !container && !ctx.element && ctx.computed ? ctx.computed(data, attribute.name) : value;
  };
  if (!sub) return top;
  return (data) => {
    const value = top(data);
    const pick = (el: unknown) => (typeof el === "object" && el !== null ? (el as Record<string, unknown>)[sub.name] : undefined);
    return Array.isArray(value) ? value.map(pick).filter((v) => v !== undefined).flat() : pick(value);
  };
}

/** RFC 7644 §3.4.2.2 `pr`: a non-empty value; RFC 7643 §2.5: null, "" and [] (or {}) are unassigned. */
function present(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (Array.isArray(value)) return value.some(present);
  if (typeof value === "object") return Object.values(value as Record<string, unknown>).some(present);
  return true;
}

function compileComparison(op: string, path: string, compValue: unknown, ctx: Context): CompiledFilter {
  let target = resolve(path, ctx);
  let leaf = target.sub ?? target.attribute;
  if (String(leaf.type) === "complex") {
    // `emails co "@example.com"`, `members eq "<id>"`: a complex attribute compares by its "value" sub-attribute.
    const value = findAttribute(leaf.subAttributes, "value");
    if (!value || target.sub || ctx.element) throw invalid(`'${path}' is complex and has no 'value' sub-attribute to compare.`);
    target = { ...target, sub: value };
    leaf = value;
  }
  const type = String(leaf.type);
  const name = path;
  const read = reader(target, ctx);
  const values = (data: Record<string, unknown>): unknown[] => {
    const v = read(data);
    return (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== null);
  };

  if (compValue === null) {
    if (op !== "eq" && op !== "ne") throw invalid(`'${op} null' is not a comparison (only eq and ne take null).`);
    return { test: op === "eq" ? (data) => !present(read(data)) : (data) => present(read(data)) };
  }
  if (type === "boolean" && typeof compValue !== "boolean") throw invalid(`'${name}' is boolean: compare it with true or false, not ${JSON.stringify(compValue)}.`);
  if ((type === "integer" || type === "decimal") && typeof compValue !== "number") throw invalid(`'${name}' is a number: compare it with a number, not ${JSON.stringify(compValue)}.`);
  if ((STRING_TYPES.has(type) || type === "dateTime") && typeof compValue !== "string") throw invalid(`'${name}' is a ${type}: compare it with a string, not ${JSON.stringify(compValue)}.`);
  if (ORDERING_OPS.has(op) && (type === "boolean" || type === "binary")) throw invalid(`'${op}' cannot compare '${name}', a ${type} attribute (RFC 7644 §3.4.2.2).`);
  if (SUBSTRING_OPS.has(op) && !STRING_TYPES.has(type)) throw invalid(`'${op}' compares strings; '${name}' is a ${type} attribute.`);

  const caseExact = leaf.config.caseExact === true;
  let normalise: (v: unknown) => unknown = (v) => v;
  if (STRING_TYPES.has(type) && !caseExact) normalise = (v) => (typeof v === "string" ? v.toLowerCase() : v);
  if (type === "dateTime") {
    if (!Number.isFinite(Date.parse(compValue as string))) throw invalid(`'${compValue}' is not a dateTime (RFC 7643 §2.3.5) for '${name}'.`);
    normalise = (v) => (typeof v === "string" ? Date.parse(v) : v);
  }
  const expected = normalise(compValue);

  if (op === "ne") {
    // Any value differs (RFC 7644 §3.4.2.2 on multi-valued attributes); an unassigned one is null, which differs.
    return {
      test: (data) => {
        const all = values(data);
        return all.length === 0 || all.some((v) => normalise(v) !== expected);
      },
    };
  }
  const test = comparator(op, expected);
  return { test: (data) => values(data).some((v) => test(normalise(v))), keys: indexKey(op, target, ctx, expected) };
}

function comparator(op: string, expected: unknown): (actual: unknown) => boolean {
  switch (op) {
    case "eq":
      return (a) => a === expected;
    case "co":
      return (a) => typeof a === "string" && a.includes(expected as string);
    case "sw":
      return (a) => typeof a === "string" && a.startsWith(expected as string);
    case "ew":
      return (a) => typeof a === "string" && a.endsWith(expected as string);
    case "gt":
      return (a) => typeof a === typeof expected && (a as number) > (expected as number);
    case "ge":
      return (a) => typeof a === typeof expected && (a as number) >= (expected as number);
    case "lt":
      return (a) => typeof a === typeof expected && (a as number) < (expected as number);
    case "le":
      return (a) => typeof a === typeof expected && (a as number) <= (expected as number);
    default:
      throw invalid(`Unknown operator '${op}'.`);
  }
}

const INDEXED = new Set(["id", "userName", "externalId", "displayName"]);

function indexKey(op: string, target: Target, ctx: Context, expected: unknown): IndexKey[] | undefined {
  if (op !== "eq" || ctx.element || target.container || target.sub || typeof expected !== "string") return undefined;
  const name = target.attribute.name;
  if (!INDEXED.has(name) || (name === "displayName" && ctx.type.name !== "Group") || (name === "userName" && ctx.type.name !== "User")) return undefined;
  return [{ attribute: name, value: expected }];
}
