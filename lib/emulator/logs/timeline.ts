/**
 * Items kept in (at, seq) order, oldest first, with the oldest removable from the front in O(1).
 * Appends of the newest item are O(1); an item older than the newest (the engine computes history on read,
 * so it may add entries after newer ones) is inserted by binary search. Scans run newest- or oldest-first
 * from a cursor (exclusive), found by binary search, so a page costs O(log n + items looked at).
 */
export interface Ordered {
  readonly at: number;
  readonly seq: number;
}

export interface Cursor {
  at: number;
  seq: number;
}

const before = (a: Cursor, b: Cursor) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

export class Timeline<T extends Ordered> {
  private items: (T | undefined)[] = [];
  private start = 0;

  get size(): number {
    return this.items.length - this.start;
  }

  /** First index in [start, length) whose item is not before `c`. */
  private lowerBound(c: Cursor): number {
    let lo = this.start;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.items[mid]!, c)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(item: T): void {
    const last = this.items[this.items.length - 1];
    if (this.size === 0 || before(last!, item)) {
      this.items.push(item);
      return;
    }
    this.items.splice(this.lowerBound(item), 0, item);
  }

  /** Items with the same `at` as `at` (for de-duplication of entries the engine recomputes). */
  sameInstant(at: number, visit: (item: T) => boolean): boolean {
    for (let i = this.lowerBound({ at, seq: -Infinity }); i < this.items.length && this.items[i]!.at === at; i++) {
      if (visit(this.items[i]!)) return true;
    }
    return false;
  }

  oldest(): T | undefined {
    return this.items[this.start];
  }

  newest(): T | undefined {
    return this.size > 0 ? this.items[this.items.length - 1] : undefined;
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.items[this.start];
    this.items[this.start++] = undefined;
    if (this.start > 1024 && this.start * 2 > this.items.length) {
      this.items = this.items.slice(this.start);
      this.start = 0;
    }
    return item;
  }

  /** Visits items newest-first, strictly older than `cursor` when given, until `visit` returns false. */
  scanNewestFirst(cursor: Cursor | null, visit: (item: T) => boolean): void {
    const from = cursor ? this.lowerBound(cursor) - 1 : this.items.length - 1;
    for (let i = from; i >= this.start; i--) if (!visit(this.items[i]!)) return;
  }

  /** The newest item that `match` accepts. */
  findNewest(match: (item: T) => boolean): T | undefined {
    for (let i = this.items.length - 1; i >= this.start; i--) if (match(this.items[i]!)) return this.items[i];
    return undefined;
  }

  /** Visits items oldest-first, strictly newer than `cursor` when given, until `visit` returns false. */
  scanOldestFirst(cursor: Cursor | null, visit: (item: T) => boolean): void {
    let from = this.start;
    if (cursor) {
      from = this.lowerBound(cursor);
      while (from < this.items.length && !before(cursor, this.items[from]!)) from++;
    }
    for (let i = from; i < this.items.length; i++) if (!visit(this.items[i]!)) return;
  }

  clear(): void {
    this.items = [];
    this.start = 0;
  }
}

/** A bounded string/object intern pool: repeated values (job ids, system names, error texts) share one copy. */
export class Interner<T> {
  private readonly pool = new Map<string, T>();

  constructor(private readonly max = 20_000) {}

  get(key: string, make: () => T): T {
    const found = this.pool.get(key);
    if (found !== undefined) return found;
    const value = make();
    if (this.pool.size < this.max) this.pool.set(key, value);
    return value;
  }
}
