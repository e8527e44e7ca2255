/**
 * What the target was asked, newest last, for tests and developers to inspect (`ScimTarget.requests()`).
 *
 * Bounded: at most MAX_RECORDS records and MAX_BODY_CHARS of request bodies (counted as received); the oldest
 * records go first. Never holds a secret: no headers at all (so no Authorization), the token replaced by
 * `[redacted]` wherever it appears in a path or a body, and `password` values (RFC 7643 §4.1.1) replaced too.
 */
export interface ScimRequestRecord {
  method: string;
  /** The request target as received (path and query). */
  path: string;
  status: number;
  /** The parsed JSON request body, if it had one that parsed. */
  body?: unknown;
}

export const MAX_RECORDS = 5_000;
export const MAX_BODY_CHARS = 16 * 1024 * 1024;
export const REDACTED = "[redacted]";

const PASSWORD = /(^|:)password$/i;

interface Entry {
  record: ScimRequestRecord;
  size: number;
}

export class RequestLog {
  private entries: Entry[] = [];
  private bodyChars = 0;

  constructor(private readonly token: string) {}

  add(method: string, path: string, status: number, body: unknown, bodySize: number): void {
    const record: ScimRequestRecord = { method, path: this.redactText(path), status };
    if (body !== undefined) {
      try {
        record.body = this.redact(body, undefined);
      } catch {
        // Too deeply nested to walk: not kept rather than kept unredacted.
      }
    }
    const size = record.body === undefined ? 0 : bodySize;
    this.entries.push({ record: Object.freeze(record), size });
    this.bodyChars += size;
    while (this.entries.length > MAX_RECORDS || this.bodyChars > MAX_BODY_CHARS) this.bodyChars -= this.entries.shift()!.size;
  }

  records(): ScimRequestRecord[] {
    return this.entries.map((e) => e.record);
  }

  clear(): void {
    this.entries = [];
    this.bodyChars = 0;
  }

  private redactText(text: string): string {
    let out = text.split(this.token).join(REDACTED);
    const encoded = encodeURIComponent(this.token);
    if (encoded !== this.token) out = out.split(encoded).join(REDACTED);
    return out;
  }

  private redact(value: unknown, key: string | undefined): unknown {
    if (key !== undefined && PASSWORD.test(key)) return REDACTED;
    if (typeof value === "string") return this.redactText(value);
    if (Array.isArray(value)) return value.map((v) => this.redact(v, undefined));
    if (typeof value === "object" && value !== null) {
      const object = value as Record<string, unknown>;
      // A PatchOp operation on the password: `{"op": "replace", "path": "password", "value": "…"}`.
      const passwordOp = typeof object.path === "string" && PASSWORD.test(object.path) && "value" in object;
      return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, passwordOp && k === "value" ? REDACTED : this.redact(v, k)]));
    }
    return value;
  }
}
