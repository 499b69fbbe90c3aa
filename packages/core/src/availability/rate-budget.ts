/**
 * Waiting for a request budget slot. Internal: never exported from the package.
 */
import { raceAbort } from '../internal/abortable-sleep.ts';
import type { RequestBudgetStore } from './request-budget.ts';

/** A budget of at most `limit` sends in any window of `windowMs`. */
export interface RateBudget {
  /**
   * Waits until one more send fits the window, then records it and resolves. Call it right
   * before the send.
   * @param signal - aborts the wait
   * @throws `signal.reason` when aborted; nothing is recorded then
   */
  acquire(signal: AbortSignal): Promise<void>;
}

/** Settings of {@link createRateBudget}. */
export interface RateBudgetOptions {
  /** Where sends are recorded (in memory, or shared between instances). */
  store: RequestBudgetStore;
  /** The budget key in the store. */
  key: string;
  /** Most sends in any window; `Infinity` disables the budget. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** Waits `ms` (may ignore the signal: waits are raced with it anyway). */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Asks the store for a slot; when the window is full, sleeps as long as the store says and
 * asks again. The store checks and records in one atomic step, so concurrent callers (in
 * this process or, with a shared store, in others) can never overshoot.
 * @param options - see {@link RateBudgetOptions}
 * @returns the budget
 */
export function createRateBudget(options: RateBudgetOptions): RateBudget {
  const { store, key, limit, windowMs, sleep } = options;
  return {
    async acquire(signal) {
      for (;;) {
        signal.throwIfAborted();
        if (!Number.isFinite(limit)) return;
        const answer = store.take(key, limit, windowMs);
        const wait = typeof answer === 'number' ? answer : await raceAbort(answer, signal);
        if (!(wait > 0)) return;
        await raceAbort(sleep(Math.max(1, wait), signal), signal);
      }
    },
  };
}
