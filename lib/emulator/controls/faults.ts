import { badRequest } from "../http/errors";

/**
 * Fault injection for Graph routes: by method and path pattern, answer 429/500/503 (with Retry-After),
 * add latency, or reset the connection; for the next `count` matches and/or with a probability.
 * Patterns are globs, matched case-insensitively against the path with and without the version prefix
 * (`/beta/servicePrincipals`, `/servicePrincipals`): see `compilePattern`. Regexes are not accepted: a
 * pattern is matched on every Graph request, and a user regex there could backtrack for minutes (ReDoS).
 */
export interface FaultSpec {
  method?: string;
  path?: string;
  status?: 429 | 500 | 503;
  retryAfter?: number;
  latencyMs?: number;
  reset?: boolean;
  /** Process the request, then reset the connection instead of answering: Graph did the work, the answer is lost. */
  resetAfter?: boolean;
  count?: number;
  probability?: number;
  seed?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  matched: number;
  applied: number;
}

export const MAX_PATTERN_LENGTH = 256;
/** URL path characters (RFC 3986 pchar, percent escapes included), `/` and the wildcard `*`. */
const PATTERN_CHARACTERS = /^[A-Za-z0-9\-._~!$&'()+,;=:@%*/]*$/;
const GLOBSTAR = "**";

export const PATTERN_RULES =
  `'path' must be a glob of at most ${MAX_PATTERN_LENGTH} characters starting with '/' or '**/': ` +
  "'/'-separated segments of URL path characters, '*' for any characters within a segment, '**' alone as a segment " +
  "for any number of segments (e.g. '/servicePrincipals/*/synchronization/jobs', '**/validateCredentials'). Regular expressions are not accepted.";

/**
 * Wildcard matching without backtracking blow-up: the classic greedy scan that remembers only the last star,
 * O(pattern × text) at worst. `isStar(i)` marks star tokens; `unit(i, j)` tells whether token i matches item j.
 */
function wildcardMatch(patternLength: number, textLength: number, isStar: (i: number) => boolean, unit: (i: number, j: number) => boolean): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < textLength) {
    if (p < patternLength && isStar(p)) {
      star = p++;
      resume = t;
    } else if (p < patternLength && unit(p, t)) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else return false;
  }
  while (p < patternLength && isStar(p)) p++;
  return p === patternLength;
}

const segmentMatches = (glob: string, segment: string) =>
  wildcardMatch(glob.length, segment.length, (i) => glob[i] === "*", (i, j) => glob[i] === segment[j]);

/** A path as segments: lowercased, one trailing slash ignored (`/servicePrincipals/` is `/servicePrincipals`). */
function pathSegments(path: string): string[] {
  const lower = path.toLowerCase();
  return (lower.length > 1 && lower.endsWith("/") ? lower.slice(0, -1) : lower).split("/");
}

export type PathMatcher = (path: string) => boolean;

/**
 * A fault's path pattern → a matcher. Refuses (400) anything but the glob form (`PATTERN_RULES`): regexes
 * (a leading `^`), `?`, spaces and other characters a URL path does not hold, `**` inside a segment, over-long patterns.
 */
export function compilePattern(pattern: string): PathMatcher {
  if (pattern.length > MAX_PATTERN_LENGTH || !PATTERN_CHARACTERS.test(pattern) || !(pattern.startsWith("/") || pattern === GLOBSTAR || pattern.startsWith(`${GLOBSTAR}/`)))
    throw badRequest(PATTERN_RULES);
  const globs = pathSegments(pattern);
  if (globs.some((glob) => glob.includes(GLOBSTAR) && glob !== GLOBSTAR)) throw badRequest(PATTERN_RULES);
  // Consecutive `**` are one.
  const tokens = globs.filter((glob, i) => !(glob === GLOBSTAR && globs[i - 1] === GLOBSTAR));
  return (path) => {
    const segments = pathSegments(path);
    return wildcardMatch(tokens.length, segments.length, (i) => tokens[i] === GLOBSTAR, (i, j) => segmentMatches(tokens[i], segments[j]));
  };
}

/** mulberry32: a tiny seeded PRNG so `probability` faults are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function validateFault(input: unknown): FaultSpec {
  if (input === null || typeof input !== "object" || Array.isArray(input)) throw badRequest("A fault must be a JSON object.");
  const f = input as Record<string, unknown>;
  const spec: FaultSpec = {};
  if (f.method !== undefined) {
    if (typeof f.method !== "string") throw badRequest("'method' must be a string.");
    spec.method = f.method.toUpperCase();
  }
  if (f.path !== undefined) {
    if (typeof f.path !== "string" || f.path === "") throw badRequest("'path' must be a non-empty string.");
    compilePattern(f.path);
    spec.path = f.path;
  }
  if (f.status !== undefined) {
    if (![429, 500, 503].includes(f.status as number)) throw badRequest("'status' must be 429, 500 or 503.");
    spec.status = f.status as 429;
  }
  const number = (name: string, min: number, max: number, integer = true) => {
    const value = f[name];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
      throw badRequest(`'${name}' must be a number between ${min} and ${max}.`);
    return value;
  };
  spec.retryAfter = number("retryAfter", 0, 86_400);
  spec.latencyMs = number("latencyMs", 0, 120_000);
  spec.count = number("count", 1, 1_000_000);
  spec.probability = number("probability", 0, 1, false);
  spec.seed = number("seed", 0, 2 ** 32 - 1);
  if (f.reset !== undefined) {
    if (typeof f.reset !== "boolean") throw badRequest("'reset' must be a boolean.");
    spec.reset = f.reset;
  }
  if (f.resetAfter !== undefined) {
    if (typeof f.resetAfter !== "boolean") throw badRequest("'resetAfter' must be a boolean.");
    spec.resetAfter = f.resetAfter;
  }
  if (spec.status === undefined && !spec.latencyMs && !spec.reset && !spec.resetAfter)
    throw badRequest("A fault needs 'status', 'latencyMs', 'reset' or 'resetAfter'.");
  return spec;
}

export class FaultInjector {
  private faults: (Fault & { matches: PathMatcher | null; random: () => number })[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault = { ...spec, id: String(this.nextId++), matched: 0, applied: 0 };
    this.faults.push({ ...fault, matches: spec.path ? compilePattern(spec.path) : null, random: prng(spec.seed ?? 1) });
    return fault;
  }

  list(): Fault[] {
    return this.faults.map(({ matches: _m, random: _p, ...fault }) => fault);
  }

  clear(): void {
    this.faults = [];
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length !== before;
  }

  /** The fault to apply to this request, if any (consumes one of its `count`). */
  match(method: string, paths: string[]): Fault | null {
    for (const fault of this.faults) {
      if (fault.method && fault.method !== method) continue;
      if (fault.matches && !paths.some((path) => fault.matches!(path))) continue;
      fault.matched++;
      if (fault.probability !== undefined && fault.random() >= fault.probability) continue;
      fault.applied++;
      if (fault.count !== undefined && fault.applied >= fault.count) this.faults = this.faults.filter((f) => f !== fault);
      const { matches: _m, random: _p, ...plain } = fault;
      return plain;
    }
    return null;
  }
}
