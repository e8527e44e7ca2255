/**
 * Finds what must never ship to a browser or a log: JWTs (every Entra and emulator token is one), private
 * keys, reads of server-only environment variables, and given secret values. Pure: callers read the
 * files (scripts/check-bundle-for-secrets.ts, e2e/token-hygiene.spec.ts, emulator tests).
 *
 * A finding quotes at most the first characters of what it found, so a report never leaks it again.
 */

/** `header.payload` of a JWT: both base64url JSON objects start `{"` → `eyJ`. */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}/g;

/**
 * The environment the console reads on the server (lib/config/runtime-config.ts, scripts/start.ts).
 * Their *names* may appear in the bundle as words (sign-in advice says "Check ENTRA_CLIENT_ID"); a
 * `process.env.NAME` read may not: it means server-only code was bundled for the browser.
 */
export const SERVER_ENV_NAMES = [
  "ENTRA_CLIENT_ID",
  "ENTRA_TENANT_ID",
  "ENTRA_AUTHORITY",
  "ENTRA_AUTHORITY_METADATA_URL",
  "GRAPH_BASE_URL",
  "GRAPH_API_VERSION",
  "EMULATOR_PORT",
  "EMULATOR_SCALE",
  "CONSOLE_LOG_FILE",
] as const;

export type SecretKind = "jwt" | "private-key" | "server-env-read" | "secret-value";

export interface SecretFinding {
  kind: SecretKind;
  /** Where: a file path, or a label such as "console log". */
  source: string;
  /** The first 12 characters of the match and its length, never the whole secret. */
  preview: string;
}

export interface ScanOptions {
  /** Environment variable names whose reads are server-only. Default SERVER_ENV_NAMES. */
  serverEnvNames?: readonly string[];
  /** Exact values that must not appear (tokens captured in a test, secrets). Values shorter than 8 are ignored. */
  secretValues?: readonly string[];
}

const PRIVATE_KEY = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----|"d"\s*:\s*"[A-Za-z0-9_-]{40,}"/g;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const preview = (match: string) => `${match.slice(0, 12)}… (${match.length} chars)`;

function envReadPattern(names: readonly string[]): RegExp | null {
  if (!names.length) return null;
  const alternatives = names.map(escapeRegExp).join("|");
  // process.env.NAME, process.env["NAME"], process.env['NAME'], and a destructured { NAME } = process.env
  return new RegExp(
    String.raw`process\.env(?:\.(?:${alternatives})\b|\[\s*["'](?:${alternatives})["']\s*\])|\{[^{}]*\b(?:${alternatives})\b[^{}]*\}\s*=\s*process\.env\b`,
    "g",
  );
}

export function scanText(source: string, text: string, options: ScanOptions = {}): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const add = (kind: SecretKind, pattern: RegExp) => {
    for (const match of text.matchAll(pattern)) findings.push({ kind, source, preview: preview(match[0]) });
  };
  add("jwt", JWT_PATTERN);
  add("private-key", PRIVATE_KEY);
  const envRead = envReadPattern(options.serverEnvNames ?? SERVER_ENV_NAMES);
  if (envRead) add("server-env-read", envRead);
  for (const value of options.secretValues ?? []) {
    if (value.length < 8) continue;
    let at = text.indexOf(value);
    while (at !== -1) {
      findings.push({ kind: "secret-value", source, preview: preview(value) });
      at = text.indexOf(value, at + value.length);
    }
  }
  return findings;
}

/** One line per finding, for an assertion message. */
export function describeFindings(findings: readonly SecretFinding[]): string {
  return findings.map((f) => `${f.kind} in ${f.source}: ${f.preview}`).join("\n");
}
