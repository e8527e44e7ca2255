export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values: number[]) => percentile(values, 50);

export interface TimedRequest {
  /** When the request ended (epoch ms) and how long it took. */
  end: number;
  durationMs: number;
}

/** The longest chain of requests in which each one started after the previous one ended: sequential round trips. */
export function criticalPathDepth(requests: TimedRequest[]): number {
  const spans = requests.map((r) => ({ start: r.end - r.durationMs, end: r.end })).sort((a, b) => a.end - b.end);
  const depth: number[] = [];
  spans.forEach((span, i) => {
    let best = 0;
    for (let j = 0; j < i; j++) if (spans[j].end <= span.start) best = Math.max(best, depth[j]);
    depth.push(best + 1);
  });
  return Math.max(0, ...depth);
}
