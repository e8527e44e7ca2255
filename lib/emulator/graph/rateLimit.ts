import { GraphError } from "../http/errors";

/** Sliding-window limits in real time (provisionOnDemand: 5 requests / 10 s). */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly realNow: () => number = Date.now) {}

  /** Records a call, or throws 429 with Retry-After (seconds) when the window is full. */
  take(key: string, limit: number, windowMs: number): void {
    const now = this.realNow();
    const recent = (this.windows.get(key) ?? []).filter((at) => now - at < windowMs);
    if (recent.length >= limit) {
      const retryAfter = Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000));
      this.windows.set(key, recent);
      throw new GraphError(429, "TooManyRequests", `Too many requests. The limit for this API is ${limit} requests per ${windowMs / 1000} seconds.`, {
        "Retry-After": String(retryAfter),
      });
    }
    recent.push(now);
    this.windows.set(key, recent);
  }

  clear(): void {
    this.windows.clear();
  }
}
