import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { signWebhook, type WebhookEvent } from '@peeker/core';
import { createMemoryDedupeStore, createWebhookHandler, type WebhookDeliveryInfo } from '@peeker/core/server';

const SECRET = 'whsec_unit';
const NOW = Date.parse('2026-05-08T12:00:00Z');

function event(id = 'evt_01', type = 'order.completed'): string {
  return JSON.stringify({ id, type, created_at: '2026-05-08T12:00:00Z', data: { id: 'ord_1', status: 'completed' } });
}

async function signed(body: string, options: { secret?: string; timestamp?: number; eventId?: string } = {}): Promise<Request> {
  const headers = await signWebhook({
    body,
    secret: options.secret ?? SECRET,
    timestamp: options.timestamp ?? Math.floor(NOW / 1000),
    eventId: options.eventId ?? (JSON.parse(body) as { id: string }).id,
  });
  return new Request('http://local/webhooks/peeker', { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json' } });
}

/** Resolves after queued macrotasks ran (onEvent runs after the answer). */
const flush = () => new Promise((r) => setTimeout(r, 5));

describe('createWebhookHandler (fetch form)', () => {
  it('by default runs onEvent once with the verified event, then answers 200 (acknowledge after success)', async () => {
    const order: string[] = [];
    const onEvent = vi.fn((e: WebhookEvent, _info: WebhookDeliveryInfo) => void order.push(`event:${e.type}`));
    const handler = createWebhookHandler({ secret: SECRET, onEvent, now: () => NOW });
    const response = await handler.fetch(await signed(event()));
    order.push('answered');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(order).toEqual(['event:order.completed', 'answered']);
    expect(onEvent.mock.calls[0]?.[1]?.eventId).toBe('evt_01');
  });

  it("acknowledge: 'before-processing' answers 200 first, then calls onEvent", async () => {
    const order: string[] = [];
    const onEvent = vi.fn((e: WebhookEvent) => void order.push(`event:${e.type}`));
    const handler = createWebhookHandler({ secret: SECRET, onEvent, acknowledge: 'before-processing', now: () => NOW });
    const response = await handler.fetch(await signed(event()));
    order.push('answered');
    expect(response.status).toBe(200);
    await flush();
    expect(order).toEqual(['answered', 'event:order.completed']);
  });

  it('answers 409 to a delivery whose event is being processed, and runs it again on the next delivery when the first one fails', async () => {
    let fail: (error: Error) => void = () => undefined;
    const runs: string[] = [];
    const onEvent = vi.fn((e: WebhookEvent) => {
      runs.push(e.id);
      if (runs.length === 1) return new Promise<void>((_resolve, reject) => (fail = reject));
      return undefined;
    });
    const handler = createWebhookHandler({ secret: SECRET, onEvent, onError: () => undefined, now: () => NOW });
    const first = handler.fetch(await signed(event('evt_P')));
    await flush();
    const during = await handler.fetch(await signed(event('evt_P')));
    expect(during.status).toBe(409);
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe('event_in_progress');
    fail(new Error('database down'));
    expect((await first).status).toBe(500);
    const retry = await handler.fetch(await signed(event('evt_P')));
    expect([retry.status, await retry.json()]).toEqual([200, { received: true }]);
    expect(runs).toEqual(['evt_P', 'evt_P']);
    const late = await handler.fetch(await signed(event('evt_P')));
    expect(await late.json()).toEqual({ received: true, duplicate: true });
  });

  it('refuses bad signature headers before reading the body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode(event()));
        controller.close();
      },
    }, { highWaterMark: 0 });
    const handler = createWebhookHandler({ secret: SECRET, onEvent: () => undefined, now: () => NOW });
    const stale = String(Math.floor(NOW / 1000) - 301);
    const request = new Request('http://local/', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'peeker-timestamp': stale, 'peeker-signature': 'v1=00' },
    } as RequestInit);
    const response = await handler.fetch(request);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('timestamp_out_of_tolerance');
    expect(pulled).toBe(0);
  });

  it('deduplicates on Peeker-Event-Id: a repeat answers 200 duplicate without onEvent', async () => {
    const onEvent = vi.fn();
    const handler = createWebhookHandler({ secret: SECRET, onEvent, now: () => NOW });
    expect((await handler.fetch(await signed(event('evt_A')))).status).toBe(200);
    const again = await handler.fetch(await signed(event('evt_A')));
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    await flush();
    expect(onEvent).toHaveBeenCalledTimes(1);
  });

  it('dedupes on the signed body id, so a replay with an edited Peeker-Event-Id header is still a duplicate', async () => {
    const onEvent = vi.fn();
    const handler = createWebhookHandler({ secret: SECRET, onEvent, now: () => NOW });
    expect((await handler.fetch(await signed(event('evt_R')))).status).toBe(200);
    const replay = await handler.fetch(await signed(event('evt_R'), { eventId: 'evt_forged' }));
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
    await flush();
    expect(onEvent).toHaveBeenCalledTimes(1);
    expect(onEvent.mock.calls[0]?.[1]?.eventId).toBe('evt_R');
  });

  it('forgets an event whose onEvent failed, so a later delivery of it is processed', async () => {
    const seen: string[] = [];
    const onEvent = vi.fn((e: { id: string }) => {
      seen.push(e.id);
      if (seen.length === 1) throw new Error('database down');
    });
    const onError = vi.fn();
    const handler = createWebhookHandler({ secret: SECRET, onEvent, onError, now: () => NOW });
    expect((await handler.fetch(await signed(event('evt_F')))).status).toBe(500);
    expect(onError).toHaveBeenCalledTimes(1);
    const again = await handler.fetch(await signed(event('evt_F')));
    expect(await again.json()).toEqual({ received: true });
    await flush();
    expect(seen).toEqual(['evt_F', 'evt_F']);
    const third = await handler.fetch(await signed(event('evt_F')));
    expect(await third.json()).toEqual({ received: true, duplicate: true });
  });

  it('accepts any of several secrets (live + sandbox, rotation)', async () => {
    const onEvent = vi.fn();
    const handler = createWebhookHandler({ secret: ['whsec_live', SECRET], onEvent, now: () => NOW });
    expect((await handler.fetch(await signed(event('evt_B')))).status).toBe(200);
    expect((await handler.fetch(await signed(event('evt_C'), { secret: 'whsec_live' }))).status).toBe(200);
  });

  it.each([
    ['a wrong secret', async () => signed(event(), { secret: 'whsec_wrong' }), 'invalid_signature'],
    ['an old timestamp', async () => signed(event(), { timestamp: Math.floor(NOW / 1000) - 301 }), 'timestamp_out_of_tolerance'],
    ['missing signature headers', async () => new Request('http://local/', { method: 'POST', body: event() }), 'missing_header'],
    [
      'a tampered body',
      async () => {
        const r = await signed(event());
        return new Request(r.url, { method: 'POST', headers: r.headers, body: event().replace('completed', 'failed') });
      },
      'invalid_signature',
    ],
    ['a signed non-event payload', async () => signed('{"id":"evt_x"}', { eventId: 'evt_x' }), 'invalid_payload'],
  ])('refuses %s with 400 and the failure code', async (_label, make, code) => {
    const onEvent = vi.fn();
    const handler = createWebhookHandler({ secret: SECRET, onEvent, now: () => NOW });
    const response = await handler.fetch(await make());
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    await flush();
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('405 for other methods, 413 over maxBodyBytes', async () => {
    const handler = createWebhookHandler({ secret: SECRET, onEvent: () => undefined, maxBodyBytes: 100, now: () => NOW });
    const get = await handler.fetch(new Request('http://local/', { method: 'GET' }));
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    const big = await handler.fetch(await signed(JSON.stringify({ id: 'evt_big', type: 't', data: { pad: 'x'.repeat(200) } })));
    expect(big.status).toBe(413);
  });

  it('errors from onEvent go to onError; Peeker gets only a 500 event_failed so it redelivers', async () => {
    const failure = new Error('database down at 10.0.0.7');
    const onError = vi.fn();
    const handler = createWebhookHandler({ secret: SECRET, onEvent: () => Promise.reject(failure), onError, now: () => NOW });
    const response = await handler.fetch(await signed(event('evt_E')));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'event_failed' } });
    expect(text).not.toContain('10.0.0.7');
    expect(onError).toHaveBeenCalledWith(failure, expect.objectContaining({ id: 'evt_E' }));
  });

  it('passes onEvent to waitUntil on edge platforms', async () => {
    const waits: Promise<unknown>[] = [];
    const onEvent = vi.fn();
    const handler = createWebhookHandler({ secret: SECRET, onEvent, acknowledge: 'before-processing', now: () => NOW });
    await handler.fetch(await signed(event('evt_W')), { waitUntil: (p) => void waits.push(p) });
    expect(waits).toHaveLength(1);
    await waits[0];
    expect(onEvent).toHaveBeenCalledTimes(1);
  });

  it('uses a pluggable store; a failing store answers 500 so Peeker retries', async () => {
    const claim = vi.fn(async (id: string) => (id === 'evt_dup' ? ('done' as const) : ('claimed' as const)));
    const done = vi.fn();
    const forget = vi.fn();
    const onEvent = vi.fn();
    const handler = createWebhookHandler({ secret: SECRET, onEvent, dedupe: { claim, done, forget }, claimTtlMs: 1234, doneTtlMs: 5678, now: () => NOW });
    expect(await (await handler.fetch(await signed(event('evt_dup')))).json()).toEqual({ received: true, duplicate: true });
    expect(claim).toHaveBeenCalledWith('evt_dup', 1234);
    expect((await handler.fetch(await signed(event('evt_new')))).status).toBe(200);
    expect(done).toHaveBeenCalledWith('evt_new', 5678);
    expect(forget).not.toHaveBeenCalled();
    onEvent.mockClear();
    const broken = createWebhookHandler({ secret: SECRET, onEvent, onError: () => undefined, dedupe: { claim: () => Promise.reject(new Error('redis')), done, forget }, now: () => NOW });
    expect((await broken.fetch(await signed(event('evt_F')))).status).toBe(500);
    const off = createWebhookHandler({ secret: SECRET, onEvent, dedupe: false, now: () => NOW });
    await off.fetch(await signed(event('evt_G')));
    await off.fetch(await signed(event('evt_G')));
    await flush();
    expect(onEvent.mock.calls.map((c) => (c[0] as WebhookEvent).id)).toEqual(['evt_G', 'evt_G']);
  });

  it('validates its options', () => {
    expect(() => createWebhookHandler({ secret: '', onEvent: () => undefined })).toThrow(TypeError);
    expect(() => createWebhookHandler({ secret: [], onEvent: () => undefined })).toThrow(TypeError);
    expect(() => createWebhookHandler({ secret: 's', onEvent: 'x' as never })).toThrow(TypeError);
    expect(() => createWebhookHandler({ secret: 's', onEvent: () => undefined, dedupe: 3 as never })).toThrow(TypeError);
    expect(() => createWebhookHandler({ secret: 's', onEvent: () => undefined, acknowledge: 'later' as never })).toThrow(TypeError);
    expect(() => createWebhookHandler({ secret: 's', onEvent: () => undefined, dedupe: { seen: () => false } as never })).toThrow(/claim/);
    expect(() => createWebhookHandler({ secret: 's', onEvent: () => undefined, claimTtlMs: 0 })).toThrow(TypeError);
  });
});

describe('createWebhookHandler (node form)', () => {
  it('verifies raw bytes over real HTTP and answers 500 when a body parser consumed them', async () => {
    const received: string[] = [];
    const handler = createWebhookHandler({ secret: SECRET, onEvent: (e) => void received.push(e.id), onError: () => undefined, now: () => NOW });
    const server = createServer((req, res) => {
      if (req.url === '/parsed') {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          (req as typeof req & { body: unknown }).body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          void handler.node(req, res);
        });
        return;
      }
      void handler.node(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const send = async (path: string, request: Request): Promise<number> =>
      new Promise((resolve, reject) => {
        void request.text().then((body) => {
          const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: Object.fromEntries(request.headers) }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          req.on('error', reject);
          req.end(body);
        });
      });
    try {
      expect(await send('/webhooks', await signed(event('evt_N1')))).toBe(200);
      expect(await send('/parsed', await signed(event('evt_N2')))).toBe(500);
      await flush();
      expect(received).toEqual(['evt_N1']);
    } finally {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    }
  });
});

describe('createMemoryDedupeStore', () => {
  it('claims once, reports processing and done, and forgets the oldest write beyond maxEntries', () => {
    const store = createMemoryDedupeStore({ maxEntries: 2, now: () => 0 });
    expect([store.claim('a', 100), store.claim('b', 100), store.claim('a', 100)]).toEqual(['claimed', 'claimed', 'processing']);
    store.done('a', 100); // a is now the newest write
    expect(store.claim('c', 100)).toBe('claimed'); // evicts b
    expect([store.claim('a', 100), store.claim('b', 100)]).toEqual(['done', 'claimed']);
    expect(() => createMemoryDedupeStore({ maxEntries: 0 })).toThrow(TypeError);
  });

  it('lets a claim expire (a crashed handler) and never forgets a done mark', () => {
    let now = 0;
    const store = createMemoryDedupeStore({ now: () => now });
    expect(store.claim('x', 100)).toBe('claimed');
    now = 99;
    expect(store.claim('x', 100)).toBe('processing');
    now = 100;
    expect(store.claim('x', 100)).toBe('claimed');
    store.done('x', 1000);
    store.forget('x');
    expect(store.claim('x', 100)).toBe('done');
    store.forget('y'); // unknown ids are fine
    expect(store.claim('y', 100)).toBe('claimed');
    store.forget('y');
    expect(store.claim('y', 100)).toBe('claimed');
  });
});
