import { describeValue } from '../../internal/describe-value.ts';

/**
 * Remembers which webhook events were already accepted, for
 * {@link createWebhookHandler}'s `dedupe` option. Plug a shared store (Redis `SET NX`, a
 * database unique key) when several processes receive webhooks.
 */
export interface WebhookDedupeStore {
  /**
   * Records `eventId` and tells whether it had been recorded before, in one atomic step.
   * @param eventId - the `Peeker-Event-Id` (`evt_…`)
   * @returns `true` when the event was seen before (a duplicate), else `false`
   */
  seen(eventId: string): boolean | Promise<boolean>;
  /**
   * Optional: un-records `eventId`. The webhook handler calls it when `onEvent` throws, so a
   * later delivery of the same event (Peeker re-sending after a lost 200) is processed again.
   * @param eventId - the event id to forget
   */
  forget?(eventId: string): void | Promise<void>;
}

/** Options of {@link createMemoryDedupeStore}. */
export interface MemoryDedupeStoreOptions {
  /**
   * How many event ids to remember; the least recently seen are forgotten first.
   * Peeker retries one event 5 times over 24 hours, so size it for a day of events.
   * @default 10000
   */
  maxEntries?: number;
}

/**
 * An in-process LRU set of event ids: the default `dedupe` store of
 * {@link createWebhookHandler}. Lost on restart and not shared between processes.
 * @param options - see {@link MemoryDedupeStoreOptions}
 * @returns the store
 * @throws TypeError when `maxEntries` is not a positive integer
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
  // A Map iterates in insertion order: re-inserting on access makes the first key the LRU one.
  const ids = new Map<string, true>();
  return {
    seen(eventId) {
      if (ids.has(eventId)) {
        ids.delete(eventId);
        ids.set(eventId, true);
        return true;
      }
      ids.set(eventId, true);
      if (ids.size > maxEntries) {
        const oldest = ids.keys().next().value as string;
        ids.delete(oldest);
      }
      return false;
    },
    forget(eventId) {
      ids.delete(eventId);
    },
  };
}
