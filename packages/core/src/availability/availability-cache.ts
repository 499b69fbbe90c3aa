import { describeValue } from '../internal/describe-value.ts';
import type { AvailabilityRow } from './availability-row.ts';

/**
 * Where an availability checker keeps answered rows between checks. The in-memory
 * {@link createMemoryAvailabilityCache} is the default; `@peeker/redis` has one that every
 * backend instance of a key shares. Methods may answer synchronously or with a promise (the
 * checker does not wait a tick for a synchronous answer, so the in-memory cache costs no
 * extra round of the event loop).
 *
 * Rules every implementation keeps:
 * - a row is fresh while `now < checked_at + ttlMs` (`checked_at` is when Peeker answered,
 *   so a row copied from another instance expires at the same moment there);
 * - `stale` and `errored` rows are never stored (the checker never passes them; a store
 *   drops them anyway);
 * - expiry is checked on read: a lookup costs O(names asked), never a scan of the cache.
 */
export interface AvailabilityCache {
  /**
   * Looks names up.
   * @param names - normalised names
   * @param now - the checker's clock, epoch milliseconds
   * @returns one slot per name, in order: the fresh row, or `undefined`
   */
  get(names: readonly string[], now: number): ReadonlyArray<AvailabilityRow | undefined> | Promise<ReadonlyArray<AvailabilityRow | undefined>>;
  /**
   * Stores answered rows until `checked_at + ttlMs`.
   * @param rows - rows with `checked_at`; rows without it, or already expired, are skipped
   * @param ttlMs - the checker's `cacheTtlMs`
   */
  set(rows: readonly AvailabilityRow[], ttlMs: number): void | Promise<void>;
  /**
   * Optional synchronous lookup in what this process holds, for `checker.peek`.
   * @param name - a normalised name
   * @param now - epoch milliseconds
   * @returns the fresh row or `undefined`
   */
  peek?(name: string, now: number): AvailabilityRow | undefined;
  /** Forgets every row this cache holds (for a shared cache: every instance's). */
  clear(): void | Promise<void>;
}

/** The in-memory cache: every method answers synchronously. */
export interface MemoryAvailabilityCache extends AvailabilityCache {
  get(names: readonly string[], now: number): ReadonlyArray<AvailabilityRow | undefined>;
  set(rows: readonly AvailabilityRow[], ttlMs: number): void;
  peek(name: string, now: number): AvailabilityRow | undefined;
  clear(): void;
  /** How many rows are held (expired ones included until read or evicted). */
  readonly size: number;
}

/** Options of {@link createMemoryAvailabilityCache}. */
export interface MemoryAvailabilityCacheOptions {
  /**
   * Most rows kept; beyond it the least recently used row goes first.
   * @default 50000
   */
  maxEntries?: number;
}

/** Whether a row may be cached at all: answered by Peeker, not a failure marker. */
export function isCacheableRow(row: AvailabilityRow): boolean {
  return row.reason !== 'stale' && row.reason !== 'errored' && Number.isFinite(row.checked_at);
}

/**
 * A bounded in-process cache: an LRU (a `Map` in use order) with expiry on read. Lookups
 * and writes cost O(names); nothing ever walks the whole cache.
 * @param options - see {@link MemoryAvailabilityCacheOptions}
 * @returns the cache
 * @throws TypeError when `maxEntries` is not a positive integer
 * @example
 * ```ts
 * const checker = createAvailabilityChecker({
 *   transport,
 *   cache: createMemoryAvailabilityCache({ maxEntries: 10_000 }),
 * });
 * ```
 */
export function createMemoryAvailabilityCache(options: MemoryAvailabilityCacheOptions = {}): MemoryAvailabilityCache {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected options to be an object, got ${describeValue(options)}`);
  }
  const maxEntries = options.maxEntries ?? 50_000;
  if (typeof maxEntries !== 'number' || !Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(`Expected maxEntries to be a positive integer, got ${describeValue(maxEntries)}`);
  }
  const entries = new Map<string, { row: AvailabilityRow; expiresAt: number }>();

  const lookup = (name: string, now: number): AvailabilityRow | undefined => {
    const entry = entries.get(name);
    if (entry === undefined) return undefined;
    entries.delete(name);
    if (now >= entry.expiresAt) return undefined;
    entries.set(name, entry); // most recently used goes last
    return entry.row;
  };

  return {
    get size() {
      return entries.size;
    },
    get(names, now) {
      return names.map((name) => lookup(name, now));
    },
    peek: lookup,
    set(rows, ttlMs) {
      for (const row of rows) {
        if (!isCacheableRow(row)) continue;
        entries.delete(row.domain);
        entries.set(row.domain, { row, expiresAt: (row.checked_at as number) + ttlMs });
      }
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    clear() {
      entries.clear();
    },
  };
}
