import { describe, expect, it } from 'vitest';
import { createMemoryAvailabilityCache, isCacheableRow, type AvailabilityRow } from '@peeker/core';

const row = (domain: string, checkedAt: number, extra: Partial<AvailabilityRow> = {}): AvailabilityRow => ({
  domain,
  available: true,
  premium: false,
  checked_at: checkedAt,
  ...extra,
});

describe('createMemoryAvailabilityCache', () => {
  it('keeps at most maxEntries rows, dropping the least recently used first', () => {
    const cache = createMemoryAvailabilityCache({ maxEntries: 2 });
    cache.set([row('a.com', 0), row('b.com', 0)], 1000);
    expect(cache.get(['a.com'], 1)[0]?.domain).toBe('a.com'); // a is now the most recent
    cache.set([row('c.com', 0)], 1000);
    expect(cache.size).toBe(2);
    expect(cache.get(['a.com', 'b.com', 'c.com'], 1).map((r) => r?.domain)).toEqual(['a.com', undefined, 'c.com']);
  });

  it('expires a row on read at checked_at + ttl, counted from when Peeker answered', () => {
    const cache = createMemoryAvailabilityCache();
    cache.set([row('x.com', 1000)], 500);
    expect(cache.get(['x.com'], 1499)[0]?.domain).toBe('x.com');
    expect(cache.peek('x.com', 1499)?.domain).toBe('x.com');
    expect(cache.get(['x.com'], 1500)[0]).toBeUndefined();
    expect(cache.size).toBe(0); // dropped when read expired
  });

  it('never stores stale, errored or unstamped rows', () => {
    const cache = createMemoryAvailabilityCache();
    const rows = [
      row('stale.com', 0, { available: false, reason: 'stale' }),
      row('errored.com', 0, { available: false, reason: 'errored' }),
      { domain: 'nostamp.com', available: true },
      row('taken.com', 0, { available: false, reason: 'taken' }),
    ];
    expect(rows.map(isCacheableRow)).toEqual([false, false, false, true]);
    cache.set(rows, 1000);
    expect(cache.size).toBe(1);
    expect(cache.get(rows.map((r) => r.domain), 1).map((r) => r?.domain)).toEqual([undefined, undefined, undefined, 'taken.com']);
  });

  it('looks up only the names asked: a read never walks the other rows (150,000 expired rows stay until read or evicted)', () => {
    const cache = createMemoryAvailabilityCache({ maxEntries: 200_000 });
    cache.set(Array.from({ length: 150_000 }, (_v, i) => row(`n${i}.com`, 0)), 10);
    const got = cache.get(['n1.com', 'missing.com'], 1_000);
    expect(got).toEqual([undefined, undefined]);
    expect(cache.size).toBe(149_999); // only the one expired row that was read went away
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('rejects a bad maxEntries with a TypeError', () => {
    expect(() => createMemoryAvailabilityCache({ maxEntries: 0 })).toThrow(TypeError);
    expect(() => createMemoryAvailabilityCache({ maxEntries: 1.5 })).toThrow(/positive integer/);
    expect(() => createMemoryAvailabilityCache(null as never)).toThrow(TypeError);
  });
});
