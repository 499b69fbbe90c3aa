import { describeValue } from '../../internal/describe-value.ts';

/**
 * What {@link WebhookDedupeStore.claim} found for an event id:
 * - `claimed`: nobody held it; the caller now owns it and must call `done` or `forget`;
 * - `processing`: another delivery of the event holds it and its `onEvent` is (or was, until
 *   the claim expires) running;
 * - `done`: the event was processed already.
 */
export type WebhookClaimState = 'claimed' | 'processing' | 'done';

/**
 * Remembers which webhook events are being processed or were processed, for
 * {@link createWebhookHandler}'s `dedupe` option. The in-memory {@link createMemoryDedupeStore}
 * is the default; `@peeker/redis` has one every backend instance shares (`SET NX PX`).
 *
 * Every method is atomic for one id: two concurrent `claim` calls on a free id give exactly
 * one `claimed`. A claim expires after its `ttlMs`, so an event whose handler crashed is
 * processed again on a later delivery.
 */
export interface WebhookDedupeStore {
  /**
   * Claims `eventId` for processing, or reports who has it.
   * @param eventId - the signed event id (`evt_…`)
   * @param ttlMs - how long the claim lasts when neither `done` nor `forget` follows (a crash)
   * @returns `claimed`, `processing` or `done`
   */
  claim(eventId: string, ttlMs: number): WebhookClaimState | Promise<WebhookClaimState>;
  /**
   * Marks a claimed event processed; later claims answer `done` for `ttlMs`.
   * @param eventId - an id this caller claimed
   * @param ttlMs - how long to remember it (Peeker retries one event for 24 hours)
   */
  done(eventId: string, ttlMs: number): void | Promise<void>;
  /**
   * Gives up a claim (processing failed), so the next delivery of the event runs it again.
   * A `done` mark is never removed by it.
   * @param eventId - an id this caller claimed
   */
  forget(eventId: string): void | Promise<void>;
}

/** Options of {@link createMemoryDedupeStore}. */
export interface MemoryDedupeStoreOptions {
  /**
   * How many event ids to remember; the least recently written are forgotten first.
   * Peeker retries one event 5 times over 24 hours, so size it for a day of events.
   * @default 10000
   */
  maxEntries?: number;
  /**
   * Clock, epoch milliseconds (claim and `done` expiry).
   * @default Date.now
   */
  now?: () => number;
}

/**
 * An in-process LRU of event ids with expiry: the default `dedupe` store of
 * {@link createWebhookHandler}. Lost on restart and not shared between processes.
 * @param options - see {@link MemoryDedupeStoreOptions}
 * @returns the store
 * @throws TypeError when `maxEntries` is not a positive integer or `now` not a function
 * @example
 * ```ts
 * const store = createMemoryDedupeStore({ maxEntries: 50_000 });
 * const webhooks = createWebhookHandler({ secret, onEvent, dedupe: store });
 * ```
 */
export function createMemoryDedupeStore(options: MemoryDedupeStoreOptions = {}): WebhookDedupeStore {
  const maxEntries = options.maxEntries ?? 10_000;
  if (typeof maxEntries !== 'number' || !Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(`Expected maxEntries to be a positive integer, got ${describeValue(maxEntries)}`);
  }
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError(`Expected now to be a function, got ${describeValue(now)}`);
  // A Map iterates in insertion order: re-inserting on write makes the first key the oldest.
  const ids = new Map<string, { state: 'processing' | 'done'; expiresAt: number }>();
  const write = (eventId: string, state: 'processing' | 'done', ttlMs: number): void => {
    ids.delete(eventId);
    ids.set(eventId, { state, expiresAt: now() + ttlMs });
    while (ids.size > maxEntries) ids.delete(ids.keys().next().value as string);
  };
  return {
    claim(eventId, ttlMs) {
      const entry = ids.get(eventId);
      if (entry !== undefined && now() < entry.expiresAt) return entry.state;
      write(eventId, 'processing', ttlMs);
      return 'claimed';
    },
    done(eventId, ttlMs) {
      write(eventId, 'done', ttlMs);
    },
    forget(eventId) {
      if (ids.get(eventId)?.state === 'processing') ids.delete(eventId);
    },
  };
}
