import { afterEach, describe, expect, it } from 'vitest';
import { createAvailabilityChecker, createFetchTransport } from '@peeker/core';
import { createAvailabilityHandler, createPeekerClient } from '@peeker/core/server';
import { listen, names, startHarness, type Harness } from './contract-helpers.ts';

const KEY = 'pk_test_handler-secret-key-0123456789';
let harness: Harness | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await harness?.close();
  harness = undefined;
});

/** The sandbox, a client with a key, and the handler on a loopback server. */
async function mount(sandboxOptions: Parameters<typeof startHarness>[0] = {}, clientKey = KEY) {
  harness = await startHarness({ apiKey: KEY, ...sandboxOptions });
  const client =
    clientKey === KEY
      ? harness.client
      : createPeekerClient({ apiKey: clientKey, baseUrl: harness.sandbox.baseUrl, availability: { sleep: async () => undefined, retries: 1 } });
  if (client !== harness.client) cleanups.push(() => client.close());
  const errors: unknown[] = [];
  const handler = createAvailabilityHandler({ client, maxDomains: 120, onError: (e) => void errors.push(e) });
  const server = await listen((req, res) => void handler.node(req, res));
  cleanups.push(server.close);
  const post = (body: BodyInit | null, init: RequestInit = {}) =>
    fetch(`${server.url}/api/availability`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, ...init });
  return { url: `${server.url}/api/availability`, post, errors, handler };
}

async function expectEnvelope(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  expect(text).not.toContain(KEY);
  expect(text).not.toContain('handler-secret');
  expect(response.status).toBe(status);
  const json = JSON.parse(text) as { error: Record<string, unknown> };
  expect(json.error.code).toBe(code);
  expect(typeof json.error.message).toBe('string');
  return json.error;
}

describe('createAvailabilityHandler over loopback HTTP (real client → real sandbox)', () => {
  it('answers Peeker’s shape; invalid names are answered locally and never forwarded', async () => {
    const { post } = await mount();
    const response = await post(JSON.stringify({ domains: ['Acme-Mail.com', 'not a name', 'acme-mail.com', 'premium-acme.com'] }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).not.toContain(KEY);
    const { data } = JSON.parse(text) as { data: { domains: Array<{ domain: string; reason?: string }> } };
    expect(data.domains.map((r) => r.domain)).toEqual(['acme-mail.com', 'not a name', 'premium-acme.com']);
    expect(data.domains[1]?.reason).toBe('invalid');
    expect(harness?.sandbox.stats.availabilityNames).toBe(2);
  });

  it('serves the browser transport: createFetchTransport + checker in front of the handler', async () => {
    const { url } = await mount();
    const checker = createAvailabilityChecker({ transport: createFetchTransport({ endpoint: url }), batchSize: 50 });
    const list = names(130, 'browser');
    const rows = await checker.check(list);
    expect(rows.map((r) => r.domain)).toEqual(list);
    expect(harness?.sandbox.stats.availabilityRequests).toBe(3);
  });

  it.each([
    ['GET', { method: 'GET', body: null }, 405, 'method_not_allowed'],
    ['PUT', { method: 'PUT', body: '{"domains":[]}' }, 405, 'method_not_allowed'],
  ])('refuses %s with 405', async (_m, init, status, code) => {
    const { url } = await mount();
    const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json' } } as RequestInit);
    await expectEnvelope(response, status, code);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['form data', 'application/x-www-form-urlencoded'],
    ['JSON in another charset', 'application/json; charset=latin1'],
  ])('refuses %s with 415', async (_label, type) => {
    const { post } = await mount();
    await expectEnvelope(await post('{"domains":["a.com"]}', { headers: { 'content-type': type } }), 415, 'unsupported_media_type');
  });

  it('a fresh check in the browser reaches the sandbox past the server cache, with the real checked_at', async () => {
    const { url } = await mount();
    const checker = createAvailabilityChecker({ transport: createFetchTransport({ endpoint: url }) });
    const list = ['fresh-one.com', 'fresh-two.com'];
    const first = await checker.check(list);
    expect(harness?.sandbox.stats.availabilityRequests).toBe(1);
    // A second browser (its own checker, empty cache): the server answers from its cache.
    const other = createAvailabilityChecker({ transport: createFetchTransport({ endpoint: url }) });
    const cached = await other.check(list);
    expect(harness?.sandbox.stats.availabilityRequests).toBe(1);
    expect(cached.map((r) => r.checked_at)).toEqual(first.map((r) => r.checked_at)); // the row's true age, not "now"
    // Right before an order: fresh goes through the server cache to the sandbox.
    harness?.sandbox.markTaken('fresh-one.com');
    const before = Date.now();
    const fresh = await other.check(list, { fresh: true });
    expect(harness?.sandbox.stats.availabilityRequests).toBe(2);
    expect(fresh[0]?.reason).toBe('taken');
    expect(fresh.every((r) => (r.checked_at ?? 0) >= before)).toBe(true);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const { post } = await mount();
    const big = JSON.stringify({ domains: ['a.com'], pad: 'x'.repeat(70 * 1024) });
    await expectEnvelope(await post(big), 413, 'payload_too_large');
    expect(harness?.sandbox.stats.availabilityRequests ?? 0).toBe(0);
  });

  it.each([
    ['invalid JSON', '{"domains": [', undefined],
    ['a JSON array', '["a.com"]', undefined],
    ['no domains member', '{"names":["a.com"]}', 'domains'],
    ['domains not an array', '{"domains":"a.com"}', 'domains'],
    ['a non-string name', '{"domains":["a.com", 7]}', 'domains[1]'],
    ['too many names', JSON.stringify({ domains: names(121) }), 'domains'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), undefined],
  ])('refuses %s with 400 invalid_request', async (_label, body, field) => {
    const { post } = await mount();
    const error = await expectEnvelope(await post(body as BodyInit), 400, 'invalid_request');
    expect(error.field).toBe(field);
    expect(harness?.sandbox.stats.availabilityRequests ?? 0).toBe(0);
  });

  it('hides Peeker’s 401 behind 502 upstream_unauthorized without details, and never echoes the key', async () => {
    const wrong = 'pk_test_wrong-key-that-must-stay-private';
    const { post, errors } = await mount({}, wrong);
    const response = await post(JSON.stringify({ domains: ['acme-mail.com'] }));
    const text = await response.clone().text();
    expect(text).not.toContain(wrong);
    const error = await expectEnvelope(response, 502, 'upstream_unauthorized');
    expect(error.details).toBeUndefined();
    expect(errors.length).toBeGreaterThan(0);
  });

  it('passes Peeker’s 429 on with retry_after_seconds when every batch was rate limited', async () => {
    const { post } = await mount({ faults: { rate429: 1, retryAfterSeconds: 7, routes: ['POST /domains/availability'] } });
    const response = await post(JSON.stringify({ domains: ['acme-mail.com'] }));
    const error = await expectEnvelope(response, 429, 'rate_limited');
    expect(error.details).toEqual({ retry_after_seconds: 7 });
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('keeps good rows and marks only failed names errored when some batches fail', async () => {
    const { post } = await mount({ faults: { script: ['none', 'server_error', 'server_error', 'server_error', 'server_error'], routes: ['POST /domains/availability'] } });
    // Two batches of 50; whichever arrives second fails its first try and its 3 retries.
    const list = names(100, 'partial');
    const response = await post(JSON.stringify({ domains: list }));
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { domains: Array<{ domain: string; reason?: string }> } };
    expect(data.domains).toHaveLength(100);
    const errored = data.domains.filter((r) => r.reason === 'errored').length;
    expect(errored).toBe(50);
  });

  it('accepts a body already parsed by a framework (express.json())', async () => {
    harness = await startHarness({ apiKey: KEY });
    const handler = createAvailabilityHandler({ client: harness.client });
    const server = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        (req as typeof req & { body: unknown }).body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        void handler.node(req, res);
      });
    });
    cleanups.push(server.close);
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"domains":["acme-mail.com"]}' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { domains: unknown[] } }).data.domains).toHaveLength(1);
  });
});
