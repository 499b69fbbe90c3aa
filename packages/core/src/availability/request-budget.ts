import { describeValue } from '../internal/describe-value.ts';

/**
 * The request budget an availability checker spends before each upstream call: at most
 * `limit` calls in any sliding window of `windowMs` per budget key (Peeker allows 600 per
 * minute per API key, one bucket for every endpoint; docs/peeker-api.md §3). The in-memory
 * {@link createMemoryRequestBudget} is the default; `@peeker/redis` has one that every
 * backend instance of a key shares atomically.
 */
export interface RequestBudgetStore {
  /**
   * Records one call for `key` if it fits the window, in one atomic step.
   * @param key - the budget key (one per API key; never the key itself)
   * @param limit - most calls in any window
   * @param windowMs - window length, milliseconds
   * @returns `0` when the call was recorded (send it now), else how many milliseconds to
   *   wait before asking again (nothing was recorded)
   */
  take(key: string, limit: number, windowMs: number): number | Promise<number>;
}

/** Options of {@link createMemoryRequestBudget}. */
export interface MemoryRequestBudgetOptions {
  /**
   * Clock, epoch milliseconds.
   * @default Date.now
   */
  now?: () => number;
}

/**
 * An in-process sliding-window log per key: a call at `t` fits when fewer than `limit`
 * recorded calls lie in `(t − windowMs, t]`. Exact (no approximation at window edges), and
 * O(1) amortised per call.
 * @param options - see {@link MemoryRequestBudgetOptions}
 * @returns the store
 * @throws TypeError when `now` is not a function
 * @example
 * ```ts
 * const checker = createAvailabilityChecker({ transport, budget: createMemoryRequestBudget() });
 * ```
 */
export function createMemoryRequestBudget(options: MemoryRequestBudgetOptions = {}): RequestBudgetStore {
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError(`Expected now to be a function, got ${describeValue(now)}`);
  const logs = new Map<string, number[]>();
  return {
    take(key, limit, windowMs) {
      if (!Number.isFinite(limit)) return 0;
      const t = now();
      let sent = logs.get(key);
      if (sent === undefined) {
        sent = [];
        logs.set(key, sent);
      }
      // Keep only calls inside (t − windowMs, t]; the log is in recording order.
      let expired = 0;
      while (expired < sent.length && (sent[expired] as number) <= t - windowMs) expired += 1;
      if (expired > 0) sent.splice(0, expired);
      if (sent.length < limit) {
        sent.push(t);
        return 0;
      }
      return Math.max(1, (sent[0] as number) + windowMs - t);
    },
  };
}
