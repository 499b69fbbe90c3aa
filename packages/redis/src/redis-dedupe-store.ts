import { randomBytes } from 'node:crypto';
import type { WebhookClaimState, WebhookDedupeStore } from '@peeker/core/server';
import type { RedisConnection } from './redis-connection.ts';

/**
 * Claim = `SET NX PX` done atomically with reading who holds the id. Values: `P:<token>`
 * (being processed by the holder of token) or `D` (processed).
 * KEYS[1] = the id's key; ARGV = token, claim ttl ms.
 */
const CLAIM_SCRIPT = `
local v = redis.call('GET', KEYS[1])
if v then
  if v == 'D' then return 'done' end
  return 'processing'
end
redis.call('SET', KEYS[1], 'P:' .. ARGV[1], 'PX', ARGV[2])
return 'claimed'
`;

/** Drops a claim only when it is still ours (never a `D` mark, never someone else's claim). */
const FORGET_SCRIPT = `
if redis.call('GET', KEYS[1]) == 'P:' .. ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** Settings of {@link createRedisDedupeStore}. */
export interface RedisDedupeStoreSettings {
  connection: RedisConnection;
  prefix: string;
}

/**
 * The shared webhook dedupe store. A claim expires after the handler's `claimTtlMs`, so an
 * event whose handler crashed is processed again on a later delivery. When Redis is down,
 * `claim` rejects: the webhook handler then answers 500 and Peeker redelivers later (nothing
 * is acknowledged that was not recorded).
 */
export function createRedisDedupeStore(settings: RedisDedupeStoreSettings): WebhookDedupeStore {
  const { connection, prefix } = settings;
  const key = (eventId: string): string => `${prefix}event:${eventId}`;
  const owner = randomBytes(6).toString('hex');
  let counter = 0;
  /** Tokens of the claims this process holds (one per event id at a time). */
  const tokens = new Map<string, string>();

  return {
    async claim(eventId, ttlMs) {
      counter += 1;
      const token = `${owner}:${counter}`;
      const state = String(await connection.script(CLAIM_SCRIPT, [key(eventId)], [token, Math.ceil(ttlMs)])) as WebhookClaimState;
      if (state === 'claimed') tokens.set(eventId, token);
      return state;
    },
    async done(eventId, ttlMs) {
      tokens.delete(eventId);
      await connection.run(['SET', key(eventId), 'D', 'PX', String(Math.ceil(ttlMs))]);
    },
    async forget(eventId) {
      const token = tokens.get(eventId);
      tokens.delete(eventId);
      if (token !== undefined) await connection.script(FORGET_SCRIPT, [key(eventId)], [token]);
    },
  };
}
