import { createClient } from '@redis/client';
import type { AvailabilityCache, RequestBudgetStore } from '@peeker/core';
import type { OrderIdempotencyStore, WebhookDedupeStore } from '@peeker/core/server';
import { createRedisAvailabilityCache } from './redis-availability-cache.ts';
import { createRedisConnection, type RedisCommandClient } from './redis-connection.ts';
import { createRedisDedupeStore } from './redis-dedupe-store.ts';
import { createRedisOrderIdempotencyStore } from './redis-order-idempotency-store.ts';
import { createRedisRequestBudget } from './redis-request-budget.ts';

/** Options of {@link createRedisStores}. */
export interface RedisStoresOptions {
  /**
   * A Redis URL (`redis://host:6379/0`, `rediss://…`): the stores open ONE connection for
   * the process and {@link RedisStores.close} closes it. Give `url` or `client`.
   * @default undefined
   */
  url?: string;
  /**
   * An existing connection instead of `url` (anything with `sendCommand(args)`, e.g. a
   * node-redis client; never closed by the stores). Create it with `disableOfflineQueue: true`
   * and an `error` listener, or commands wait for reconnection until `commandTimeoutMs`.
   * @default undefined
   */
  client?: RedisCommandClient;
  /**
   * Prefix of every key. Use one per environment (live / test) when they share a Redis.
   * @default 'peeker:'
   */
  prefix?: string;
  /**
   * How many backend instances share the Peeker key. While Redis is unreachable each
   * instance spends at most `floor(limit / expectedInstances)` per window, so together they
   * still stay under Peeker's 600/min. Required: there is no safe guess.
   */
  expectedInstances: number;
  /**
   * Longest wait for one Redis command; after it the store falls back (see the README).
   * @default 500
   */
  commandTimeoutMs?: number;
  /**
   * After a failed or timed-out command Redis is not asked again for this long (every store
   * uses its fallback at once instead of waiting for a timeout per call).
   * @default 1000
   */
  cooldownMs?: number;
  /**
   * Rows each process keeps in front of Redis (LRU, same TTL).
   * @default 50000
   */
  maxLocalCacheEntries?: number;
  /**
   * Receives "Redis is unavailable" (once per outage, with the error) and "Redis is back".
   * @default console.warn
   */
  onWarning?: (message: string, error?: unknown) => void;
}

/** The stores of one process, sharing one connection. */
export interface RedisStores {
  /** For `createAvailabilityChecker({ cache })` / `createPeekerClient({ availability: { cache } })`. */
  cache: AvailabilityCache;
  /** For `createAvailabilityChecker({ budget })` / `createPeekerClient({ availability: { budget } })`. */
  budget: RequestBudgetStore;
  /** For `createWebhookHandler({ dedupe })`. */
  dedupe: WebhookDedupeStore;
  /** For the order handler's `idempotency` store. */
  orderIdempotency: OrderIdempotencyStore;
  /**
   * Resolves once the connection opened by `url` is ready, or after `max(1000,
   * commandTimeoutMs)` ms when Redis cannot be reached (never rejects; the stores fall back and
   * the connection keeps retrying). At once for a given `client`.
   */
  ready(): Promise<void>;
  /** True while Redis is considered down (stores are on their fallbacks). */
  readonly degraded: boolean;
  /** Closes the connection opened by `url` (a given `client` is left open). Idempotent. */
  close(): Promise<void>;
}

function positive(name: string, value: unknown, fallback: number | undefined): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`Expected ${name} to be a positive number, got ${value === undefined ? 'undefined' : JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Creates the Redis-backed stores every backend instance of one Peeker key shares: the
 * availability cache, the request budget (atomic sliding window, one Lua call), the webhook
 * dedupe store (`SET NX PX` claims) and the order idempotency store. Call it once per process
 * (one connection) and pass the stores on.
 *
 * When Redis is down or slow (every command has a timeout; nothing hangs): the budget falls
 * back to `floor(600 / expectedInstances)` per instance, the cache to per-process, the
 * webhook dedupe refuses (the handler answers 500, Peeker redelivers), the order store
 * rejects (no order is placed without its record). One warning per outage.
 *
 * @param options - see {@link RedisStoresOptions}
 * @returns the stores
 * @throws TypeError when neither `url` nor `client` is given, or an option has the wrong type
 * @example
 * ```ts
 * import { createPeekerClient, createWebhookHandler } from '@peeker/core/server';
 * import { createRedisStores } from '@peeker/redis';
 *
 * const stores = createRedisStores({ url: process.env.REDIS_URL!, expectedInstances: 3 });
 * await stores.ready();
 * const peeker = createPeekerClient({
 *   apiKey: process.env.PEEKER_API_KEY!,
 *   availability: { cache: stores.cache, budget: stores.budget },
 * });
 * const webhooks = createWebhookHandler({ secret, onEvent, dedupe: stores.dedupe });
 * ```
 */
export function createRedisStores(options: RedisStoresOptions): RedisStores {
  if (typeof options !== 'object' || options === null) throw new TypeError('Expected options to be an object');
  const prefix = options.prefix ?? 'peeker:';
  if (typeof prefix !== 'string') throw new TypeError('Expected prefix to be a string');
  const expectedInstances = positive('expectedInstances', options.expectedInstances, undefined);
  if (!Number.isSafeInteger(expectedInstances)) throw new TypeError('Expected expectedInstances to be a positive integer');
  const commandTimeoutMs = positive('commandTimeoutMs', options.commandTimeoutMs, 500);
  const cooldownMs = positive('cooldownMs', options.cooldownMs, 1000);
  const maxLocalEntries = positive('maxLocalCacheEntries', options.maxLocalCacheEntries, 50_000);
  const onWarning = options.onWarning ?? ((message: string, error?: unknown) => console.warn(message, error ?? ''));
  if (typeof onWarning !== 'function') throw new TypeError('Expected onWarning to be a function');

  let client: RedisCommandClient;
  let ready: Promise<void> = Promise.resolve();
  let close: () => Promise<void> = async () => undefined;
  if (options.client !== undefined) {
    if (typeof options.client?.sendCommand !== 'function') throw new TypeError('Expected client to have a sendCommand method');
    client = options.client;
  } else if (typeof options.url === 'string' && options.url !== '') {
    const own = createClient({
      url: options.url,
      // Fail commands at once while disconnected instead of queueing them until reconnect.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: Math.max(1000, commandTimeoutMs),
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000),
      },
    });
    // Without a listener an 'error' event would crash the process; the connection reconnects by itself.
    own.on('error', () => undefined);
    let closed = false;
    const connecting = own.connect().then(
      () => undefined,
      (error: unknown) => {
        if (!closed) onWarning('[peeker/redis] could not connect to Redis; stores fall back until it is reachable', error);
      },
    );
    // Never wait longer than the connect timeout: a Redis that is down at startup must not
    // hold the server up (the stores fall back, and node-redis keeps reconnecting).
    const connectTimeoutMs = Math.max(1000, commandTimeoutMs);
    ready = Promise.race([
      connecting,
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          if (!own.isReady && !closed) onWarning(`[peeker/redis] Redis not reachable within ${connectTimeoutMs} ms; stores fall back until it is`);
          resolve();
        }, connectTimeoutMs);
        void connecting.then(() => clearTimeout(timer));
      }),
    ]);
    client = { sendCommand: (args) => own.sendCommand(args) };
    close = async () => {
      if (closed) return;
      closed = true;
      try {
        own.destroy(); // also stops reconnecting
      } catch {
        // Already closed.
      }
      await connecting;
    };
  } else {
    throw new TypeError('Expected url (a Redis URL) or client');
  }

  const now = Date.now;
  const connection = createRedisConnection({ client, commandTimeoutMs, cooldownMs, onWarning, now });
  return {
    cache: createRedisAvailabilityCache({ connection, prefix, maxLocalEntries, now }),
    budget: createRedisRequestBudget({ connection, prefix, expectedInstances, now }),
    dedupe: createRedisDedupeStore({ connection, prefix }),
    orderIdempotency: createRedisOrderIdempotencyStore({ connection, prefix }),
    ready: () => ready,
    get degraded() {
      return connection.degraded;
    },
    close,
  };
}
