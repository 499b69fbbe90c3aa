/**
 * Wire-level checks of the sandbox against docs/peeker-api.md, with plain HTTP requests
 * (headers, envelopes, pagination shapes) that the client hides.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@peeker/sandbox';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function call(path: string, init: RequestInit & { key?: string | null } = {}): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const s = sandbox as Sandbox;
  const headers = new Headers(init.headers);
  if (init.key !== null) headers.set('authorization', `Bearer ${init.key ?? s.apiKey}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(`${s.baseUrl}${path}`, { ...init, headers });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

function expectEnvelope(json: Record<string, unknown>, code: string): void {
  const error = json.error as Record<string, unknown>;
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe('string');
  expect(Object.keys(error).every((k) => ['code', 'message', 'field', 'details'].includes(k))).toBe(true);
}

describe('sandbox conformance', () => {
  it('puts a req_ ULID-like Peeker-Request-Id on every answer, errors and injected faults included', async () => {
    sandbox = await startSandbox({ faults: { script: ['rate_limit', 'server_error'], routes: ['GET /me'] } });
    const answers = [
      await call('/me'),
      await call('/me'),
      await call('/me'),
      await call('/me', { key: null }),
      await call('/nope'),
      await call('/me', { method: 'DELETE' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([429, 500, 200, 401, 404, 405]);
    const ids = answers.map((a) => a.headers.get('peeker-request-id'));
    for (const id of ids) expect(id).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expectEnvelope(answers[0]?.json ?? {}, 'rate_limited');
    expect((answers[0]?.json.error as { details: unknown }).details).toEqual({ retry_after_seconds: 1 });
    expect(answers[0]?.headers.get('retry-after')).toBeNull(); // documented: the wait is in the body only
    expectEnvelope(answers[3]?.json ?? {}, 'unauthorized');
    expectEnvelope(answers[4]?.json ?? {}, 'not_found');
  });

  it('accepts only "Authorization: Bearer <pk_test_ key>"', async () => {
    sandbox = await startSandbox({ apiKey: 'pk_test_abc' });
    expect((await call('/me', { key: null, headers: { authorization: 'Basic pk_test_abc' } })).status).toBe(401);
    expect((await call('/me', { key: null, headers: { 'x-api-key': 'pk_test_abc' } })).status).toBe(401);
    expect((await call('/me', { key: 'pk_live_abc' })).status).toBe(401);
    const ok = await call('/me', { key: 'pk_test_abc' });
    expect(ok.status).toBe(200);
    expect(JSON.stringify((await call('/me', { key: 'pk_test_other' })).json)).not.toContain('pk_test_other');
  });

  it('enforces 600 requests per minute per key by default, with retry_after_seconds', async () => {
    let now = Date.parse('2026-05-08T12:00:00Z');
    sandbox = await startSandbox({ now: () => now });
    for (let i = 0; i < 600; i += 1) await call('/me');
    const limited = await call('/me');
    expect(limited.status).toBe(429);
    expect((limited.json.error as { details: { retry_after_seconds: number } }).details.retry_after_seconds).toBe(60);
    now += 60_001;
    expect((await call('/me')).status).toBe(200);
  });

  it('paginates with per_page, an opaque page_token and full-URL links', async () => {
    sandbox = await startSandbox();
    for (let i = 0; i < 3; i += 1) await call('/bundles', { method: 'POST', body: JSON.stringify({ name: `b${i}`, monthly_sending_volume: 1000 }) });
    const first = await call('/bundles?per_page=2');
    expect((first.json.data as unknown[]).length).toBe(2);
    const links = first.json.links as { first: string; next: string | null };
    expect(links.first).toBe(`${sandbox.baseUrl}/bundles?per_page=2`);
    expect(links.next).toMatch(new RegExp(`^${sandbox.baseUrl}/bundles\\?per_page=2&page_token=`));
    expect(first.json.meta).toEqual({ path: `${sandbox.baseUrl}/bundles`, per_page: 2, returned: 2 });
    const second = await fetch(links.next as string, { headers: { authorization: `Bearer ${sandbox.apiKey}` } });
    const page2 = (await second.json()) as { data: unknown[]; links: { next: unknown } };
    expect([page2.data.length, page2.links.next]).toEqual([1, null]);
    for (const bad of ['/bundles?per_page=0', '/bundles?per_page=101', '/bundles?page_token=garbage']) {
      const r = await call(bad);
      expect(r.status).toBe(400);
      expectEnvelope(r.json, 'invalid_request');
    }
  });

  it('gives the same availability answers for the same seed, other answers for another seed', async () => {
    const body = JSON.stringify({ domains: Array.from({ length: 50 }, (_, i) => `seeded-${i}.com`) });
    sandbox = await startSandbox({ seed: 7 });
    const a = (await call('/domains/availability', { method: 'POST', body })).json;
    await sandbox.close();
    sandbox = await startSandbox({ seed: 7 });
    const b = (await call('/domains/availability', { method: 'POST', body })).json;
    await sandbox.close();
    sandbox = await startSandbox({ seed: 8 });
    const c = (await call('/domains/availability', { method: 'POST', body })).json;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('answers stale and errored rows only when faults ask for them', async () => {
    const body = JSON.stringify({ domains: Array.from({ length: 50 }, (_, i) => `rowfault-${i}.com`) });
    sandbox = await startSandbox();
    const reasons = (json: Record<string, unknown>) => (json.data as { domains: Array<{ reason?: string }> }).domains.map((r) => r.reason);
    const plain = reasons((await call('/domains/availability', { method: 'POST', body })).json);
    expect(plain.some((r) => r === 'stale' || r === 'errored')).toBe(false);
    sandbox.setFaults({ staleRate: 0.5, erroredRate: 0.5 });
    const faulty = reasons((await call('/domains/availability', { method: 'POST', body })).json);
    expect(faulty.every((r) => r === 'stale' || r === 'errored')).toBe(true);
  });

  it('refuses bodies that are not JSON, and bodies over 1 MiB', async () => {
    sandbox = await startSandbox();
    const bad = await call('/bundles', { method: 'POST', body: '{nope' });
    expect(bad.status).toBe(400);
    expectEnvelope(bad.json, 'invalid_request');
    const big = await call('/bundles', { method: 'POST', body: JSON.stringify({ name: 'x'.repeat(1_100_000) }) });
    expect(big.status).toBe(413);
  });
});
