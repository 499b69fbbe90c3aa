/**
 * A client-side sliding-window request budget. Internal: never exported from the package.
 */
import { raceAbort } from '../internal/abortable-sleep.ts';

/** A budget of at most `limit` sends in any window of `windowMs`. */
export interface RateBudget {
  /**
   * Waits until one more send fits the window, then records it (at the clock's current time)
   * and resolves. Call it right before the send.
   * @param signal - aborts the wait
   * @throws `signal.reason` when aborted; nothing is recorded then
   */
  acquire(signal: AbortSignal): Promise<void>;
}

/** Settings of {@link createRateBudget}. */
export interface RateBudgetOptions {
  /** Most sends in any window; `Infinity` disables the budget. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** Clock, epoch milliseconds. */
  now: () => number;
  /** Waits `ms` (may ignore the signal: waits are raced with it anyway). */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Creates a sliding-window budget: a send at time `t` is allowed when fewer than `limit`
 * recorded sends have a timestamp in `(t − windowMs, t]`; otherwise the caller sleeps until
 * the oldest of them leaves the window and checks again. Checking and recording happen in
 * one synchronous step, so concurrent callers can never overshoot.
 * @param options - see {@link RateBudgetOptions}
 * @returns the budget
 */
export function createRateBudget(options: RateBudgetOptions): RateBudget {
  const { limit, windowMs, now, sleep } = options;
  const sent: number[] = [];
  return {
    async acquire(signal) {
      for (;;) {
        signal.throwIfAborted();
        if (!Number.isFinite(limit)) return;
        const t = now();
        // Keep only sends inside (t - windowMs, t]; `sent` is in recording order.
        while (sent.length > 0 && (sent[0] as number) <= t - windowMs) sent.shift();
        if (sent.length < limit) {
          sent.push(t);
          return;
        }
        const wait = (sent[0] as number) + windowMs - t;
        await raceAbort(sleep(Math.max(1, wait), signal), signal);
      }
    },
  };
}
