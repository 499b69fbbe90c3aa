/**
 * The order handler on 3 instances sharing one Redis: identical drafts sent to all of them at
 * once place exactly one order, and every instance answers the same receipt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrderable, type Bundle } from '@peeker/core';
import { createOrderHandler, createPeekerClient, type OrderHandler, type PeekerClient } from '@peeker/core/server';
import { createRedisStores, type RedisStores } from '@peeker/redis';
import { startSandbox, type Sandbox } from '@peeker/sandbox';
import { startTestRedis, type TestRedis } from './redis-server.ts';

const LOGIN = { client_id: 366903, login_email: 'ops@client.example', login_password: 'Sm4rtl3ad-s3cret!' };
let redis: TestRedis;
let sandbox: Sandbox;
let bundle: Bundle;
const instances: Array<{ stores: RedisStores; client: PeekerClient; handler: OrderHandler }> = [];

beforeAll(async () => {
  redis = await startTestRedis();
  sandbox = await startSandbox({ seed: 3 });
  for (let i = 0; i < 3; i += 1) {
    const stores = createRedisStores({ url: redis.url, prefix: 'orders:', expectedInstances: 3, onWarning: () => undefined });
    await stores.ready();
    const client = createPeekerClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl, availability: { cache: stores.cache, budget: stores.budget } });
    const handler = createOrderHandler({
      client,
      sequencer: () => ({ ...LOGIN }),
      orderEvents: { token: (id) => `token-for-${id}` },
      idempotency: stores.orderIdempotency,
      onError: () => undefined,
    });
    instances.push({ stores, client, handler });
  }
  bundle = await (instances[0] as (typeof instances)[number]).client.createBundle({ name: 'Redis 25k', monthly_sending_volume: 25_000 });
}, 30_000);

afterAll(async () => {
  for (const { client, stores } of instances) {
    await client.close();
    await stores.close();
  }
  await sandbox?.close();
  await redis?.stop();
});

async function draft(stem: string): Promise<Record<string, unknown>> {
  const client = (instances[0] as (typeof instances)[number]).client;
  const rows = (await client.checkAvailability(Array.from({ length: 60 }, (_v, i) => `${stem}-${i}.com`))).filter(isOrderable);
  const { microsoft, total } = bundle.required_domains;
  const ms = rows.filter((r) => r.usable_for?.includes('microsoft')).slice(0, microsoft);
  const rest = rows.filter((r) => !ms.includes(r)).slice(0, total - microsoft);
  return { user: 'client@example.com', bundle_id: bundle.id, forwarding_url: 'https://acme.com', domains: [...ms, ...rest].map((r) => r.domain), personas: [{ first_name: 'Sam', last_name: 'Lee', profile_picture_url: '' }] };
}

const post = (handler: OrderHandler, body: unknown): Promise<Response> =>
  handler.fetch(new Request('http://local/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));

describe('order idempotency on Redis, 3 instances', () => {
  it('12 identical drafts spread over 3 instances at once: one order, one receipt everywhere', async () => {
    const order = await draft('idem');
    const before = sandbox.stats.orders.created;
    const postsBefore = sandbox.stats.requests['POST /orders'] ?? 0;
    const answers = await Promise.all(Array.from({ length: 12 }, (_v, i) => post((instances[i % 3] as (typeof instances)[number]).handler, { order })));
    const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, json: (await r.json()) as { data?: { id: string } } })));
    expect(bodies.map((b) => b.status)).toEqual(Array(12).fill(200));
    expect(new Set(bodies.map((b) => b.json.data?.id)).size).toBe(1);
    expect(sandbox.stats.orders.created - before).toBe(1);
    // One POST /orders reached Peeker: the other 11 waited for the shared claim, not for Peeker's own dedupe.
    expect((sandbox.stats.requests['POST /orders'] ?? 0) - postsBefore).toBe(1);
  });

  it('orders nothing while Redis is down (503 idempotency_unavailable), and works again after', async () => {
    const order = await draft('down');
    const before = sandbox.stats.orders.created;
    await redis.kill();
    try {
      const refused = await post((instances[1] as (typeof instances)[number]).handler, { order });
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('idempotency_unavailable');
      expect(sandbox.stats.orders.created).toBe(before);
    } finally {
      await redis.restart();
    }
    let status = 0;
    for (let i = 0; i < 60 && status !== 200; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await post((instances[2] as (typeof instances)[number]).handler, { order })).status;
    }
    expect(status).toBe(200);
    expect(sandbox.stats.orders.created - before).toBe(1);
  });
});
