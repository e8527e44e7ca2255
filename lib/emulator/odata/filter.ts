import { GraphError } from "../http/errors";
import { readStringLiteral } from "./literal";

/**
 * A small OData `$filter` parser/evaluator for directory objects: eq/ne/ge/le/in, startswith/endswith,
 * and/or/not, parentheses, and `collection/any(v: …)` lambdas. Operators that Entra only allows as
 * "advanced queries" (ne, not, endswith) are reported through `usesAdvanced`.
 */
type Literal = string | number | boolean | null;
export type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode }
  | { kind: "compare"; op: "eq" | "ne" | "ge" | "le" | "gt" | "lt"; path: string; value: Literal }
  | { kind: "in"; path: string; values: Literal[] }
  | { kind: "func"; name: "startswith" | "endswith"; path: string; value: string }
  | { kind: "any"; path: string; variable: string; predicate: FilterNode };

export interface ParsedFilter {
  root: FilterNode;
  properties: Set<string>;
  usesAdvanced: string | null;
}

const unsupported = (message: string) => new GraphError(400, "Request_UnsupportedQuery", message);
const invalid = (message: string) => new GraphError(400, "BadRequest", `Invalid filter clause: ${message}`);

type Token = { type: "str" | "word" | "num" | "punct"; text: string; value?: Literal };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      const literal = readStringLiteral(input, i);
      if (!literal) throw invalid("unterminated string literal.");
      tokens.push({ type: "str", text: literal.value, value: literal.value });
      i = literal.end;
    } else if ("(),:/".includes(c)) {
      tokens.push({ type: "punct", text: c });
      i++;
    } else if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/i.test(input.slice(i))) {
      // An Edm.Guid literal (`resourceId eq 8e881353-…`, user-list-approleassignments): a word, whatever its first character.
      tokens.push({ type: "word", text: input.slice(i, i + 36) });
      i += 36;
    } else if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?/.test(input.slice(i))) {
      const text = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?/.exec(input.slice(i))![0];
      tokens.push({ type: "str", text, value: text });
      i += text.length;
    } else if (/[-0-9]/.test(c) && /^-?\d+(\.\d+)?(?![\w-])/.test(input.slice(i))) {
      const text = /^-?\d+(\.\d+)?/.exec(input.slice(i))![0];
      tokens.push({ type: "num", text, value: Number(text) });
      i += text.length;
    } else if (/[A-Za-z_$@]/.test(c)) {
      const text = /^[A-Za-z_$@][\w.@-]*/.exec(input.slice(i))![0];
      tokens.push({ type: "word", text });
      i += text.length;
    } else {
      throw invalid(`unexpected character '${c}' at position ${i}.`);
    }
  }
  return tokens;
}

export function parseFilter(input: string): ParsedFilter {
  const tokens = tokenize(input);
  let pos = 0;
  const properties = new Set<string>();
  let usesAdvanced: string | null = null;
  const variables: string[] = [];

  const peek = () => tokens[pos];
  const isWord = (text: string) => peek()?.type === "word" && peek().text.toLowerCase() === text;
  const expect = (text: string) => {
    if (peek()?.text !== text) throw invalid(`expected '${text}' at token ${pos + 1}.`);
    pos++;
  };
  const path = (): string => {
    const token = peek();
    if (token?.type !== "word") throw invalid(`expected a property at token ${pos + 1}.`);
    pos++;
    if (!variables.includes(token.text)) properties.add(token.text);
    return token.text;
  };
  const literal = (): Literal => {
    const token = peek();
    if (!token) throw invalid("expected a value.");
    pos++;
    if (token.type === "str" || token.type === "num") return token.value!;
    if (token.type === "word") {
      const lower = token.text.toLowerCase();
      if (lower === "true") return true;
      if (lower === "false") return false;
      if (lower === "null") return null;
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token.text)) return token.text;
    }
    throw invalid(`unexpected '${token.text}'.`);
  };

  const primary = (): FilterNode => {
    if (peek()?.text === "(") {
      pos++;
      const node = or();
      expect(")");
      return node;
    }
    if (isWord("startswith") || isWord("endswith")) {
      const name = peek().text.toLowerCase() as "startswith" | "endswith";
      if (name === "endswith") usesAdvanced ??= "endsWith";
      pos++;
      expect("(");
      const target = path();
      expect(",");
      const value = literal();
      expect(")");
      if (typeof value !== "string") throw invalid(`${name} needs a string.`);
      return { kind: "func", name, path: target, value };
    }
    if (peek()?.type === "word" && tokens[pos + 1]?.text === "(") {
      throw unsupported(`Unsupported query function '${peek().text}'.`);
    }
    const target = path();
    if (peek()?.text === "/") {
      pos++;
      if (!isWord("any")) throw unsupported(`Unsupported lambda operator '${peek()?.text ?? ""}'.`);
      pos++;
      expect("(");
      const variable = peek()?.text ?? "";
      pos++;
      expect(":");
      variables.push(variable);
      const predicate = or();
      variables.pop();
      expect(")");
      return { kind: "any", path: target, variable, predicate };
    }
    const opToken = peek();
    if (opToken?.type !== "word") throw invalid(`expected an operator after '${target}'.`);
    const op = opToken.text.toLowerCase();
    pos++;
    if (op === "in") {
      expect("(");
      const values = [literal()];
      while (peek()?.text === ",") {
        pos++;
        values.push(literal());
      }
      expect(")");
      return { kind: "in", path: target, values };
    }
    if (!["eq", "ne", "ge", "le", "gt", "lt"].includes(op)) throw unsupported(`Unsupported operator '${opToken.text}'.`);
    if (op === "ne") usesAdvanced ??= "ne";
    if (op === "gt" || op === "lt") throw unsupported(`Operator '${op}' is not supported.`);
    return { kind: "compare", op: op as "eq", path: target, value: literal() };
  };
  const unary = (): FilterNode => {
    if (isWord("not")) {
      pos++;
      usesAdvanced ??= "not";
      return { kind: "not", operand: unary() };
    }
    return primary();
  };
  const and = (): FilterNode => {
    let node = unary();
    while (isWord("and")) {
      pos++;
      node = { kind: "and", left: node, right: unary() };
    }
    return node;
  };
  const or = (): FilterNode => {
    let node = and();
    while (isWord("or")) {
      pos++;
      node = { kind: "or", left: node, right: and() };
    }
    return node;
  };

  if (tokens.length === 0) throw invalid("empty filter.");
  const root = or();
  if (pos !== tokens.length) throw invalid(`unexpected '${tokens[pos].text}'.`);
  return { root, properties, usesAdvanced };
}

const norm = (value: unknown) => (typeof value === "string" ? value.toLowerCase() : value);

function compare(actual: unknown, op: string, expected: Literal): boolean {
  const a = norm(actual);
  const b = norm(expected);
  switch (op) {
    case "eq":
      return a === b || (a === undefined && b === null);
    case "ne":
      return !(a === b || (a === undefined && b === null));
    case "ge":
      return a !== null && b !== null && (a as string) >= (b as string);
    case "le":
      return a !== null && b !== null && (a as string) <= (b as string);
    default:
      return false;
  }
}

/** Evaluates against an object; `resolve` maps a filter property name to the object's value. */
export function evaluateFilter(node: FilterNode, resolve: (path: string) => unknown, scope: Record<string, unknown> = {}): boolean {
  const value = (path: string) => (Object.hasOwn(scope, path) ? scope[path] : resolve(path));
  switch (node.kind) {
    case "and":
      return evaluateFilter(node.left, resolve, scope) && evaluateFilter(node.right, resolve, scope);
    case "or":
      return evaluateFilter(node.left, resolve, scope) || evaluateFilter(node.right, resolve, scope);
    case "not":
      return !evaluateFilter(node.operand, resolve, scope);
    case "compare":
      return compare(value(node.path), node.op, node.value);
    case "in":
      return node.values.some((candidate) => compare(value(node.path), "eq", candidate));
    case "func": {
      const actual = value(node.path);
      if (typeof actual !== "string") return false;
      const [a, b] = [actual.toLowerCase(), node.value.toLowerCase()];
      return node.name === "startswith" ? a.startsWith(b) : a.endsWith(b);
    }
    case "any": {
      const collection = value(node.path);
      if (!Array.isArray(collection)) return false;
      return collection.some((item) => evaluateFilter(node.predicate, resolve, { ...scope, [node.variable]: item }));
    }
  }
}
