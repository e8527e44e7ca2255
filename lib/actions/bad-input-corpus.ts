/**
 * Hostile values and shapes every server action and every dynamic route must refuse (issue 8, "Bad-input
 * corpus"). Plain data, no imports: shared by `bad-input-corpus.test.ts` (server actions, in-process) and
 * `e2e/bad-input.spec.ts` (console routes over HTTP). Every string here is refused by both id schemas in
 * `lib/validation/ids.ts` (GUID; opaque id `^[A-Za-z0-9][A-Za-z0-9._-]*$`, no `..`, bounded): the tests
 * check that, so a value that would be a legitimate id cannot slip in.
 */

export interface HostileCase<T = unknown> {
  /** What the case is about, for failure messages ("path traversal: ../"). */
  readonly name: string;
  readonly value: T;
}

/** Ids the corpus derives near-misses from: real seed ids (Zoom and Box) so a slip would hit real data. */
export const CORPUS_GUID = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d08";
export const CORPUS_JOB_ID = "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01";
export const CORPUS_TEMPLATE_ID = "zoom";

const s = (name: string, value: string): HostileCase<string> => ({ name, value });
const v = (name: string, value: unknown): HostileCase => ({ name, value });

/** Strings that are neither a GUID nor an opaque id: hostile in any id position and in a search box. */
export const HOSTILE_STRINGS: readonly HostileCase<string>[] = [
  // Path traversal and dot segments, plain and encoded.
  s("traversal: ..", ".."),
  s("traversal: .", "."),
  s("traversal: ../", "../"),
  s("traversal: ..\\", "..\\"),
  s("traversal: /..", "/.."),
  s("traversal: ./", "./"),
  s("traversal: ../../etc/passwd", "../../etc/passwd"),
  s("traversal: ..\\..\\windows\\win.ini", "..\\..\\windows\\win.ini"),
  s("traversal: ....//", "....//"),
  s("traversal: ..;/", "..;/"),
  s("traversal: %2e%2e", "%2e%2e"),
  s("traversal: %2E%2E%2F", "%2E%2E%2F"),
  s("traversal: .%2e", ".%2e"),
  s("traversal: %2e.", "%2e."),
  s("traversal: %252e%252e", "%252e%252e"),
  s("traversal: ..%2F", "..%2F"),
  s("traversal: ..%5C", "..%5C"),
  s("traversal: ..%c0%af (overlong UTF-8 slash)", "..%c0%af"),
  s("traversal: %c0%ae%c0%ae", "%c0%ae%c0%ae"),
  s("traversal: ..%u2215", "..%u2215"),
  s("traversal: jobs/../../", "jobs/../../"),
  s("traversal: synchronization/secrets", "../synchronization/secrets"),
  // Slashes, encoded slashes and other path syntax.
  s("slash: /", "/"),
  s("slash: a/b", "a/b"),
  s("slash: //evil.example", "//evil.example"),
  s("backslash: a\\b", "a\\b"),
  s("backslash: \\\\evil\\share", "\\\\evil\\share"),
  s("encoded slash: %2F", "%2F"),
  s("encoded slash: a%2Fb", "a%2Fb"),
  s("encoded slash: a%2fb", "a%2fb"),
  s("double-encoded slash: a%252Fb", "a%252Fb"),
  s("triple-encoded slash: a%25252Fb", "a%25252Fb"),
  s("encoded backslash: a%5Cb", "a%5Cb"),
  s("fullwidth solidus: a／b", "a\uFF0Fb"),
  s("division slash: a∕b", "a\u2215b"),
  s("semicolon parameter: a;b", "a;b"),
  s("matrix parameter: a;jsessionid=1", "a;jsessionid=1"),
  // Query and fragment syntax.
  s("query: ?", "?"),
  s("query: a?b", "a?b"),
  s("query: ?$top=999", "?$top=999"),
  s("query: a?$select=*", "a?$select=*"),
  s("query: &", "a&b=c"),
  s("query: =", "a=b"),
  s("encoded query: a%3Fb", "a%3Fb"),
  s("fragment: #", "#"),
  s("fragment: a#b", "a#b"),
  s("encoded fragment: a%23b", "a%23b"),
  // Other URLs and schemes.
  s("absolute URL", "http://evil.example/"),
  s("Graph URL", "https://graph.microsoft.com/v1.0/me"),
  s("userinfo: @evil.example", "@evil.example"),
  s("javascript: URL", "javascript:alert(1)"),
  s("data: URL", "data:text/html,<script>alert(1)</script>"),
  s("file: URL", "file:///etc/passwd"),
  // Percent-encoding, valid and broken.
  s("percent sign", "%"),
  s("broken percent: %zz", "%zz"),
  s("truncated UTF-8: %E0%A4%A", "%E0%A4%A"),
  s("encoded NUL: %00", "%00"),
  s("encoded CRLF: %0d%0a", "%0d%0a"),
  s("encoded space: %20", "%20"),
  s("encoded GUID dash: %2D", `${CORPUS_GUID.replace(/-/g, "%2D")}`),
  // NUL, control characters, line breaks.
  s("NUL", "\u0000"),
  s("NUL inside", "a\u0000b"),
  s("NUL extension", "zoom\u0000.json"),
  s("SOH", "\u0001"),
  s("BEL", "\u0007"),
  s("backspace", "a\bb"),
  s("tab", "a\tb"),
  s("line feed", "a\nb"),
  s("carriage return", "a\rb"),
  s("CRLF", "\r\n"),
  s("CRLF header injection", "a\r\nX-Injected: 1"),
  s("CRLF Set-Cookie injection", "a\r\nSet-Cookie: session=evil"),
  s("CRLF response splitting", "a\r\n\r\nHTTP/1.1 200 OK"),
  s("ANSI escape", "\u001b[31mred"),
  s("DEL", "a\u007fb"),
  s("NEL", "a\u0085b"),
  s("line separator", "a\u2028b"),
  s("paragraph separator", "a\u2029b"),
  s("byte order mark", "\uFEFFzoom"),
  s("lone high surrogate", "a\uD800b"),
  s("lone low surrogate", "a\uDFFFb"),
  s("non-character U+FFFF", "a\uFFFFb"),
  // Overlong.
  s("201 characters", "x".repeat(201)),
  s("10k characters", "x".repeat(10_000)),
  s("1M characters", "y".repeat(1_000_000)),
  s("10k dot segments", "../".repeat(3_400)),
  s("10k percent-encodings", "%2F".repeat(3_400)),
  // Whitespace only, and leading/trailing whitespace.
  s("empty", ""),
  s("space", " "),
  s("three spaces", "   "),
  s("tabs", "\t\t"),
  s("no-break space", "\u00A0"),
  s("ideographic space", "\u3000"),
  s("leading space", " zoom"),
  s("trailing space", "zoom "),
  s("spaces around", " zoom "),
  s("trailing line feed", "zoom\n"),
  s("trailing no-break space", "zoom\u00A0"),
  s("inner space", "a b"),
  s("plus as space", "a+b"),
  // Unicode look-alikes, invisible and bidirectional characters.
  s("Cyrillic look-alikes: Вох", "\u0412\u043E\u0445"),
  s("Cyrillic о in zoom", "z\u043Eom"),
  s("Greek omicron in zoom", "z\u03BFom"),
  s("fullwidth letters: ｚｏｏｍ", "\uFF5A\uFF4F\uFF4F\uFF4D"),
  s("fullwidth job id", "\uFF22\uFF4F\uFF58\uFF2F\uFF55\uFF54\uFF24\uFF45\uFF4C\uFF54\uFF41"),
  s("mathematical bold zoom", "\u{1D433}\u{1D428}\u{1D428}\u{1D426}"),
  s("zero-width space", "\u200Bzoom"),
  s("zero-width non-joiner", "zo\u200Com"),
  s("zero-width joiner", "zoom\u200D"),
  s("word joiner", "zo\u2060om"),
  s("soft hyphen", "zo\u00ADom"),
  s("right-to-left override", "\u202Emoozz"),
  s("left-to-right override", "\u202Dzoom"),
  s("right-to-left isolate", "zoom\u2067x\u2069"),
  s("combining acute", "zoe\u0301"),
  s("Kelvin sign", "\u212Aelvin"),
  s("Turkish dotless i", "sl\u0131ck"),
  s("ligature fi", "\uFB01le"),
  s("Devanagari digits", "\u0967\u0968\u0969"),
  // HTML, script and template injection.
  s("img onerror", "<img src=x onerror=alert(1)>"),
  s("attribute breakout script", '"><script>alert(1)</script>'),
  s("script tag", "<script>alert(document.cookie)</script>"),
  s("svg onload", "'><svg onload=alert(1)>"),
  s("iframe srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\">"),
  s("HTML comment", "<!--"),
  s("CDATA end", "]]>"),
  s("HTML entity", "&lt;script&gt;"),
  s("numeric entity", "&#x3C;script&#x3E;"),
  s("mustache template", "{{7*7}}"),
  s("template literal", "${7*7}"),
  s("server-side include", '<!--#exec cmd="id"-->'),
  // SQL, OData, LDAP, shell, format strings.
  s("SQL tautology", "' OR '1'='1"),
  s("SQL drop", "1; DROP TABLE jobs;--"),
  s("SQL comment", "admin'--"),
  s("SQL union", "1 UNION SELECT * FROM secrets"),
  s("SQL double-quote tautology", '" OR ""="'),
  s("SQL wildcard", "%' --"),
  s("OData filter injection", "x' or 1 eq 1"),
  s("OData key syntax", "(appId='00000003-0000-0000-c000-000000000000')"),
  s("OData $batch", "$batch"),
  s("OData $metadata", "$metadata"),
  s("OData $count", "$count"),
  s("OData action path", "x/start"),
  s("LDAP injection", "*)(uid=*))(|(uid=*"),
  s("shell substitution", "$(id)"),
  s("shell backticks", "`id`"),
  s("shell pipe", "| cat /etc/passwd"),
  s("shell sequence", "; ls -la"),
  s("format string", "%s%s%s%n"),
  s("format index", "{0}"),
  // JSON and prototype payloads as strings.
  s("JSON object", '{"id":1}'),
  s("JSON array", '["zoom"]'),
  s("JSON empty object", "{}"),
  s("JSON empty array", "[]"),
  s("JSON string", '"zoom"'),
  s("JSON __proto__", '{"__proto__":{"polluted":true}}'),
  s("JSON constructor", '{"constructor":{"prototype":{"polluted":true}}}'),
  s("__proto__", "__proto__"),
  s("__proto__ path", "__proto__.polluted"),
  s("__defineGetter__", "__defineGetter__"),
  // Emoji.
  s("emoji", "\u{1F642}"),
  s("emoji suffix", "zoom\u{1F642}"),
  s("emoji ZWJ sequence", "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}"),
  s("flag with variation selector", "\u{1F3F3}\uFE0F\u200D\u{1F308}"),
  s("key emoji", "\u{1F511}"),
  // Leading characters the opaque-id pattern refuses.
  s("leading dot", ".hidden"),
  s("leading dash", "-zoom"),
  s("leading underscore", "_zoom"),
  s("double dot inside", "a..b"),
  s("wildcard", "*"),
  s("tilde home", "~root"),
  s("quote", "'"),
  s("double quote", '"'),
  s("angle brackets", "<>"),
  s("braces", "{zoom}"),
  s("pipe", "a|b"),
  s("colon", "a:b"),
  s("comma", "a,b"),
];

/** Near-miss GUIDs: look like a service principal id but are not one. Hostile wherever a GUID goes. */
export const HOSTILE_GUIDS: readonly HostileCase<string>[] = [
  s("GUID one short", CORPUS_GUID.slice(0, -1)),
  s("GUID one long", `${CORPUS_GUID}0`),
  s("GUID without dashes", CORPUS_GUID.replace(/-/g, "")),
  s("GUID in braces", `{${CORPUS_GUID}}`),
  s("GUID in parentheses", `(${CORPUS_GUID})`),
  s("GUID as URN", `urn:uuid:${CORPUS_GUID}`),
  s("GUID with dot segments after", `${CORPUS_GUID}/../x`),
  s("GUID with dot segments before", `../${CORPUS_GUID}`),
  s("GUID with an encoded slash", `${CORPUS_GUID}%2F..`),
  s("GUID with a double-encoded slash", `${CORPUS_GUID}%252Fjobs`),
  s("GUID with a path", `${CORPUS_GUID}/synchronization/jobs`),
  s("GUID with a query", `${CORPUS_GUID}?$top=1`),
  s("GUID with a fragment", `${CORPUS_GUID}#x`),
  s("GUID with a NUL", `${CORPUS_GUID}\u0000`),
  s("GUID with a line feed", `${CORPUS_GUID}\n`),
  s("GUID, line feed, GUID", `${CORPUS_GUID}\n${CORPUS_GUID}`),
  s("GUID with leading space", ` ${CORPUS_GUID}`),
  s("GUID with trailing space", `${CORPUS_GUID} `),
  s("GUID with a tab", `${CORPUS_GUID}\t`),
  s("two GUIDs", `${CORPUS_GUID},${CORPUS_GUID}`),
  s("GUID as appId key", `(appId='${CORPUS_GUID}')`),
  s("GUID with a non-hex letter", CORPUS_GUID.replace(/08$/, "0g")),
  s("GUID with Cyrillic с for c", CORPUS_GUID.replace(/c/g, "\u0441")),
  s("GUID with Cyrillic е for e", CORPUS_GUID.replace(/e/g, "\u0435")),
  s("GUID with fullwidth digits", CORPUS_GUID.replace(/3/g, "\uFF13")),
  s("GUID with Arabic-Indic digit", CORPUS_GUID.replace(/^3/, "\u0663")),
  s("GUID with mathematical digits", CORPUS_GUID.replace(/0/g, "\u{1D7CE}")),
  s("GUID with en dashes", CORPUS_GUID.replace(/-/g, "\u2013")),
  s("GUID with minus signs", CORPUS_GUID.replace(/-/g, "\u2212")),
  s("GUID with Unicode hyphens", CORPUS_GUID.replace(/-/g, "\u2010")),
  s("GUID with non-breaking hyphens", CORPUS_GUID.replace(/-/g, "\u2011")),
  s("GUID with soft hyphens", CORPUS_GUID.replace(/-/g, "\u00AD")),
  s("GUID with a zero-width joiner", `${CORPUS_GUID.slice(0, 8)}\u200D${CORPUS_GUID.slice(8)}`),
  s("GUID with a zero-width space", `\u200B${CORPUS_GUID}`),
  s("GUID with right-to-left override", `\u202E${CORPUS_GUID}`),
  s("GUID with a byte order mark", `\uFEFF${CORPUS_GUID}`),
  s("GUID with a combining mark", `${CORPUS_GUID}\u0301`),
  s("GUID with underscores", CORPUS_GUID.replace(/-/g, "_")),
  s("GUID with dots", CORPUS_GUID.replace(/-/g, ".")),
  s("GUID with a JSON wrapper", JSON.stringify({ id: CORPUS_GUID })),
  s("GUID in an array string", JSON.stringify([CORPUS_GUID])),
  s("GUID HTML-wrapped", `<b>${CORPUS_GUID}</b>`),
  s("GUID plus SQL", `${CORPUS_GUID}' OR '1'='1`),
  s("GUID with OData filter", `${CORPUS_GUID}?$filter=displayName eq 'x'`),
  s("GUID with a percent-encoded NUL", `${CORPUS_GUID}%00`),
  s("GUID with a trailing emoji", `${CORPUS_GUID}\u{1F642}`),
  s("GUID 10k times", CORPUS_GUID.repeat(280)),
  s("a template id where a GUID goes", CORPUS_TEMPLATE_ID),
  s("a job id where a GUID goes", CORPUS_JOB_ID),
  s("a number string", "12345"),
  s("null as a string", "null"),
  s("undefined as a string", "undefined"),
  s("true as a string", "true"),
  s("NaN as a string", "NaN"),
  s("constructor as a string", "constructor"),
  s("prototype as a string", "prototype"),
  s("toString as a string", "toString"),
  s("hasOwnProperty as a string", "hasOwnProperty"),
];

/** Near-miss opaque ids (job and template ids). Hostile wherever a job or template id goes. */
export const HOSTILE_OPAQUE_IDS: readonly HostileCase<string>[] = [
  s("job id with dot segments", `${CORPUS_JOB_ID}/..`),
  s("job id as a path", `${CORPUS_JOB_ID}/start`),
  s("job id with encoded action", `${CORPUS_JOB_ID}%2Fstart`),
  s("job id with a double-encoded action", `${CORPUS_JOB_ID}%252Fstart`),
  s("job id with a query", `${CORPUS_JOB_ID}?$select=id`),
  s("job id with a fragment", `${CORPUS_JOB_ID}#top`),
  s("job id with a NUL", `${CORPUS_JOB_ID}\u0000`),
  s("job id with CRLF", `${CORPUS_JOB_ID}\r\n`),
  s("job id with a leading space", ` ${CORPUS_JOB_ID}`),
  s("job id with a trailing tab", `${CORPUS_JOB_ID}\t`),
  s("job id with Cyrillic В", CORPUS_JOB_ID.replace("B", "\u0412")),
  s("job id with fullwidth digits", CORPUS_JOB_ID.replace(/7/g, "\uFF17")),
  s("job id with a zero-width joiner", CORPUS_JOB_ID.replace(".", ".\u200D")),
  s("job id with right-to-left override", `\u202E${CORPUS_JOB_ID}`),
  s("job id with double dots", CORPUS_JOB_ID.replace(".", "..")),
  s("job id with a trailing double dot", `${CORPUS_JOB_ID}..`),
  s("job id with a leading dot", `.${CORPUS_JOB_ID}`),
  s("job id in JSON", JSON.stringify({ jobId: CORPUS_JOB_ID })),
  s("job id in HTML", `<img src=x onerror=alert(1)>${CORPUS_JOB_ID}`),
  s("job id with a space inside", CORPUS_JOB_ID.replace(".", ". ")),
  s("job id 201 characters", `${CORPUS_JOB_ID}.${"a".repeat(200 - CORPUS_JOB_ID.length)}`),
  s("job id with a colon", `${CORPUS_JOB_ID}:start`),
  s("job id with an at sign", `${CORPUS_JOB_ID}@evil.example`),
  s("job id with a plus", `${CORPUS_JOB_ID}+1`),
  s("job id with a tilde", `${CORPUS_JOB_ID}~1`),
];

/** Values of the wrong type in an id (or token) position. Each survives React's server-action encoding. */
export const WRONG_TYPES: readonly HostileCase[] = [
  v("undefined", undefined),
  v("null", null),
  v("true", true),
  v("false", false),
  v("zero", 0),
  v("negative zero", -0),
  v("number", 42),
  v("negative number", -1),
  v("fraction", 3.14),
  v("NaN", Number.NaN),
  v("Infinity", Number.POSITIVE_INFINITY),
  v("-Infinity", Number.NEGATIVE_INFINITY),
  v("huge number", 1e308),
  v("bigint", BigInt("12345678901234567890")),
  v("empty array", []),
  v("array with the valid value", [CORPUS_GUID]),
  v("nested arrays", [[[]]]),
  v("empty object", {}),
  v("object wrapping the value", { id: CORPUS_GUID }),
  v("object with toString", { toString: () => CORPUS_GUID }),
  v("object with valueOf", { valueOf: () => CORPUS_GUID }),
  v("__proto__ payload object", JSON.parse('{"__proto__":{"polluted":true}}')),
  v("constructor payload object", { constructor: { prototype: { polluted: true } } }),
  v("date", new Date(0)),
  v("map", new Map([["id", CORPUS_GUID]])),
  v("set", new Set([CORPUS_GUID])),
  v("typed array", new Uint8Array([51, 99, 54])),
  v("String object", Object(CORPUS_GUID)),
  v("registered symbol", Symbol.for(CORPUS_GUID)),
];

/** Tokens the actions refuse before anything reaches Graph. */
export const HOSTILE_TOKENS: readonly HostileCase[] = [
  v("missing", undefined),
  v("null", null),
  v("empty", ""),
  v("whitespace", " "),
  v("Bearer prefix", "Bearer abc.def.ghi"),
  v("CRLF header injection", "abc\r\nX-Evil: 1"),
  v("NUL", "abc\u0000def"),
  v("non-ASCII", "t\u00F6k\u00E9n"),
  v("emoji", "abc\u{1F511}"),
  v("one megabyte", "t".repeat(1_000_000)),
  v("number", 42),
  v("object", { access_token: "abc" }),
  v("array", ["abc"]),
  v("boolean", true),
];

/**
 * Hostile shapes of an action's input object, built around a valid input: wrong containers, missing and
 * extra keys, look-alike keys, prototype-pollution payloads. None of them is a valid input.
 */
export function hostileShapes(valid: Readonly<Record<string, unknown>>): HostileCase[] {
  const keys = Object.keys(valid);
  const json = JSON.stringify(valid);
  const shapes: HostileCase[] = [
    v("shape: null", null),
    v("shape: undefined", undefined),
    v("shape: a string", json),
    v("shape: a number", 1),
    v("shape: a boolean", true),
    v("shape: an array of the values", Object.values(valid)),
    v("shape: the valid input in an array", [valid]),
    v("shape: a map of the valid input", new Map(Object.entries(valid))),
    v("shape: an empty object", {}),
    v("shape: an extra baseUrl", { ...valid, baseUrl: "http://evil.example" }),
    v("shape: an extra token", { ...valid, token: "abc" }),
    v("shape: an own __proto__ key", JSON.parse(`${json.slice(0, -1)},"__proto__":{"polluted":true}}`)),
    v("shape: an own constructor key", JSON.parse(`${json.slice(0, -1)},"constructor":{"prototype":{"polluted":true}}}`)),
    v("shape: a prototype key", { ...valid, prototype: { polluted: true } }),
    v("shape: a 500-character key", { ...valid, ["k".repeat(500)]: 1 }),
    v("shape: an HTML key", { ...valid, "<img src=x onerror=alert(1)>": 1 }),
    v("shape: 1,000 extra keys", { ...valid, ...Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i])) }),
  ];
  for (const key of keys) {
    const { [key]: _dropped, ...rest } = valid;
    shapes.push(v(`shape: without ${key}`, rest));
    shapes.push(v(`shape: ${key} with a trailing space`, { ...rest, [`${key} `]: valid[key] }));
    shapes.push(v(`shape: ${key} in another case`, { ...rest, [key.toUpperCase()]: valid[key] }));
    shapes.push(v(`shape: ${key} with a zero-width space`, { ...rest, [`${key}\u200B`]: valid[key] }));
  }
  return shapes;
}

/** Every hostile string in an SP-id position (GUID expected). */
export const HOSTILE_SP_IDS: readonly HostileCase<string>[] = [...HOSTILE_STRINGS, ...HOSTILE_GUIDS];
/** Every hostile string in a job-id or template-id position (opaque id expected). */
export const HOSTILE_OPAQUE: readonly HostileCase<string>[] = [...HOSTILE_STRINGS, ...HOSTILE_OPAQUE_IDS];

/** A key that tells values apart (`-0` from `0`, `"1"` from `1`, objects by their content). */
export function corpusKey(value: unknown): string {
  if (typeof value === "string") return `string:${value}`;
  if (typeof value === "bigint") return `bigint:${value}`;
  if (typeof value === "symbol") return `symbol:${String(value.description)}`;
  if (typeof value === "number") return Object.is(value, -0) ? "number:-0" : `number:${value}`;
  if (value === undefined) return "undefined";
  if (value instanceof Map) return `map:${JSON.stringify([...value])}`;
  if (value instanceof Set) return `set:${JSON.stringify([...value])}`;
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    const own = Object.getOwnPropertyNames(value).map((key) => [key, String((value as Record<string, unknown>)[key]).slice(0, 60)]);
    return `object:${proto?.constructor?.name ?? "null"}:${JSON.stringify(own)}:${proto && proto !== Object.prototype && proto !== Array.prototype ? JSON.stringify(Object.keys(proto)) : ""}`;
  }
  return `${typeof value}:${String(value)}`;
}

/** How many distinct hostile values and shapes the corpus holds (shapes counted for a create-job input). */
export function corpusSize(): number {
  const all = [
    ...HOSTILE_STRINGS,
    ...HOSTILE_GUIDS,
    ...HOSTILE_OPAQUE_IDS,
    ...WRONG_TYPES,
    ...HOSTILE_TOKENS,
    ...hostileShapes({ servicePrincipalId: CORPUS_GUID, templateId: CORPUS_TEMPLATE_ID }),
  ];
  return new Set(all.map((entry) => corpusKey(entry.value))).size;
}

/** Shortens a case name or value for a failure message. */
export function describeCase(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : corpusKey(value);
  return text.length > 80 ? `${text.slice(0, 77)}… (${text.length} chars)` : text;
}
