import { describe, expect, it, vi } from 'vitest';
import { PeekerApiError, PeekerError, type AvailabilityRow, type CheckOptions } from '@peeker/core';
import { createAvailabilityHandler, type AvailabilityHandlerClient } from '@peeker/core/server';

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
    expect(() => createAvailabilityHandler({ client: {} as never })).toThrow(TypeError);
    expect(() => createAvailabilityHandler({ client: stubClient(), maxDomains: 0 })).toThrow(TypeError);
    expect(() => createAvailabilityHandler({ client: stubClient(), maxBodyBytes: 1.5 })).toThrow(TypeError);
  });
});
