import { afterEach, describe, expect, it } from 'vitest';
import { PeekerApiError, PeekerError } from '@peeker/core';
import { createPeekerClient, type PeekerClientLogEntry } from '@peeker/core/server';
import { startHarness, type Harness } from './contract-helpers.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function rejection(promise: Promise<unknown>): Promise<PeekerApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PeekerApiError);
    return error as PeekerApiError;
  }
  throw new Error('expected a rejection');
}

describe('client basics against the sandbox', () => {
  it('me() answers the key environment, preset and partner', async () => {
    harness = await startHarness();
    const me = await harness.client.me();
    expect(me.api_key).toEqual({ environment: 'test', permission_preset: 'full' });
    expect(me.partner.id.startsWith('org_')).toBe(true);
    expect(harness.sandbox.stats.requests['GET /me']).toBe(1);
  });

  it('works on the older /api/partner/v1 base path too', async () => {
    harness = await startHarness();
    const old = createPeekerClient({ apiKey: harness.sandbox.apiKey, baseUrl: `${harness.sandbox.url}/api/partner/v1` });
    try {
      expect((await old.me()).api_key.environment).toBe('test');
    } finally {
      await old.close();
    }
  });

  it('follows links.next exactly as given through every page', async () => {
    harness = await startHarness();
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      created.push((await harness.client.createBundle({ name: `B${i}`, monthly_sending_volume: 1000 * (i + 1) })).id);
    }
    harness.sandbox.resetStats();
    const seen: string[] = [];
    for await (const bundle of harness.client.listBundles({ perPage: 3 })) seen.push(bundle.id);
    expect(seen).toEqual(created);
    expect(harness.sandbox.stats.requests['GET /bundles']).toBe(3); // 3 + 3 + 1
  });

  it('passes list filters and validates perPage', async () => {
    harness = await startHarness();
    const a = await harness.client.createBundle({ name: 'A', monthly_sending_volume: 25_000 });
    await harness.client.createBundle({ name: 'B', monthly_sending_volume: 1000 });
    const active: string[] = [];
    for await (const b of harness.client.listBundles({ status: 'active', perPage: 100 })) active.push(b.name);
    expect(active).toEqual(['A', 'B']);
    expect(() => harness?.client.listBundles({ perPage: 101 })).toThrow(TypeError);
    expect(a.required_domains).toEqual({ google: 15, microsoft: 4, total: 19 });
  });

  it('bundles: create, get, update (back to the recommended split), delete', async () => {
    harness = await startHarness();
    const c = harness.client;
    const b = await c.createBundle({ name: 'Big', monthly_sending_volume: 100_000, google_percent: 70, microsoft_percent: 30 });
    expect(b.required_domains).toEqual({ google: 80, microsoft: 10, total: 90 });
    expect((await c.getBundle(b.id)).name).toBe('Big');
    const patched = await c.updateBundle(b.id, { google_percent: null, microsoft_percent: null });
    expect(patched.effective).toEqual({ google_percent: 50, microsoft_percent: 50 });
    expect(await c.deleteBundle(b.id)).toEqual({ id: b.id, status: 'deleted' });
    const gone = await rejection(c.getBundle(b.id));
    expect([gone.status, gone.code, gone.retryable]).toEqual([404, 'not_found', false]);
    const bad = await rejection(c.createBundle({ name: 'X', monthly_sending_volume: 1000, google_percent: 60, microsoft_percent: 30 }));
    expect([bad.status, bad.code, bad.field]).toEqual([400, 'invalid_request', 'google_percent']);
  });

  it('users: create, get, list by email, update; duplicates refused', async () => {
    harness = await startHarness();
    const c = harness.client;
    const u = await c.createUser({ email: 'alex@acme.com', sequencer: { provider: 'smartlead', client_id: 366903 }, first_name: 'Alex' });
    expect(u.id.startsWith('usr_')).toBe(true);
    expect((await c.getUser(u.id)).email).toBe('alex@acme.com');
    const listed: string[] = [];
    for await (const x of c.listUsers({ email: 'ALEX@acme.com' })) listed.push(x.id);
    expect(listed).toEqual([u.id]);
    expect((await c.updateUser(u.id, { last_name: 'Rivera' })).last_name).toBe('Rivera');
    const dup = await rejection(c.createUser({ email: 'alex@acme.com', sequencer: { provider: 'smartlead', client_id: null } }));
    expect([dup.status, dup.field]).toEqual([400, 'email']);
  });

  it('every response carries a Peeker-Request-Id that errors keep', async () => {
    harness = await startHarness();
    const error = await rejection(harness.client.getOrder('ord_missing'));
    expect(error.requestId).toMatch(/^req_[0-9A-Z]{26}$/);
  });

  it.each([
    ['an unknown pk_test_ key', 'pk_test_not-a-real-key-123', 401, 'unauthorized'],
    ['a live key (it is a sandbox)', 'pk_live_0123456789abcdef', 401, 'unauthorized'],
  ])('answers %s with 401 and never puts the key in the error', async (_label, key, status, code) => {
    harness = await startHarness();
    const logs: PeekerClientLogEntry[] = [];
    const c = createPeekerClient({ apiKey: key, baseUrl: harness.sandbox.baseUrl, logger: (e) => logs.push(e) });
    try {
      const error = await rejection(c.me());
      expect([error.status, error.code, error.retryable]).toEqual([status, code, false]);
      const dump = JSON.stringify({ message: error.message, stack: error.stack, error, cause: String(error.cause), logs });
      expect(dump).not.toContain(key);
      expect(dump).not.toContain(key.slice(8));
    } finally {
      await c.close();
    }
  });

  it('a read preset key gets 403 forbidden for writes but may read', async () => {
    harness = await startHarness({ apiKeys: { pk_test_readonly: 'read', pk_test_limited: 'limited' } });
    const read = createPeekerClient({ apiKey: 'pk_test_readonly', baseUrl: harness.sandbox.baseUrl });
    const limited = createPeekerClient({ apiKey: 'pk_test_limited', baseUrl: harness.sandbox.baseUrl, availability: { sleep: async () => undefined } });
    try {
      expect((await read.me()).api_key.permission_preset).toBe('read');
      const error = await rejection(read.createBundle({ name: 'x', monthly_sending_volume: 1 }));
      expect([error.status, error.code]).toEqual([403, 'forbidden']);
      expect((await limited.checkAvailability(['acme-mail.com']))[0]?.reason).not.toBe('errored');
      expect((await rejection(limited.createUser({ email: 'a@b.co', sequencer: { provider: 'smartlead', client_id: null } }))).status).toBe(403);
    } finally {
      await read.close();
      await limited.close();
    }
  });

  it('retries idempotent GETs on 5xx and on dropped connections (undici retry interceptor)', async () => {
    harness = await startHarness({ faults: { script: ['server_error', 'drop'], routes: ['GET /me'] } });
    expect((await harness.client.me()).api_key.environment).toBe('test');
    expect(harness.sandbox.stats.requests['GET /me']).toBe(3);
    expect(harness.sandbox.stats.faults).toEqual({ server_error: 1, drop: 1 });
  });

  it('turns a 429 into a retryable PeekerApiError with retryAfterMs from details.retry_after_seconds', async () => {
    harness = await startHarness({ rateLimitPerMinute: 2 }, { getRetry: false });
    await harness.client.me();
    await harness.client.me();
    const error = await rejection(harness.client.me());
    expect([error.status, error.code, error.retryable]).toEqual([429, 'rate_limited', true]);
    expect(error.details?.retry_after_seconds).toBeGreaterThanOrEqual(1);
    expect(error.retryAfterMs).toBe((error.details?.retry_after_seconds as number) * 1000);
  });

  it('never retries a POST at the HTTP layer', async () => {
    harness = await startHarness({ faults: { script: ['server_error'], routes: ['POST /bundles'] } });
    const error = await rejection(harness.client.createBundle({ name: 'x', monthly_sending_volume: 1000 }));
    expect([error.status, error.code, error.retryable]).toEqual([500, 'server_error', true]);
    expect(harness.sandbox.stats.requests['POST /bundles']).toBe(1);
  });

  it('maps a connection the server drops to status 0 network_error, retryable', async () => {
    harness = await startHarness({ faults: { script: ['drop'], routes: ['POST /users'] } });
    const error = await rejection(harness.client.createUser({ email: 'a@b.co', sequencer: { provider: 'smartlead', client_id: null } }));
    expect([error.status, error.code, error.retryable]).toEqual([0, 'network_error', true]);
  });

  it('updateForwarding splits long lists into chunks of 25 (one job each)', async () => {
    harness = await startHarness();
    const list = Array.from({ length: 60 }, (_, i) => `fw-${i}.com`);
    const jobs = await harness.client.updateForwarding(list, 'https://acme.com/inbox');
    expect(jobs).toHaveLength(3);
    expect(jobs.every((j) => j.id.startsWith('fwj_') && j.status === 'in_progress')).toBe(true);
    expect(harness.sandbox.stats.requests['POST /domains/forwarding']).toBe(3);
    await harness.sandbox.idle();
    const done = await harness.client.getForwardingJob(jobs[0]?.id as string);
    expect(done.status).toBe('failed'); // unknown domains in this account
    expect(done.failed_count).toBe(25);
    const raw = await rejection(harness.client.request({ method: 'POST', path: '/domains/forwarding', body: { domains: list.slice(0, 26), forwarding_url: 'https://acme.com' } }));
    expect([raw.status, raw.code, raw.field]).toEqual([400, 'invalid_request', 'domains']);
  });

  it('rejects malformed keys with a TypeError that does not show the key', () => {
    for (const key of ['sk_live_abc123', 'pk_test_ has space', '', 'pk_prod_x']) {
      let message = '';
      try {
        createPeekerClient({ apiKey: key });
      } catch (error) {
        expect(error).toBeInstanceOf(TypeError);
        message = (error as Error).message;
      }
      expect(message).toMatch(/^Expected apiKey/);
      if (key !== '') expect(message).not.toContain(key);
    }
    expect(() => createPeekerClient({ apiKey: 42 as unknown as string })).toThrow(TypeError);
    expect(PeekerError.is(new PeekerApiError({ status: 0, code: 'x', message: 'y' }))).toBe(true);
  });
});
