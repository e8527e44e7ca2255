/** The request log tests use to count Graph calls. Never stores tokens or headers. */
export interface LoggedRequest {
  requestId: string;
  clientRequestId: string;
  time: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  fault?: string;
}

/** At most this many entries (the oldest go first)… */
export const MAX_LOGGED_REQUESTS = 10_000;
/**
 * …and at most this many path characters in all. Paths are kept whole (tests search them for ids and tokens);
 * a flood of 16 KB URLs evicts old entries instead of growing the log to 10,000 × 16 KB.
 */
export const MAX_LOGGED_PATH_CHARS = 4_000_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private pathChars = 0;

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    this.pathChars += entry.path.length;
    let drop = Math.max(0, this.entries.length - MAX_LOGGED_REQUESTS);
    let chars = this.pathChars;
    for (let i = 0; i < drop; i++) chars -= this.entries[i].path.length;
    while (chars > MAX_LOGGED_PATH_CHARS && drop < this.entries.length - 1) chars -= this.entries[drop++].path.length;
    if (drop > 0) this.entries.splice(0, drop);
    this.pathChars = chars;
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  /** Entries and path characters held now (for tests of the bound). */
  size(): { entries: number; pathChars: number } {
    return { entries: this.entries.length, pathChars: this.pathChars };
  }

  clear(): void {
    this.entries = [];
    this.pathChars = 0;
  }
}
