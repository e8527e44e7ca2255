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

export const MAX_LOGGED_REQUESTS = 10_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_LOGGED_REQUESTS) this.entries.splice(0, this.entries.length - MAX_LOGGED_REQUESTS);
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
