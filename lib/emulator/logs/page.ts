import type { CompiledFilter } from "./filter";
import type { Cursor, Ordered, Timeline } from "./timeline";

/** One page of a log collection: newest first (or oldest first), after a cursor, filtered. */
export interface PageRequest<T> {
  filter: CompiledFilter<T> | null;
  top: number;
  cursor: Cursor | null;
  ascending: boolean;
  /** Matches to pass over first ($skip, v1.0 directoryAudits only). */
  skip?: number;
  /** Also count every match (for `@odata.count`). */
  count?: boolean;
}

export interface Page<T> {
  items: T[];
  /** The last item's position when more matches follow, else null. */
  next: Cursor | null;
  count?: number;
}

export function pageOf<T extends Ordered>(timeline: Timeline<T> | undefined, request: PageRequest<T>): Page<T> {
  const items: T[] = [];
  let next: Cursor | null = null;
  let skip = request.skip ?? 0;
  let count = 0;
  if (!timeline) return { items, next, ...(request.count ? { count } : {}) };
  const test = request.filter?.test;
  const visit = (item: T): boolean => {
    if (test && !test(item)) return true;
    if (request.count) count++;
    if (skip > 0) {
      skip--;
      return true;
    }
    if (items.length < request.top) {
      items.push(item);
      return true;
    }
    if (next === null) {
      const last = items[items.length - 1];
      next = { at: last.at, seq: last.seq };
    }
    return request.count === true;
  };
  if (request.ascending) timeline.scanOldestFirst(request.cursor, visit);
  else timeline.scanNewestFirst(request.cursor, visit);
  return { items, next, ...(request.count ? { count } : {}) };
}
