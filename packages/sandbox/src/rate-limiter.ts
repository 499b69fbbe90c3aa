/**
 * Peeker's rate limit: N requests per sliding minute per API key (600 by default; one
 * bucket for reads and writes). Over it: 429 with `details.retry_after_seconds`.
 */

/** A per-key sliding-window limiter on the sandbox clock. */
export interface RateLimiter {
  /**
   * Counts a request for `key`.
   * @returns `undefined` when allowed, else the seconds to wait (≥ 1)
   */
  take(key: string): number | undefined;
}

/**
 * @param limitPerMinute - requests allowed per 60 s window per key
 * @param now - sandbox clock, epoch ms
 * @returns the limiter
 */
export function createRateLimiter(limitPerMinute: number, now: () => number): RateLimiter {
  const windows = new Map<string, number[]>();
  return {
    take(key) {
      const at = now();
      const times = windows.get(key) ?? [];
      while (times.length > 0 && (times[0] as number) <= at - 60_000) times.shift();
      if (times.length >= limitPerMinute) {
        windows.set(key, times);
        return Math.max(1, Math.ceil(((times[0] as number) + 60_000 - at) / 1000));
      }
      times.push(at);
      windows.set(key, times);
      return undefined;
    },
  };
}
