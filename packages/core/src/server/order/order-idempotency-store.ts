import { describeValue } from '../../internal/describe-value.ts';

/**
 * What {@link OrderIdempotencyStore.claim} found for a key:
 * - `claimed`: nobody held the key; the caller now owns it for `ttlMs` and must
 *   {@link OrderIdempotencyStore.complete | complete} or {@link OrderIdempotencyStore.release | release} it;
 * - `pending`: another request holds it (an identical order is being placed right now);
 * - `done`: an identical order was already placed; `receipt` is the stored answer (JSON text).
 */
export type OrderClaim = { state: 'claimed' } | { state: 'pending' } | { state: 'done'; receipt: string };

/**
 * Remembers orders the order handler placed, keyed by a hash of the canonical order body
 * (secrets excluded), so that a re-sent identical draft gets the original receipt instead of
 * a second order or a `taken` error. The default is {@link createMemoryOrderIdempotencyStore};
 * plug a shared store (Redis `SET NX PX`) when several processes place orders.
 *
 * Every method must be atomic for one key: two concurrent `claim` calls on a free key must
 * give exactly one `claimed`.
 */
export interface OrderIdempotencyStore {
  /**
   * Claims `key`, or reports who has it.
   * @param key - the idempotency key (a hex digest; no secrets)
   * @param ttlMs - how long the claim lasts if the caller neither completes nor releases it
   * @returns `claimed`: the caller owns `key` for ttlMs and must complete or release it;
   *   `pending`: another request holds it; `done`: the stored receipt (JSON text).
   */
  claim(key: string, ttlMs: number): Promise<OrderClaim>;
  /**
   * Stores the receipt for a claimed key; later claims answer `done` with it for `ttlMs`.
   * @param key - a key this caller claimed
   * @param receipt - the answer to replay (JSON text)
   * @param ttlMs - how long to keep it (Peeker keeps idempotency keys 24 h)
   */
  complete(key: string, receipt: string, ttlMs: number): Promise<void>;
  /**
   * Gives up a claim (the order was not placed), so the next identical draft is tried afresh.
   * @param key - a key this caller claimed
   */
  release(key: string): Promise<void>;
}

/** Options of {@link createMemoryOrderIdempotencyStore}. */
export interface MemoryOrderIdempotencyStoreOptions {
  /**
   * The clock, in milliseconds since the epoch (inject one in tests).
   * @default Date.now
   */
  now?: () => number;
  /**
   * How many keys to keep; beyond that the least recently written are dropped first
   * (expired entries go before live ones).
   * @default 10000
   */
  maxEntries?: number;
}

type Entry = { state: 'pending'; expiresAt: number } | { state: 'done'; receipt: string; expiresAt: number };

/**
 * An in-process idempotency store: the default of `createOrderHandler`. Lost on restart
 * and not shared between processes (use a Redis store behind a load balancer).
 * @param options - see {@link MemoryOrderIdempotencyStoreOptions}
 * @returns the store
 * @throws TypeError when `now` is not a function or `maxEntries` is not a positive integer
 * @example
 * ```ts
 * const idempotency = createMemoryOrderIdempotencyStore({ maxEntries: 50_000 });
 * const orders = createOrderHandler({ client, sequencer, idempotency });
 * ```
 */
export function createMemoryOrderIdempotencyStore(
  options: MemoryOrderIdempotencyStoreOptions = {},
): OrderIdempotencyStore {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  if (typeof now !== 'function') throw new TypeError(`Expected now to be a function, got ${describeValue(now)}`);
  if (typeof maxEntries !== 'number' || !Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(`Expected maxEntries to be a positive integer, got ${describeValue(maxEntries)}`);
  }
  // Insertion order = write order, so the first key is the oldest write.
  const entries = new Map<string, Entry>();

  const checkArgs = (key: unknown, ttlMs?: unknown): void => {
    if (typeof key !== 'string' || key === '') {
      throw new TypeError(`Expected key to be a non-empty string, got ${describeValue(key)}`);
    }
    if (ttlMs !== undefined && (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0)) {
      throw new TypeError(`Expected ttlMs to be a positive number, got ${describeValue(ttlMs)}`);
    }
  };
  const write = (key: string, entry: Entry): void => {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size <= maxEntries) return;
    const at = now();
    for (const [k, e] of entries) {
      if (e.expiresAt <= at) entries.delete(k);
    }
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  };

  return {
    async claim(key, ttlMs) {
      checkArgs(key, ttlMs);
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) {
        return entry.state === 'done' ? { state: 'done', receipt: entry.receipt } : { state: 'pending' };
      }
      write(key, { state: 'pending', expiresAt: now() + ttlMs });
      return { state: 'claimed' };
    },
    async complete(key, receipt, ttlMs) {
      checkArgs(key, ttlMs);
      if (typeof receipt !== 'string') {
        throw new TypeError(`Expected receipt to be a string, got ${describeValue(receipt)}`);
      }
      write(key, { state: 'done', receipt, expiresAt: now() + ttlMs });
    },
    async release(key) {
      checkArgs(key);
      // Only a pending claim is dropped: a receipt stays, so a late release cannot undo an order.
      if (entries.get(key)?.state === 'pending') entries.delete(key);
    },
  };
}
