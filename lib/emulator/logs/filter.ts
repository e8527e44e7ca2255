import { GraphError } from "../http/errors";
import { readStringLiteral } from "../odata/literal";

/**
 * `$filter` for the log collections: exactly the attribute/operator pairs a resource documents (see
 * `provisioningFilterSchema` / `auditFilterSchema`), combined with `and`, `or` and parentheses. Anything
 * else is refused: a property or operator the page does not list → 400 Request_UnsupportedQuery; a syntax
 * error → 400 BadRequest "Invalid filter clause: …" (the form Graph answers on directoryAudits).
 */
export type Operator = "eq" | "gt" | "lt" | "ge" | "le" | "contains" | "startswith";
export type FieldType = "string" | "int" | "datetime";
type Value = string | number | null;

export interface FieldSpec<T> {
  type: FieldType;
  operators: readonly Operator[];
  /** Case-insensitive string matching (provisioning: status only). */
  ignoreCase?: boolean;
  get: (entry: T) => Value;
}

export interface LambdaSpec<T> {
  items: (entry: T) => readonly Record<string, unknown>[];
  /** Lower-case member name → operators and the member's property name. */
  members: Record<string, { property: string; operators: readonly Operator[] }>;
}

export interface FilterSchema<T> {
  resource: string;
  /** Lower-case path (e.g. `sourceidentity/id`) → field. */
  fields: Record<string, FieldSpec<T>>;
  /** Lower-case collection name (e.g. `targetresources`) → its `any` lambda. */
  lambdas?: Record<string, LambdaSpec<T>>;
  ignoreCaseEverywhere?: boolean;
}

export interface CompiledFilter<T> {
  test: (entry: T) => boolean;
  /** `field eq 'value'` terms that every match must satisfy (the and-chain at the root), by lower-case path. */
  required: Map<string, string>;
}

const invalid = (detail: string) => new GraphError(400, "BadRequest", `Invalid filter clause: ${detail}`);
const unsupported = (message: string) => new GraphError(400, "Request_UnsupportedQuery", message);

type Token = { kind: "str" | "num" | "date" | "word" | "punct"; text: string; at: number };
const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?)?/;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    const rest = input.slice(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      const literal = readStringLiteral(input, i);
      if (!literal) throw invalid(`unterminated string literal at position ${i}.`);
      tokens.push({ kind: "str", text: literal.value, at: i });
      i = literal.end;
    } else if ("(),:/".includes(c)) {
      tokens.push({ kind: "punct", text: c, at: i++ });
    } else if (DATE.test(rest)) {
      const text = DATE.exec(rest)![0];
      tokens.push({ kind: "date", text, at: i });
      i += text.length;
    } else if (/^-?\d+(?![\w.-])/.test(rest)) {
      const text = /^-?\d+/.exec(rest)![0];
      tokens.push({ kind: "num", text, at: i });
      i += text.length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const text = /^[A-Za-z_$][\w$]*/.exec(rest)![0];
      tokens.push({ kind: "word", text, at: i });
      i += text.length;
    } else {
      throw invalid(`syntax error at position ${i} in '${input}'.`);
    }
  }
  return tokens;
}

const COMPARISONS = new Set(["eq", "ne", "gt", "ge", "lt", "le", "has", "in"]);
const FUNCTIONS = new Set(["contains", "startswith", "endswith", "substringof", "indexof", "tolower", "toupper", "length", "trim"]);

function parseDate(text: string): number {
  const ms = Date.parse(/T/.test(text) && !/(Z|[+-]\d{2}:\d{2})$/.test(text) ? `${text}Z` : text);
  if (!Number.isFinite(ms)) throw invalid(`'${text}' is not a valid DateTimeOffset.`);
  return ms;
}

export function compileFilter<T>(input: string, schema: FilterSchema<T>): CompiledFilter<T> {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = (offset = 0) => tokens[pos + offset];
  const isWord = (text: string) => peek()?.kind === "word" && peek().text.toLowerCase() === text;
  const where = () => (peek() ? `position ${peek().at}` : "the end of the expression");
  const expect = (text: string) => {
    if (peek()?.text !== text) throw invalid(`'${text}' was expected at ${where()}.`);
    pos++;
  };
  const identifier = (): string => {
    const token = peek();
    if (token?.kind !== "word") throw invalid(`an identifier was expected at ${where()}.`);
    pos++;
    return token.text;
  };
  /** `a/b/c` (stops before `/any`). */
  const path = (): string => {
    const parts = [identifier()];
    while (peek()?.text === "/" && peek(1)?.kind === "word" && !(peek(1).text.toLowerCase() === "any" && peek(2)?.text === "(")) {
      pos++;
      parts.push(identifier());
    }
    return parts.join("/");
  };
  const unknownProperty = (property: string) =>
    unsupported(`Unsupported or invalid query filter clause specified for property '${property}' of resource '${schema.resource}'.`);
  const unsupportedOperator = (operator: string, property: string) =>
    unsupported(`Unsupported operator '${operator}' for property '${property}' of resource '${schema.resource}'.`);

  const literal = (type: FieldType, property: string): Value => {
    const token = peek();
    if (!token) throw invalid(`a value was expected at ${where()}.`);
    pos++;
    if (token.kind === "word" && token.text.toLowerCase() === "null") return null;
    if (type === "string" && token.kind === "str") return token.text;
    if (type === "int" && token.kind === "num") return Number(token.text);
    if (type === "datetime" && token.kind === "date") return parseDate(token.text);
    throw invalid(`the value at position ${token.at} is not a valid ${type === "string" ? "String" : type === "int" ? "Int32" : "DateTimeOffset"} for '${property}'.`);
  };

  const norm = (value: Value, ignoreCase: boolean): Value => (ignoreCase && typeof value === "string" ? value.toLowerCase() : value);
  const compare = (operator: Operator, actual: Value, expected: Value, ignoreCase: boolean): boolean => {
    const a = norm(actual, ignoreCase);
    const b = norm(expected, ignoreCase);
    switch (operator) {
      case "eq":
        return a === b || (a === undefined && b === null);
      case "contains":
        return typeof a === "string" && typeof b === "string" && a.includes(b);
      case "startswith":
        return typeof a === "string" && typeof b === "string" && a.startsWith(b);
      default:
        if (a === null || b === null || a === undefined) return false;
        if (operator === "gt") return a > b;
        if (operator === "lt") return a < b;
        if (operator === "ge") return a >= b;
        return a <= b;
    }
  };

  type Node = { test: (entry: T) => boolean; eqs: [string, string][] };
  const field = (property: string): [string, FieldSpec<T>] => {
    const key = property.toLowerCase();
    const spec = schema.fields[key];
    if (!spec) throw unknownProperty(property);
    return [key, spec];
  };

  const lambda = (collection: string): Node => {
    const spec = schema.lambdas?.[collection.toLowerCase()];
    if (!spec) throw unknownProperty(collection);
    pos++; // '/'
    pos++; // 'any'
    expect("(");
    const variable = identifier();
    expect(":");
    const member = (): { property: string; operators: readonly Operator[]; shown: string } => {
      const owner = identifier();
      if (owner !== variable) throw invalid(`'${owner}' is not the lambda variable '${variable}'.`);
      expect("/");
      const name = identifier();
      const found = spec.members[name.toLowerCase()];
      if (!found) throw unknownProperty(`${collection}/${name}`);
      return { ...found, shown: `${collection}/${name}` };
    };
    let predicate: (item: Record<string, unknown>) => boolean;
    const ignoreCase = schema.ignoreCaseEverywhere === true;
    if (peek()?.kind === "word" && peek(1)?.text === "(") {
      const name = identifier().toLowerCase();
      if (name !== "startswith") throw unsupportedOperator(name, collection);
      expect("(");
      const m = member();
      if (!m.operators.includes("startswith")) throw unsupportedOperator("startswith", m.shown);
      expect(",");
      const value = literal("string", m.shown);
      expect(")");
      predicate = (item) => compare("startswith", (item[m.property] ?? null) as Value, value, ignoreCase);
    } else {
      const m = member();
      const operator = identifier().toLowerCase();
      if (operator !== "eq" || !m.operators.includes("eq")) throw unsupportedOperator(operator, m.shown);
      const value = literal("string", m.shown);
      predicate = (item) => compare("eq", (item[m.property] ?? null) as Value, value, ignoreCase);
    }
    expect(")");
    return { test: (entry) => spec.items(entry).some(predicate), eqs: [] };
  };

  const primary = (): Node => {
    if (peek()?.text === "(") {
      pos++;
      const node = or();
      expect(")");
      return node;
    }
    if (isWord("not")) throw unsupportedOperator("not", schema.resource);
    if (peek()?.kind === "word" && peek(1)?.text === "(") {
      const name = identifier().toLowerCase();
      if (name !== "contains" && name !== "startswith") {
        if (FUNCTIONS.has(name)) throw unsupported(`Unsupported query function '${name}' on resource '${schema.resource}'.`);
        throw invalid(`unknown function '${name}'.`);
      }
      expect("(");
      const property = path();
      const [, spec] = field(property);
      if (!spec.operators.includes(name)) throw unsupportedOperator(name, property);
      expect(",");
      const value = literal(spec.type, property);
      expect(")");
      const ignoreCase = spec.ignoreCase === true || schema.ignoreCaseEverywhere === true;
      return { test: (entry) => compare(name, spec.get(entry), value, ignoreCase), eqs: [] };
    }
    const property = path();
    if (peek()?.text === "/" && peek(1)?.text.toLowerCase() === "any") return lambda(property);
    const [key, spec] = field(property);
    const token = peek();
    if (token?.kind !== "word" || !COMPARISONS.has(token.text.toLowerCase())) throw invalid(`an operator was expected after '${property}' at ${where()}.`);
    const operator = token.text.toLowerCase();
    pos++;
    if (!(spec.operators as readonly string[]).includes(operator)) throw unsupportedOperator(operator, property);
    const value = literal(spec.type, property);
    const ignoreCase = spec.ignoreCase === true || schema.ignoreCaseEverywhere === true;
    const op = operator as Operator;
    return {
      test: (entry) => compare(op, spec.get(entry), value, ignoreCase),
      eqs: op === "eq" && typeof value === "string" && !ignoreCase ? [[key, value]] : [],
    };
  };

  const and = (): Node => {
    const parts = [primary()];
    while (isWord("and")) {
      pos++;
      parts.push(primary());
    }
    if (parts.length === 1) return parts[0];
    return { test: (entry) => parts.every((part) => part.test(entry)), eqs: parts.flatMap((part) => part.eqs) };
  };
  const or = (): Node => {
    const parts = [and()];
    while (isWord("or")) {
      pos++;
      parts.push(and());
    }
    if (parts.length === 1) return parts[0];
    return { test: (entry) => parts.some((part) => part.test(entry)), eqs: [] };
  };

  if (tokens.length === 0) throw invalid("the filter is empty.");
  const root = or();
  if (pos !== tokens.length) throw invalid(`syntax error at position ${peek().at} in '${input}'.`);
  return { test: root.test, required: new Map(root.eqs) };
}
