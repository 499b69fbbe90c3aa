import { randomBytes } from 'node:crypto';
import type { RequestBudgetStore } from '@peeker/core';
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
 * The shared request budget. Every call this instance sends is also logged locally. When
 * Redis is down or slow, the instance falls back to a conservative local share: its own
 * sends in the window must stay under `floor(limit / expectedInstances)` (at least 1), so
 * instances that share the load evenly stay under the limit together. For one window after
 * the last failure a call must fit that share too, as well as Redis: sends made during the
 * outage are not in Redis (and a restarted Redis has forgotten the window).
 */
export function createRedisRequestBudget(settings: RedisRequestBudgetSettings): RequestBudgetStore {
  const { connection, prefix, expectedInstances, now } = settings;
  /** This instance's own sends per budget key, oldest first. */
  const own = new Map<string, number[]>();
  const member = randomBytes(6).toString('hex');
  let counter = 0;

  const ownLog = (key: string, windowMs: number, at: number): number[] => {
    let log = own.get(key);
    if (log === undefined) {
      log = [];
      own.set(key, log);
    }
    let expired = 0;
    while (expired < log.length && (log[expired] as number) <= at - windowMs) expired += 1;
    if (expired > 0) log.splice(0, expired);
    return log;
  };
  /** 0 when one more own send fits the local share (and records it), else the wait in ms. */
  const takeShare = (log: number[], limit: number, windowMs: number, at: number): number => {
    const share = Math.max(1, Math.floor(limit / expectedInstances));
    if (log.length < share) {
      log.push(at);
      return 0;
    }
    return Math.max(1, (log[log.length - share] as number) + windowMs - at);
  };

  return {
    async take(key, limit, windowMs) {
      if (!Number.isFinite(limit)) return 0;
      const at = now();
      const log = ownLog(key, windowMs, at);
      if (connection.degraded) return takeShare(log, limit, windowMs, at);
      const recovering = at - connection.lastFailureAt < windowMs;
      if (recovering) {
        const share = Math.max(1, Math.floor(limit / expectedInstances));
        if (log.length >= share) return Math.max(1, (log[log.length - share] as number) + windowMs - at);
      }
      counter += 1;
      let wait: number;
      try {
        wait = Number(await connection.script(SLIDING_WINDOW_SCRIPT, [`${prefix}budget:{${key}}`], [limit, Math.ceil(windowMs), `${member}:${counter}`]));
      } catch {
        return takeShare(log, limit, windowMs, now()); // Redis failed just now
      }
      if (wait === 0) log.push(now());
      return wait;
    },
  };
}
