import { createMemoryAvailabilityCache, isCacheableRow, type AvailabilityCache, type AvailabilityRow } from '@peeker/core';
import type { RedisConnection } from './redis-connection.ts';

/** Settings of {@link createRedisAvailabilityCache}. */
export interface RedisAvailabilityCacheSettings {
  connection: RedisConnection;
  /** Key prefix, e.g. `peeker:`. */
  prefix: string;
  /** Rows this process keeps in front of Redis (an LRU). */
  maxLocalEntries: number;
  now: () => number;
}

/**
 * Writes one batch of rows in one round trip: KEYS = row keys, ARGV = JSON and PX per key.
 * (A multi-key script: on Redis Cluster give the prefix a hash tag, see the README.)
 */
const SET_ROWS_SCRIPT = `
for i, key in ipairs(KEYS) do
  redis.call('SET', key, ARGV[2 * i - 1], 'PX', ARGV[2 * i])
end
return #KEYS
`;

/** What is stored per name: the row and when it expires (`checked_at + ttlMs`). */
interface StoredRow {
  row: AvailabilityRow;
  expiresAt: number;
}

/**
 * The shared availability cache: one Redis string per name (`<prefix>row:<name>`, JSON,
 * expiring with the row), with a bounded per-process LRU in front. Rows never change before
 * they expire (a row is keyed by when Peeker answered), so the local copy cannot go stale;
 * only `clear()` on another instance is not seen by this one's local copy.
 *
 * Lookups: local hits first, then one `MGET` for the rest. Writes: local, then one Lua call
 * per batch (`SET … PX` per row). `stale`/`errored` rows and rows without `checked_at` are never
 * stored. When Redis is down or slow, lookups answer from the local LRU only and writes keep
 * only the local copy: the cache degrades to per-process, checks never fail because of it.
 */
export function createRedisAvailabilityCache(settings: RedisAvailabilityCacheSettings): AvailabilityCache {
  const { connection, prefix, now } = settings;
  const local = createMemoryAvailabilityCache({ maxEntries: settings.maxLocalEntries });
  const key = (name: string): string => `${prefix}row:${name}`;

  return {
    async get(names, at) {
      const slots: Array<AvailabilityRow | undefined> = names.map((name) => local.peek(name, at));
      const missing = names.filter((_name, i) => slots[i] === undefined);
      if (missing.length === 0 || connection.degraded) return slots;
      let replies: unknown;
      try {
        replies = await connection.run(['MGET', ...missing.map(key)]);
      } catch {
        return slots; // per-process only while Redis is away
      }
      if (!Array.isArray(replies)) return slots;
      const found = new Map<string, StoredRow>();
      missing.forEach((name, i) => {
        const text = replies[i];
        if (typeof text !== 'string') return;
        try {
          const stored = JSON.parse(text) as StoredRow;
          if (stored.row?.domain === name && at < stored.expiresAt && isCacheableRow(stored.row)) found.set(name, stored);
        } catch {
          // A damaged entry is a miss.
        }
      });
      for (const stored of found.values()) {
        local.set([stored.row], stored.expiresAt - (stored.row.checked_at as number));
      }
      return names.map((name, i) => slots[i] ?? found.get(name)?.row);
    },
    async set(rows, ttlMs) {
      const keep = rows.filter(isCacheableRow);
      local.set(keep, ttlMs);
      if (connection.degraded) return;
      const at = now();
      const keys: string[] = [];
      const args: string[] = [];
      for (const row of keep) {
        const expiresAt = (row.checked_at as number) + ttlMs;
        const left = Math.floor(expiresAt - at);
        if (left <= 0) continue;
        const stored: StoredRow = { row, expiresAt };
        keys.push(key(row.domain));
        args.push(JSON.stringify(stored), String(left));
      }
      if (keys.length === 0) return;
      try {
        await connection.script(SET_ROWS_SCRIPT, keys, args);
      } catch {
        // Kept locally; only sharing is lost.
      }
    },
    peek(name, at) {
      return local.peek(name, at);
    },
    async clear() {
      local.clear();
      let cursor = '0';
      do {
        const reply = (await connection.run(['SCAN', cursor, 'MATCH', `${prefix}row:*`, 'COUNT', '1000'])) as [string, string[]];
        cursor = String(reply[0]);
        if (reply[1].length > 0) await connection.run(['UNLINK', ...reply[1]]);
      } while (cursor !== '0');
    },
  };
}
