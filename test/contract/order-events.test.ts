/**
 * Live order status end to end on loopback: the sandbox signs webhooks, `createWebhookHandler`
 * verifies them and feeds `createOrderEventsHandler`, whose server-sent-event stream carries
 * one order's events to whoever holds that order's token, and to nobody else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrderable, type Bundle } from '@peeker/core';
import {
  createMemoryOrderEventBus,
  createOrderEventsHandler,
  createOrderHandler,
  createWebhookHandler,
  type OrderEventsHandler,
} from '@peeker/core/server';
import { listen, names, startHarness, type Harness } from './contract-helpers.ts';

const LOGIN = { client_id: 366903, login_email: 'ops@client.example', login_password: 'Sm4rtl3ad-s3cret!' };

let h: Harness;
let bundle: Bundle;
let events: OrderEventsHandler;
let server: Awaited<ReturnType<typeof listen>>;
let stem = 0;

/** Reads an SSE response until it ends; returns the parsed frames. */
async function readStream(response: Response): Promise<{ event: string; id?: string; data: any }[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => {
      const fields = Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
      const data = JSON.parse(fields.data ?? 'null');
      return { event: fields.event ?? data?.type ?? 'message', id: fields.id, data };
    });
}

async function placeOrder(): Promise<{ id: string; token: string }> {
  stem += 1;
  const rows = (await h.client.checkAvailability(names(40, `evt${stem}`))).filter(isOrderable);
  const dual = rows.filter((r) => r.usable_for?.includes('microsoft')).slice(0, bundle.required_domains.microsoft);
  const rest = rows.filter((r) => !dual.includes(r)).slice(0, bundle.required_domains.google);
  const response = await fetch(`${server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      user: 'client@example.com',
      bundle_id: bundle.id,
      domains: [...dual, ...rest].map((r) => r.domain),
      personas: [{ first_name: 'Sam', last_name: 'Lee' }],
    }),
  });
  const body = (await response.json()) as { data: { id: string }; events: { token: string } };
  return { id: body.data.id, token: body.events.token };
}

beforeAll(async () => {
  h = await startHarness({ orderProgressMs: 5 });
  bundle = await h.client.createBundle({ name: 'Events 5k', monthly_sending_volume: 5000 });
  events = createOrderEventsHandler({ secret: 'order-events-secret-0123456789', bus: createMemoryOrderEventBus() });
  const webhooks = createWebhookHandler({ secret: h.sandbox.webhookSecret, onEvent: (event) => events.publish(event) });
  const orders = createOrderHandler({ client: h.client, sequencer: () => ({ ...LOGIN }), orderEvents: events });
  server = await listen((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/api/orders') void orders.node(req, res);
    else if (path === '/api/webhooks') void webhooks.node(req, res);
    else if (path === '/api/orders/events') void events.node(req, res);
    else res.writeHead(404).end();
  });
  h.sandbox.setWebhookUrl(`${server.url}/api/webhooks`);
}, 30_000);

afterAll(async () => {
  events?.close();
  await server?.close();
  await h?.close();
});

describe('createOrderEventsHandler', () => {
  it('streams one order from order.in_progress through every domain.connected to order.completed, then ends', async () => {
    const { id, token } = await placeOrder();
    const response = await fetch(`${server.url}/api/orders/events?order=${id}&token=${encodeURIComponent(token)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const frames = await readStream(response);
    const types = frames.map((f) => f.event);
    expect(types[0]).toBe('order.in_progress');
    expect(types.filter((t) => t === 'domain.connected')).toHaveLength(bundle.required_domains.total);
    expect(types.at(-2)).toBe('order.completed');
    expect(types.at(-1)).toBe('end');
    for (const frame of frames.slice(0, -1)) expect(frame.data.order_id).toBe(id);
    expect(JSON.stringify(frames)).not.toContain(LOGIN.login_password);
    expect(new Set(frames.map((f) => f.id)).size).toBe(frames.length); // no repeats
  });

  it('skips what the browser already saw (Last-Event-ID) on a reconnect', async () => {
    const { id, token } = await placeOrder();
    await h.sandbox.idle();
    const url = `${server.url}/api/orders/events?order=${id}&token=${encodeURIComponent(token)}`;
    const all = await readStream(await fetch(url));
    const third = all[2]!.id!;
    const rest = await readStream(await fetch(url, { headers: { 'last-event-id': third } }));
    expect(rest.map((f) => f.id)).toEqual(all.slice(3).map((f) => f.id));
  });

  it.each([
    ['no token', (id: string) => `order=${id}`, 400],
    ['a token of another order', (id: string) => `order=${id}&token=${encodeURIComponent(events.token('ord_someone_else'))}`, 403],
    ['a forged token', (id: string) => `order=${id}&token=9999999999.${'A'.repeat(43)}`, 403],
    ['no order', () => `token=${encodeURIComponent(events.token('ord_x'))}`, 400],
  ])('refuses %s', async (_, query, status) => {
    const { id } = await placeOrder();
    const response = await fetch(`${server.url}/api/orders/events?${query(id)}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/json/);
  });

  it('expires tokens and works in the fetch form too', async () => {
    let clock = Date.parse('2026-05-08T12:00:00Z');
    const local = createOrderEventsHandler({ secret: 'another-secret-0123456789', tokenTtlSeconds: 60, now: () => clock });
    const token = local.token('ord_abc');
    expect(local.verify('ord_abc', token)).toBe(true);
    expect(local.verify('ord_abd', token)).toBe(false);
    await local.publish({ id: 'evt_1', type: 'order.in_progress', data: { id: 'ord_abc', status: 'in_progress' } });
    await local.publish({ id: 'evt_2', type: 'domain.connected', data: { order_id: 'ord_abc', domain: 'getacme.com' } });
    await local.publish({ id: 'evt_3', type: 'order.completed', data: { id: 'ord_abc', status: 'completed', domain_count: 1 } });
    await local.publish({ id: 'evt_4', type: 'order.completed', data: { id: 'ord_other', status: 'completed' } });
    const response = await local.fetch(new Request(`http://x/events?order=ord_abc&token=${encodeURIComponent(token)}`));
    const frames = await readStream(response);
    expect(frames.map((f) => [f.event, f.data.domain ?? null])).toEqual([
      ['order.in_progress', null],
      ['domain.connected', 'getacme.com'],
      ['order.completed', null],
      ['end', null],
    ]);
    clock += 61_000;
    expect(local.verify('ord_abc', token)).toBe(false);
    const expired = await local.fetch(new Request(`http://x/events?order=ord_abc&token=${encodeURIComponent(token)}`));
    expect(expired.status).toBe(403);
  });
});
