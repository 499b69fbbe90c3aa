import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { PeekerApiError, PeekerError, type AvailabilityRow, type CheckOptions } from '@peeker/core';
import { createAvailabilityHandler, createPeekerClient, type AvailabilityHandlerClient } from '@peeker/core/server';

const KEY = 'pk_live_UnitSecretKey_42';

/** A stub client: answers available rows, or fails its batches with `error`. */
function stubClient(error?: PeekerError, partial = false): AvailabilityHandlerClient & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async checkAvailability(domains: readonly string[], options?: CheckOptions): Promise<AvailabilityRow[]> {
      calls.push([...domains]);
      return domains.map((domain, i) => {
        if (error !== undefined && (!partial || i % 2 === 1)) {
          options?.onBatchError?.(error, [domain]);
          return { domain, available: false, premium: false, reason: 'errored', message: error.message };
        }
        return { domain, available: true, premium: false, price_cents: 1300, renewal_price_cents: 1500, currency: 'usd', usable_for: ['google', 'microsoft'] };
      });
    },
  };
}

function post(body: string, type = 'application/json'): Request {
  return new Request('http://local/api/availability', { method: 'POST', body, headers: { 'content-type': type } });
}

async function read(response: Response): Promise<{ status: number; text: string; json: Record<string, unknown> }> {
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

describe('createAvailabilityHandler (fetch form, stub client)', () => {
  it('normalises, dedupes, answers invalid names itself and forwards only valid ones', async () => {
    const client = stubClient();
    const handler = createAvailabilityHandler({ client });
    const { status, json } = await read(await handler.fetch(post(JSON.stringify({ domains: ['GetAcme.COM.', 'getacme.com', 'bad_name!', 'acmehq.io'] }))));
    expect(status).toBe(200);
    expect(client.calls).toEqual([['getacme.com', 'acmehq.io']]);
    const rows = (json.data as { domains: AvailabilityRow[] }).domains;
    expect(rows.map((r) => [r.domain, r.reason ?? 'ok'])).toEqual([
      ['getacme.com', 'ok'],
      ['bad_name!', 'invalid'],
      ['acmehq.io', 'ok'],
    ]);
  });

  it('an empty list answers an empty list without calling Peeker', async () => {
    const client = stubClient();
    const { status, json } = await read(await createAvailabilityHandler({ client }).fetch(post('{"domains":[]}')));
    expect([status, json]).toEqual([200, { data: { domains: [] } }]);
    expect(client.calls).toEqual([]);
  });

  it('respects maxDomains and maxBodyBytes options', async () => {
    const handler = createAvailabilityHandler({ client: stubClient(), maxDomains: 2, maxBodyBytes: 30 });
    const tooMany = await read(await handler.fetch(post('{"domains":["a.com","b.com","c.com"]}')));
    expect(tooMany.status).toBe(413); // 37 bytes > 30: the body limit comes first
    const handler2 = createAvailabilityHandler({ client: stubClient(), maxDomains: 2 });
    const many = await read(await handler2.fetch(post('{"domains":["a.com","b.com","c.com"]}')));
    expect(many.status).toBe(400);
    expect(many.json.error).toMatchObject({ code: 'invalid_request', field: 'domains', details: { max_count: 2, submitted_count: 3 } });
  });

  it.each([
    [401, 502, 'upstream_unauthorized'],
    [403, 502, 'upstream_unauthorized'],
    [429, 429, 'rate_limited'],
    [500, 500, 'server_error'],
    [503, 503, 'unavailable'],
  ])('maps an upstream %i to %i %s and never leaks the key', async (upstream, status, code) => {
    const error = new PeekerApiError({
      status: upstream,
      code: upstream === 401 ? 'unauthorized' : upstream === 403 ? 'forbidden' : upstream === 429 ? 'rate_limited' : upstream === 500 ? 'server_error' : 'unavailable',
      message: `upstream said ${KEY}`,
      details: upstream === 429 ? { retry_after_seconds: 4 } : { key: KEY, note: 'x' },
      retryAfterMs: upstream === 429 ? 4000 : undefined,
    });
    const onError = vi.fn();
    const response = await createAvailabilityHandler({ client: stubClient(error), onError }).fetch(post('{"domains":["acme-mail.com"]}'));
    const { status: got, text, json } = await read(response);
    expect(got).toBe(status);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('UnitSecretKey');
    expect((json.error as { code: string }).code).toBe(code);
    if (status === 502) expect((json.error as { details?: unknown }).details).toBeUndefined();
    if (status === 429) expect(response.headers.get('retry-after')).toBe('4');
    expect(onError).toHaveBeenCalled();
    // The server's own log gets a scrubbed copy that is still a recognisable PeekerApiError.
    const logged = onError.mock.calls[0]?.[0] as PeekerApiError;
    expect(PeekerError.is(logged)).toBe(true);
    expect(logged).toBeInstanceOf(PeekerApiError);
    expect(logged.status).toBe(upstream);
    expect(logged.message).toContain('upstream said');
    expect(JSON.stringify({ message: logged.message, details: logged.details, stack: logged.stack })).not.toContain('UnitSecretKey');
  });

  it.each([
    ['network_error', 502],
    ['timeout', 504],
  ])('maps no answer (%s) to %i', async (code, status) => {
    const error = new PeekerApiError({ status: 0, code, message: 'x' });
    const response = await createAvailabilityHandler({ client: stubClient(error) }).fetch(post('{"domains":["acme-mail.com"]}'));
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('keeps answered rows when only some names failed (200 with errored rows)', async () => {
    const error = new PeekerApiError({ status: 503, code: 'unavailable', message: 'x' });
    const { status, json } = await read(await createAvailabilityHandler({ client: stubClient(error, true) }).fetch(post('{"domains":["a-1.com","a-2.com","a-3.com"]}')));
    expect(status).toBe(200);
    expect((json.data as { domains: AvailabilityRow[] }).domains.map((r) => r.reason ?? 'ok')).toEqual(['ok', 'errored', 'ok']);
  });

  it('an unexpected exception is a bare 500 internal_error', async () => {
    const onError = vi.fn();
    const client: AvailabilityHandlerClient = { checkAvailability: () => Promise.reject(new Error(`boom ${KEY}`)) };
    const { status, text } = await read(await createAvailabilityHandler({ client, onError }).fetch(post('{"domains":["acme-mail.com"]}')));
    expect(status).toBe(500);
    expect(text).toBe('{"error":{"code":"internal_error","message":"Internal error"}}');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('validates its options', () => {
    expect(() => createAvailabilityHandler({ client: stubClient(), maxFreshDomains: 0 })).toThrow(TypeError);
    expect(() => createAvailabilityHandler({ client: stubClient(), clientKey: 'ip' as never })).toThrow(TypeError);
    expect(() => createAvailabilityHandler({ client: {} as never })).toThrow(TypeError);
    expect(() => createAvailabilityHandler({ client: stubClient(), maxDomains: 0 })).toThrow(TypeError);
    expect(() => createAvailabilityHandler({ client: stubClient(), maxBodyBytes: 1.5 })).toThrow(TypeError);
  });
});

/** A stub that records the options of each call. */
function recordingClient(): AvailabilityHandlerClient & { options: Array<CheckOptions | undefined> } {
  const options: Array<CheckOptions | undefined> = [];
  return {
    options,
    async checkAvailability(domains, opts) {
      options.push(opts);
      return domains.map((domain) => ({ domain, available: true, premium: false, checked_at: 1_700_000_000_000 }));
    },
  };
}

describe('createAvailabilityHandler: freshness', () => {
  it('passes fresh: true to the client for a fresh request, and forwards checked_at', async () => {
    const client = recordingClient();
    const handler = createAvailabilityHandler({ client });
    const { status, json } = await read(await handler.fetch(post('{"domains":["a-1.com","a-2.com"],"fresh":true}')));
    expect(status).toBe(200);
    expect(client.options[0]?.fresh).toBe(true);
    expect((json.data as { domains: AvailabilityRow[] }).domains.map((r) => r.checked_at)).toEqual([1_700_000_000_000, 1_700_000_000_000]);
    await handler.fetch(post('{"domains":["a-1.com"]}'));
    expect(client.options[1]?.fresh).toBeUndefined();
  });

  it('refuses more than maxFreshDomains fresh names with 400 too_many_fresh_domains, and a non-boolean fresh', async () => {
    const client = recordingClient();
    const handler = createAvailabilityHandler({ client, maxFreshDomains: 2 });
    const over = await read(await handler.fetch(post('{"domains":["a-1.com","a-2.com","a-3.com","bad name"],"fresh":true}')));
    expect(over.status).toBe(400);
    expect(over.json.error).toMatchObject({ code: 'too_many_fresh_domains', field: 'fresh', details: { max_fresh_count: 2, submitted_count: 3 } });
    const wrong = await read(await handler.fetch(post('{"domains":["a-1.com"],"fresh":"yes"}')));
    expect([wrong.status, (wrong.json.error as { field: string }).field]).toEqual([400, 'fresh']);
    // Invalid names do not count: two valid fresh names pass.
    expect((await handler.fetch(post('{"domains":["a-1.com","a-2.com","bad name"],"fresh":true}'))).status).toBe(200);
    expect(client.options).toHaveLength(1);
  });
});

describe('createAvailabilityHandler: per-client fairness', () => {
  const fromClient = (who: string, domains: string[]): Request =>
    new Request('http://local/api/availability', {
      method: 'POST',
      body: JSON.stringify({ domains }),
      headers: { 'content-type': 'application/json', 'x-session': who },
    });

  it('answers 429 with retry_after to the client over its share only', async () => {
    const client = recordingClient();
    const handler = createAvailabilityHandler({
      client,
      perClientRequestsPerMinute: 3,
      clientKey: ({ headers }) => headers.get('x-session') ?? undefined,
    });
    const names = Array.from({ length: 60 }, (_v, i) => `n-${i}.com`); // 2 upstream requests
    expect((await handler.fetch(fromClient('alice', names))).status).toBe(200);
    const refused = await handler.fetch(fromClient('alice', names));
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { error: { code: string; details: { retry_after_seconds: number; scope: string } } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.details.scope).toBe('client');
    expect(body.error.details.retry_after_seconds).toBeGreaterThan(0);
    expect(refused.headers.get('retry-after')).toBe(String(body.error.details.retry_after_seconds));
    expect((await handler.fetch(fromClient('alice', ['one.com']))).status).toBe(200); // 3rd unit fits
    expect((await handler.fetch(fromClient('bob', names))).status).toBe(200);
    expect(client.options).toHaveLength(3);
  });

  it('sheds at once a request that would wait for the key window longer than maxWaitMs or the caller timeout', async () => {
    const client = recordingClient();
    // 2 upstream requests per minute: a third within the minute waits ~60 s for the window.
    const handler = createAvailabilityHandler({ client, upstreamRequestsPerMinute: 2, maxWaitMs: 3000, clientKey: () => undefined });
    expect((await handler.fetch(post('{"domains":["q-1.com"]}'))).status).toBe(200);
    expect((await handler.fetch(post('{"domains":["q-2.com"]}'))).status).toBe(200);
    const shed = await handler.fetch(post('{"domains":["q-3.com"]}'));
    expect(shed.status).toBe(429);
    const body = (await shed.json()) as { error: { code: string; details: { scope: string; retry_after_seconds: number } } };
    expect(body.error).toMatchObject({ code: 'rate_limited', details: { scope: 'server' } });
    expect(body.error.details.retry_after_seconds).toBeGreaterThan(50); // ~60 s minus the 3 s it may wait
    expect(client.options).toHaveLength(2);

    // A patient server (maxWaitMs 100 s) still sheds for a caller that gives up after 15 s.
    const patient = createAvailabilityHandler({ client: recordingClient(), upstreamRequestsPerMinute: 1, maxWaitMs: 100_000, clientKey: () => undefined });
    expect((await patient.fetch(post('{"domains":["p-1.com"]}'))).status).toBe(200);
    expect((await patient.fetch(post('{"domains":["p-2.com"],"timeout_ms":15000}'))).status).toBe(429);
    expect((await patient.fetch(post('{"domains":["p-3.com"]}'))).status).toBe(200);
    expect((await patient.fetch(post('{"domains":["p-4.com"],"timeout_ms":-1}'))).status).toBe(400);
  });

  it('sheds by the drain estimate too: requests queued behind slow upstream calls', async () => {
    const gates: Array<() => void> = [];
    const client: AvailabilityHandlerClient = {
      checkAvailability: (domains) =>
        new Promise((resolve) => gates.push(() => resolve(domains.map((domain) => ({ domain, available: true, premium: false }))))),
    };
    // Nothing finished yet: the steady rate of 60 per minute, so each queued unit is ~1 s.
    const handler = createAvailabilityHandler({ client, upstreamRequestsPerMinute: 60, maxWaitMs: 3000, clientKey: () => undefined });
    const admitted = [1, 2, 3].map((i) => handler.fetch(post(JSON.stringify({ domains: [`d-${i}.com`] }))));
    const shed = await handler.fetch(post('{"domains":["d-4.com"]}'));
    expect(shed.status).toBe(429);
    while (gates.length < 3) await new Promise((r) => setTimeout(r, 1));
    for (const open of gates.splice(0)) open();
    expect((await Promise.all(admitted)).map((r) => r.status)).toEqual([200, 200, 200]);
    const next = handler.fetch(post('{"domains":["d-5.com"]}')); // queue empty again: admitted
    while (gates.length < 1) await new Promise((r) => setTimeout(r, 1));
    gates.splice(0).forEach((open) => open());
    expect((await next).status).toBe(200);
  });
});

describe('createAvailabilityHandler: exact key scrubbing', () => {
  it('removes the exact API key from forwarded rows, even characters a key pattern would miss', async () => {
    const key = 'pk_test_Abc!d.e~f';
    // An upstream that echoes the Authorization header into every row (a buggy proxy).
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const { domains } = JSON.parse(body) as { domains: string[] };
        const echo = String(req.headers.authorization).replace('Bearer ', '');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { domains: domains.map((domain) => ({ domain, available: false, premium: false, reason: 'taken', message: `checked with ${echo} ok` })) } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = createPeekerClient({ apiKey: key, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/partner/v1` });
    try {
      const { status, text } = await read(await createAvailabilityHandler({ client }).fetch(post('{"domains":["echo-1.com"]}')));
      expect(status).toBe(200);
      expect(text).not.toContain('!d.e~f');
      expect(text).toContain('checked with [redacted] ok');
    } finally {
      await client.close();
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    }
  });
});
