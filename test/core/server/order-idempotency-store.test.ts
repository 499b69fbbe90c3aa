import { describe, expect, it } from 'vitest';
import { createMemoryOrderIdempotencyStore } from '../../../packages/core/src/server/order/order-idempotency-store.ts';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('createMemoryOrderIdempotencyStore', () => {
  it('claims a free key once; a second claim is pending', async () => {
    const store = createMemoryOrderIdempotencyStore();
    expect(await store.claim('k', 1000)).toEqual({ state: 'claimed' });
    expect(await store.claim('k', 1000)).toEqual({ state: 'pending' });
  });

  it('gives exactly one claimed among concurrent claims', async () => {
    const store = createMemoryOrderIdempotencyStore();
    const claims = await Promise.all(Array.from({ length: 10 }, () => store.claim('k', 1000)));
    expect(claims.filter((c) => c.state === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c.state === 'pending')).toHaveLength(9);
  });

  it('answers done with the stored receipt after complete', async () => {
    const store = createMemoryOrderIdempotencyStore();
    await store.claim('k', 1000);
    await store.complete('k', '{"order_id":"ord_1"}', 5000);
    expect(await store.claim('k', 1000)).toEqual({ state: 'done', receipt: '{"order_id":"ord_1"}' });
  });

  it('frees a released key; release does not drop a receipt', async () => {
    const store = createMemoryOrderIdempotencyStore();
    await store.claim('a', 1000);
    await store.release('a');
    expect(await store.claim('a', 1000)).toEqual({ state: 'claimed' });
    await store.complete('a', 'r', 1000);
    await store.release('a');
    expect(await store.claim('a', 1000)).toEqual({ state: 'done', receipt: 'r' });
  });

  it('expires claims and receipts after their ttl', async () => {
    const c = clock();
    const store = createMemoryOrderIdempotencyStore({ now: c.now });
    await store.claim('k', 100);
    c.advance(99);
    expect(await store.claim('k', 100)).toEqual({ state: 'pending' });
    c.advance(1);
    expect(await store.claim('k', 100)).toEqual({ state: 'claimed' });
    await store.complete('k', 'r', 50);
    c.advance(50);
    expect(await store.claim('k', 100)).toEqual({ state: 'claimed' });
  });

  it('keeps at most maxEntries keys, dropping expired then oldest', async () => {
    const c = clock();
    const store = createMemoryOrderIdempotencyStore({ now: c.now, maxEntries: 2 });
    await store.complete('old', 'r0', 10);
    await store.complete('a', 'r1', 1000);
    c.advance(20); // "old" has expired
    await store.complete('b', 'r2', 1000);
    expect(await store.claim('a', 1000)).toEqual({ state: 'done', receipt: 'r1' });
    await store.complete('c', 'r3', 1000); // nothing expired: the oldest write, "a", goes
    expect(await store.claim('b', 1000)).toEqual({ state: 'done', receipt: 'r2' });
    expect(await store.claim('a', 1000)).toEqual({ state: 'claimed' });
  });

  it.each([
    [{ maxEntries: 0 }, /maxEntries to be a positive integer, got number 0/],
    [{ maxEntries: 1.5 }, /maxEntries/],
    [{ now: 5 as unknown as () => number }, /now to be a function, got number 5/],
  ])('rejects bad options %o', (options, message) => {
    expect(() => createMemoryOrderIdempotencyStore(options)).toThrow(message);
  });

  it('rejects bad keys and ttls with TypeErrors', async () => {
    const store = createMemoryOrderIdempotencyStore();
    await expect(store.claim('', 1000)).rejects.toThrow(/key to be a non-empty string/);
    await expect(store.claim('k', 0)).rejects.toThrow(/ttlMs to be a positive number, got number 0/);
    await expect(store.complete('k', 5 as unknown as string, 10)).rejects.toThrow(/receipt to be a string/);
  });
});
