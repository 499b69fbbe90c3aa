import type { OrderClaim, OrderIdempotencyStore } from '@peeker/core/server';
import type { RedisConnection } from './redis-connection.ts';

/**
 * Values: `P` (an order with this body is being placed) or `D<receipt JSON>` (placed).
 * KEYS[1] = the key; ARGV = claim ttl ms. Answers `C` (claimed), `P`, or the `D…` value.
 */
const CLAIM_SCRIPT = `
local v = redis.call('GET', KEYS[1])
if v then return v end
redis.call('SET', KEYS[1], 'P', 'PX', ARGV[1])
return 'C'
`;

/** Releases only a pending claim: a stored receipt is never undone. */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == 'P' then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** Settings of {@link createRedisOrderIdempotencyStore}. */
export interface RedisOrderIdempotencyStoreSettings {
  connection: RedisConnection;
  prefix: string;
}

/**
 * The shared order idempotency store (same contract as the in-memory one of
 * `@peeker/core/server`). When Redis is down every method rejects with a `PeekerError` code
 * `redis_unavailable`: an order handler must then refuse to place the order (no order
 * without its idempotency record), answering a retryable error.
 */
export function createRedisOrderIdempotencyStore(settings: RedisOrderIdempotencyStoreSettings): OrderIdempotencyStore {
  const { connection, prefix } = settings;
  const key = (k: string): string => `${prefix}order:${k}`;
  const checkKey = (k: unknown): void => {
    if (typeof k !== 'string' || k === '') throw new TypeError('Expected key to be a non-empty string');
  };
  return {
    async claim(k, ttlMs): Promise<OrderClaim> {
      checkKey(k);
      const reply = String(await connection.script(CLAIM_SCRIPT, [key(k)], [Math.ceil(ttlMs)]));
      if (reply === 'C') return { state: 'claimed' };
      if (reply.startsWith('D')) return { state: 'done', receipt: reply.slice(1) };
      return { state: 'pending' };
    },
    async complete(k, receipt, ttlMs) {
      checkKey(k);
      if (typeof receipt !== 'string') throw new TypeError('Expected receipt to be a string');
      await connection.run(['SET', key(k), `D${receipt}`, 'PX', String(Math.ceil(ttlMs))]);
    },
    async release(k) {
      checkKey(k);
      await connection.script(RELEASE_SCRIPT, [key(k)], []);
    },
  };
}
