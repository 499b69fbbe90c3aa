import { randomBytes } from 'node:crypto';
import { createMemoryRequestBudget, type RequestBudgetStore } from '@peeker/core';
import type { RedisConnection } from './redis-connection.ts';

/**
 * A sliding-window log in one sorted set per budget key, checked and recorded in one atomic
 * Lua call. Time comes from the Redis server (`TIME`), so instances with skewed clocks share
 * one timeline. A call at `t` fits when fewer than `limit` calls lie in `(t − window, t]`,
 * the same rule as the in-memory store; otherwise nothing is recorded and the script answers
 * how long until the oldest call leaves the window.
 *
 * KEYS[1] = the sorted set; ARGV = limit, windowMs, a unique member.
 */
export const SLIDING_WINDOW_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local wait = tonumber(oldest[2]) + window - now
if wait < 1 then wait = 1 end
return wait
`;

/** Settings of {@link createRedisRequestBudget}. */
export interface RedisRequestBudgetSettings {
  connection: RedisConnection;
  /** Key prefix, e.g. `peeker:`. */
  prefix: string;
  /** Backend instances sharing the key: the fallback share is `floor(limit / expectedInstances)`. */
  expectedInstances: number;
  now: () => number;
}

/**
 * The shared request budget. When Redis is down or slow, each instance falls back to a
 * conservative local share (`floor(limit / expectedInstances)`, at least 1) so that all of
 * them together stay under the limit. For one window after the last failure a call must fit
 * that local share too: calls made during the outage were not recorded in Redis.
 */
export function createRedisRequestBudget(settings: RedisRequestBudgetSettings): RequestBudgetStore {
  const { connection, prefix, expectedInstances, now } = settings;
  const local = createMemoryRequestBudget({ now });
  const member = randomBytes(6).toString('hex');
  let counter = 0;
  const share = (limit: number): number => Math.max(1, Math.floor(limit / expectedInstances));

  return {
    async take(key, limit, windowMs) {
      if (!Number.isFinite(limit)) return 0;
      if (connection.degraded) return local.take(key, share(limit), windowMs) as number;
      const recovering = now() - connection.lastFailureAt < windowMs;
      if (recovering) {
        const wait = local.take(key, share(limit), windowMs) as number;
        if (wait > 0) return wait;
      }
      counter += 1;
      try {
        const wait = await connection.script(SLIDING_WINDOW_SCRIPT, [`${prefix}budget:{${key}}`], [limit, Math.ceil(windowMs), `${member}:${counter}`]);
        return Number(wait);
      } catch {
        // Redis failed just now: the local share decides (already recorded when recovering).
        return recovering ? 0 : (local.take(key, share(limit), windowMs) as number);
      }
    },
  };
}
