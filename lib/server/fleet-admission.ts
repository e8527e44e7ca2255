import "server-only";
import { createHash } from "node:crypto";

/** How much tenant-wide scanning one console process does for its callers (README "Security"). */
export interface FleetScanLimits {
  /** Scans running at once in this process; one more is refused (429). */
  maxScans: number;
  /** The Retry-After of that refusal, in seconds. */
  busyRetryAfterSeconds: number;
  /** A scan still running after this long is stopped. */
  deadlineMs: number;
  /** SP pages (999 each) a scan reads at most. */
  maxPages: number;
}

export const FLEET_SCAN_LIMITS: FleetScanLimits = { maxScans: 4, busyRetryAfterSeconds: 5, deadlineMs: 120_000, maxPages: 200 };

export interface ScanTicket {
  /** Aborts when a newer scan with the same token starts. */
  signal: AbortSignal;
  release(): void;
}

/**
 * Who may start a fleet scan: at most `maxScans` at once, one per token. A second scan with the same token
 * replaces the first (a Rescan, or the same sign-in in another tab) instead of being refused, so a client that
 * aborts and restarts is never told to wait for its own previous scan. Tokens are held as hashes only.
 */
export function createFleetAdmission(maxScans: number) {
  const running = new Map<string, AbortController>();
  return {
    admit(token: string): ScanTicket | null {
      const key = createHash("sha256").update(token).digest("base64url");
      const previous = running.get(key);
      if (!previous && running.size >= maxScans) return null;
      previous?.abort(new DOMException("A newer scan with the same token started.", "AbortError"));
      const ticket = new AbortController();
      running.set(key, ticket);
      return {
        signal: ticket.signal,
        release: () => {
          if (running.get(key) === ticket) running.delete(key);
        },
      };
    },
  };
}
