import { afterEach, describe, expect, it } from 'vitest';
import { signWebhook, type WebhookEvent } from '@peeker/core';
import { createWebhookHandler } from '@peeker/core/server';
import { listen, orderInput, pickOrderable, smallBundle, startHarness, waitFor, type Harness } from './contract-helpers.ts';

let harness: Harness | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await harness?.close();
  harness = undefined;
});

describe('webhooks end to end: sandbox → createWebhookHandler on a loopback server', () => {
  it('delivers order.in_progress, domain.connected × n and order.completed, signed and verified', async () => {
    harness = await startHarness({ orderProgressMs: 5 });
    const received: WebhookEvent[] = [];
    const errors: unknown[] = [];
    const handler = createWebhookHandler({
      secret: ['whsec_other_rotation', harness.sandbox.webhookSecret],
      onEvent: (event) => void received.push(event),
      onError: (error) => void errors.push(error),
    });
    const endpoint = await listen((req, res) => void handler.node(req, res));
    cleanups.push(endpoint.close);
    harness.sandbox.setWebhookUrl(`${endpoint.url}/webhooks/peeker`);

    const bundle = await smallBundle(harness.client);
    const { chosen } = await pickOrderable(harness.client, bundle.required_domains, 'hook');
    const { order } = await harness.client.createOrder(orderInput(bundle, chosen));
    await waitFor(() => received.filter((e) => e.type !== 'order.in_progress').length === 5 && received.length === 6);
    await harness.sandbox.idle();

    const types = received.map((e) => e.type);
    expect(types.filter((t) => t === 'order.in_progress')).toHaveLength(1);
    expect(types.filter((t) => t === 'domain.connected')).toHaveLength(4);
    expect(types.filter((t) => t === 'order.completed')).toHaveLength(1);
    expect(new Set(received.map((e) => e.id)).size).toBe(6);
    const connected = received.filter((e) => e.type === 'domain.connected').map((e) => e.data.domain as string);
    expect(connected.sort()).toEqual([...chosen].sort());
    const completed = received.find((e) => e.type === 'order.completed') as WebhookEvent;
    expect(completed.data).toMatchObject({ id: order.id, status: 'completed' });
    expect(errors).toEqual([]);
    expect(harness.sandbox.stats.webhooks).toMatchObject({ emitted: 6, delivered: 6, failed: 0 });
  });

  it('retries a failed delivery; duplicates are acknowledged without calling onEvent again', async () => {
    harness = await startHarness({ orderProgressMs: 5, webhookRetryDelaysMs: [5, 5, 5] });
    const received: string[] = [];
    const handler = createWebhookHandler({ secret: harness.sandbox.webhookSecret, onEvent: (e) => void received.push(e.id) });
    const failedOnce = new Set<string>();
    const endpoint = await listen((req, res) => {
      const id = String(req.headers['peeker-event-id']);
      if (!failedOnce.has(id)) {
        // The first attempt of every event fails with 503: the sandbox must retry it.
        failedOnce.add(id);
        req.resume();
        res.statusCode = 503;
        res.end();
        return;
      }
      void handler.node(req, res);
    });
    cleanups.push(endpoint.close);
    harness.sandbox.setWebhookUrl(endpoint.url);
    const bundle = await smallBundle(harness.client);
    const { chosen } = await pickOrderable(harness.client, bundle.required_domains, 'retry');
    await harness.client.createOrder(orderInput(bundle, chosen));
    await waitFor(() => received.length === 6);
    await harness.sandbox.idle();
    expect(new Set(received).size).toBe(6);
    expect(harness.sandbox.stats.webhooks.delivered).toBe(6);
    expect(harness.sandbox.stats.webhooks.attempts).toBe(12);

    // Replaying a delivered event (same id, freshly signed): 200 duplicate, onEvent not called.
    const events = harness.sandbox.events;
    expect(events.every((e) => e.delivery === 'delivered')).toBe(true);
    const first = events[0] as (typeof events)[number];
    const body = JSON.stringify({ id: first.id, type: first.type, created_at: first.created_at, data: first.data });
    const headers = await signWebhook({ body, secret: harness.sandbox.webhookSecret, eventId: first.id });
    const replay = await handler.fetch(new Request('http://local/webhooks', { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json' } }));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(6);
  });

  it('an event whose onEvent throws is answered 500 and redelivered by the sandbox, then processed (never lost)', async () => {
    harness = await startHarness({ orderProgressMs: 5, webhookRetryDelaysMs: [5, 5, 5] });
    const attempts = new Map<string, number>();
    const processed: string[] = [];
    const handler = createWebhookHandler({
      secret: harness.sandbox.webhookSecret,
      onError: () => undefined,
      onEvent: (e) => {
        const n = (attempts.get(e.id) ?? 0) + 1;
        attempts.set(e.id, n);
        if (n === 1) throw new Error('database down');
        processed.push(e.id);
      },
    });
    const endpoint = await listen((req, res) => void handler.node(req, res));
    cleanups.push(endpoint.close);
    harness.sandbox.setWebhookUrl(endpoint.url);
    const bundle = await smallBundle(harness.client);
    const { chosen } = await pickOrderable(harness.client, bundle.required_domains, 'lost');
    await harness.client.createOrder(orderInput(bundle, chosen));
    await waitFor(() => processed.length === 6);
    await harness.sandbox.idle();
    expect(new Set(processed).size).toBe(6);
    expect([...attempts.values()].every((n) => n === 2)).toBe(true);
    expect(harness.sandbox.stats.webhooks.delivered).toBe(6);
    expect(harness.sandbox.stats.webhooks.attempts).toBe(12);
  });

  it('rejects deliveries signed with another secret (400 invalid_signature)', async () => {
    harness = await startHarness({ orderProgressMs: 5, webhookSecret: 'whsec_not_the_receivers', webhookRetryDelaysMs: [] });
    const received: string[] = [];
    const statuses: number[] = [];
    const handler = createWebhookHandler({ secret: 'whsec_receiver', onEvent: (e) => void received.push(e.id) });
    const endpoint = await listen((req, res) => {
      res.on('finish', () => statuses.push(res.statusCode));
      void handler.node(req, res);
    });
    cleanups.push(endpoint.close);
    harness.sandbox.setWebhookUrl(endpoint.url);
    const bundle = await smallBundle(harness.client);
    const { chosen } = await pickOrderable(harness.client, bundle.required_domains, 'badsig');
    await harness.client.createOrder(orderInput(bundle, chosen));
    await harness.sandbox.idle();
    expect(received).toEqual([]);
    expect(statuses.length).toBe(6);
    expect(statuses.every((s) => s === 400)).toBe(true);
    expect(harness.sandbox.stats.webhooks.failed).toBe(6);
  });
});
