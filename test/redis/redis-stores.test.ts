import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PeekerError, signWebhook, type AvailabilityRow } from '@peeker/core';
import { createWebhookHandler } from '@peeker/core/server';
import { createRedisStores, type RedisStores } from '@peeker/redis';
import { connectMinimalClient, redisAdmin, startTestRedis, type TestRedis } from './redis-server.ts';

let redis: TestRedis;
const open: RedisStores[] = [];
let prefixCounter = 0;

/** One "instance": its own connection, a prefix shared by the instances of one test. */
function instance(prefix: string, options: { expectedInstances?: number; commandTimeoutMs?: number; cooldownMs?: number; onWarning?: (m: string) => void } = {}): RedisStores {
  const stores = createRedisStores({
    url: redis.url,
    prefix,
    expectedInstances: options.expectedInstances ?? 3,
    commandTimeoutMs: options.commandTimeoutMs ?? 1000,
    cooldownMs: options.cooldownMs ?? 100,
    onWarning: options.onWarning ?? (() => undefined),
  });
  open.push(stores);
  return stores;
}

const freshPrefix = (): string => `t${(prefixCounter += 1)}:`;

function row(domain: string, checkedAt: number, extra: Partial<AvailabilityRow> = {}): AvailabilityRow {
  return { domain, available: true, premium: false, price_cents: 1300, usable_for: ['google'], checked_at: checkedAt, ...extra };
}

beforeAll(async () => {
  redis = await startTestRedis();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await redis.stop();
});

describe('Redis request budget', () => {
  it('is atomic across instances: 3 connections racing for 50 slots record exactly 50', async () => {
    const prefix = freshPrefix();
    const stores = [instance(prefix), instance(prefix), instance(prefix)];
    await Promise.all(stores.map((s) => s.ready()));
    const answers = await Promise.all(
      Array.from({ length: 240 }, (_v, i) => (stores[i % 3] as RedisStores).budget.take('key-a', 50, 60_000)),
    );
    expect(answers.filter((w) => w === 0)).toHaveLength(50);
    const waits = answers.filter((w) => w !== 0);
    expect(waits.every((w) => w > 0 && w <= 60_000)).toBe(true);
    // Another budget key has its own window.
    expect(await (stores[0] as RedisStores).budget.take('key-b', 50, 60_000)).toBe(0);
  });
});

describe('Redis availability cache', () => {
  it('shares rows between instances, with the TTL counted from checked_at, and never stores stale or errored rows', async () => {
    const prefix = freshPrefix();
    const [a, b] = [instance(prefix), instance(prefix)];
    await Promise.all([a.ready(), b.ready()]);
    const now = Date.now();
    await a.cache.set(
      [
        row('shared.com', now),
        row('old.com', now - 10_000),
        { domain: 'stale.com', available: false, premium: false, reason: 'stale', checked_at: now },
        { domain: 'errored.com', available: false, premium: false, reason: 'errored', checked_at: now },
      ],
      5_000,
    );
    const got = await b.cache.get(['shared.com', 'old.com', 'stale.com', 'errored.com', 'never.com'], now);
    expect(got.map((r) => r?.domain)).toEqual(['shared.com', undefined, undefined, undefined, undefined]);
    expect(got[0]).toEqual(row('shared.com', now));
    // b now holds it locally too (peek is synchronous).
    expect(b.cache.peek?.('shared.com', now)?.domain).toBe('shared.com');
    // Read with a clock past checked_at + ttl: expired, locally and in Redis.
    expect((await b.cache.get(['shared.com'], now + 5_000))[0]).toBeUndefined();
    await a.cache.clear();
    const c = instance(prefix);
    await c.ready();
    expect((await c.cache.get(['shared.com'], now))[0]).toBeUndefined();
  });
});

describe('Redis webhook dedupe', () => {
  it('gives exactly one claim among racing instances, keeps done marks, and only the holder can release', async () => {
    const prefix = freshPrefix();
    const stores = [instance(prefix), instance(prefix), instance(prefix)];
    await Promise.all(stores.map((s) => s.ready()));
    const states = await Promise.all(stores.map((s) => s.dedupe.claim('evt_1', 60_000)));
    expect(states.filter((s) => s === 'claimed')).toHaveLength(1);
    expect(states.filter((s) => s === 'processing')).toHaveLength(2);
    const holder = stores[states.indexOf('claimed')] as RedisStores;
    const other = stores.find((s) => s !== holder) as RedisStores;
    await other.dedupe.forget('evt_1'); // not its claim: no effect
    expect(await other.dedupe.claim('evt_1', 60_000)).toBe('processing');
    await holder.dedupe.forget('evt_1');
    expect(await other.dedupe.claim('evt_1', 60_000)).toBe('claimed');
    await other.dedupe.done('evt_1', 60_000);
    await other.dedupe.forget('evt_1');
    expect(await holder.dedupe.claim('evt_1', 60_000)).toBe('done');
  });

  it('lets the claim of a crashed handler expire', async () => {
    const prefix = freshPrefix();
    const a = instance(prefix);
    await a.ready();
    expect(await a.dedupe.claim('evt_crash', 50)).toBe('claimed');
    await new Promise((r) => setTimeout(r, 120));
    expect(await a.dedupe.claim('evt_crash', 50)).toBe('claimed');
  });

  it('the same signed event delivered to 3 instances at once, 20 times: onEvent runs exactly once per event; a failure is run again on the next delivery', async () => {
    const prefix = freshPrefix();
    const secret = 'whsec_redis';
    const runs = new Map<string, number>();
    let failNext = false;
    const handlers = [0, 1, 2].map((i) => {
      const stores = instance(prefix);
      return {
        stores,
        handler: createWebhookHandler({
          secret,
          dedupe: stores.dedupe,
          onError: () => undefined,
          onEvent: async (event) => {
            runs.set(event.id, (runs.get(event.id) ?? 0) + 1);
            await new Promise((r) => setTimeout(r, 5 + i));
            if (failNext) {
              failNext = false;
              throw new Error('downstream failed');
            }
          },
        }),
      };
    });
    await Promise.all(handlers.map((h) => h.stores.ready()));
    const deliver = async (id: string): Promise<number[]> => {
      const body = JSON.stringify({ id, type: 'order.completed', created_at: '2026-05-08T12:00:00Z', data: { id: 'ord_1' } });
      const headers = await signWebhook({ body, secret, eventId: id });
      const responses = await Promise.all(
        handlers.map(({ handler }) => handler.fetch(new Request('http://local/', { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json' } }))),
      );
      return responses.map((r) => r.status).sort();
    };
    for (let i = 0; i < 20; i += 1) {
      const statuses = await deliver(`evt_all_${i}`);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(2);
    }
    expect([...runs.values()]).toEqual(Array.from({ length: 20 }, () => 1));

    failNext = true;
    const failed = await deliver('evt_fails');
    expect(failed.filter((s) => s === 500)).toHaveLength(1);
    expect(failed).not.toContain(200);
    const redelivered = await deliver('evt_fails');
    expect(redelivered.filter((s) => s === 200)).toHaveLength(1);
    expect(runs.get('evt_fails')).toBe(2);
    expect(await deliver('evt_fails')).toEqual([200, 200, 200]); // all duplicates now
    expect(runs.get('evt_fails')).toBe(2);
  });
});

describe('Redis order idempotency', () => {
  it('claims once, reports pending and the stored receipt, and never releases a receipt', async () => {
    const prefix = freshPrefix();
    const [a, b] = [instance(prefix), instance(prefix)];
    await Promise.all([a.ready(), b.ready()]);
    const claims = await Promise.all([a.orderIdempotency.claim('k1', 60_000), b.orderIdempotency.claim('k1', 60_000)]);
    expect(claims.map((c) => c.state).sort()).toEqual(['claimed', 'pending']);
    await a.orderIdempotency.release('k1');
    expect(await b.orderIdempotency.claim('k1', 60_000)).toEqual({ state: 'claimed' });
    await b.orderIdempotency.complete('k1', '{"data":{"id":"ord_1"}}', 60_000);
    await b.orderIdempotency.release('k1');
    expect(await a.orderIdempotency.claim('k1', 60_000)).toEqual({ state: 'done', receipt: '{"data":{"id":"ord_1"}}' });
  });
});

describe('when Redis is down or slow', () => {
  it('falls back as documented (budget: local share, cache: per process, dedupe and orders: refuse), never hangs, and recovers', async () => {
    const prefix = freshPrefix();
    const warnings: string[] = [];
    const stores = instance(prefix, { expectedInstances: 3, commandTimeoutMs: 200, cooldownMs: 50, onWarning: (m) => warnings.push(m) });
    await stores.ready();
    const now = Date.now();
    await stores.cache.set([row('kept.com', now)], 60_000);
    await redis.kill();
    try {
      // Budget: 600 shared by 3 instances → 200 for this one while Redis is away.
      const answers: number[] = [];
      for (let i = 0; i < 210; i += 1) answers.push(await stores.budget.take('key', 600, 60_000));
      expect(answers.filter((w) => w === 0)).toHaveLength(200);
      expect(stores.degraded).toBe(true);
      // Cache: what this process holds still answers; nothing throws.
      expect((await stores.cache.get(['kept.com', 'other.com'], now)).map((r) => r?.domain)).toEqual(['kept.com', undefined]);
      await stores.cache.set([row('local-only.com', now)], 60_000);
      expect(stores.cache.peek?.('local-only.com', now)?.domain).toBe('local-only.com');
      // Dedupe and orders refuse with a typed, retryable error.
      const refused = await Promise.resolve().then(() => stores.dedupe.claim('evt_x', 1000)).then(() => undefined, (e: unknown) => e);
      expect(PeekerError.is(refused) && refused.code === 'redis_unavailable' && refused.retryable).toBe(true);
      await expect(stores.orderIdempotency.claim('k', 1000)).rejects.toMatchObject({ code: 'redis_unavailable' });
      // The webhook handler acknowledges nothing it could not record.
      const onEvent = vi.fn();
      const handler = createWebhookHandler({ secret: 's', dedupe: stores.dedupe, onEvent, onError: () => undefined });
      const body = JSON.stringify({ id: 'evt_down', type: 'order.completed', data: {} });
      const response = await handler.fetch(new Request('http://local/', { method: 'POST', body, headers: { ...(await signWebhook({ body, secret: 's' })) } }));
      expect(response.status).toBe(500);
      expect(onEvent).not.toHaveBeenCalled();
      expect(warnings.filter((w) => w.includes('unavailable'))).toHaveLength(1);
    } finally {
      await redis.restart();
    }
    // Back: after the cooldown the stores use Redis again.
    let state: string | undefined;
    for (let i = 0; i < 100 && state === undefined; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      state = await Promise.resolve().then(() => stores.dedupe.claim('evt_after', 1000)).catch(() => undefined);
    }
    expect(state).toBe('claimed');
    expect(stores.degraded).toBe(false);
    expect(warnings.some((w) => w.includes('back'))).toBe(true);
  });

  it('times out slow commands (CLIENT PAUSE) instead of hanging, and falls back', async () => {
    const prefix = freshPrefix();
    const stores = instance(prefix, { commandTimeoutMs: 100, cooldownMs: 50 });
    await stores.ready();
    try {
      expect(await redisAdmin(redis.port, 'CLIENT PAUSE 1500 ALL')).toBe('+OK');
      const refused = await Promise.resolve().then(() => stores.dedupe.claim('evt_slow', 1000)).then(() => 'answered', (e: unknown) => (PeekerError.is(e) ? e.code : 'other'));
      expect(refused).toBe('redis_unavailable');
      expect(await stores.budget.take('slow', 600, 60_000)).toBe(0); // local share
      expect(stores.degraded).toBe(true);
    } finally {
      await redisAdmin(redis.port, 'CLIENT UNPAUSE').catch(() => undefined);
    }
  });
});

describe('Redis down at startup', () => {
  it('ready() does not hang, the stores fall back, close() returns, and Redis is used once it starts', async () => {
    const late = await startTestRedis();
    await late.kill(); // its port is free: nothing listens
    const warnings: string[] = [];
    const stores = createRedisStores({ url: late.url, prefix: freshPrefix(), expectedInstances: 2, commandTimeoutMs: 200, cooldownMs: 50, onWarning: (m) => warnings.push(m) });
    try {
      await stores.ready(); // resolves after the connect timeout
      expect(warnings.some((w) => w.includes('not reachable') || w.includes('could not connect'))).toBe(true);
      expect(await stores.budget.take('k', 10, 60_000)).toBe(0); // local share: 5 of 10
      await expect(Promise.resolve().then(() => stores.dedupe.claim('evt_s', 1000))).rejects.toMatchObject({ code: 'redis_unavailable' });
      await late.restart();
      let state: string | undefined;
      for (let i = 0; i < 100 && state === undefined; i += 1) {
        await new Promise((r) => setTimeout(r, 50));
        state = await Promise.resolve().then(() => stores.dedupe.claim('evt_s', 1000)).catch(() => undefined);
      }
      expect(state).toBe('claimed');
    } finally {
      await stores.close();
      await late.stop();
    }
    const never = createRedisStores({ url: 'redis://127.0.0.1:1', expectedInstances: 1, commandTimeoutMs: 100, onWarning: () => undefined });
    await never.close(); // while still connecting
    await never.ready();
  });
});

describe('createRedisStores with a given client', () => {
  it('works through any client with sendCommand (here a 60-line RESP client) and leaves it open on close', async () => {
    const client = await connectMinimalClient(redis.port);
    try {
      const stores = createRedisStores({ client, prefix: freshPrefix(), expectedInstances: 2 });
      expect(await stores.budget.take('k', 2, 60_000)).toBe(0); // EVALSHA → NOSCRIPT → EVAL on a fresh script
      expect(await stores.budget.take('k', 2, 60_000)).toBe(0);
      expect(await stores.budget.take('k', 2, 60_000)).toBeGreaterThan(0);
      expect(await stores.dedupe.claim('evt_c', 1000)).toBe('claimed');
      await stores.close();
      expect(await client.sendCommand(['PING'])).toBe('PONG');
      expect(client.commands).toBeGreaterThan(4);
    } finally {
      client.close();
    }
  });
});

describe('createRedisStores options', () => {
  it('rejects missing or wrong options with a TypeError', () => {
    expect(() => createRedisStores({ expectedInstances: 2 })).toThrow(TypeError);
    expect(() => createRedisStores({ url: 'redis://127.0.0.1:1', expectedInstances: 0 })).toThrow(TypeError);
    expect(() => createRedisStores({ url: 'redis://127.0.0.1:1' } as never)).toThrow(/expectedInstances/);
    expect(() => createRedisStores({ client: {} as never, expectedInstances: 2 })).toThrow(TypeError);
  });
});
