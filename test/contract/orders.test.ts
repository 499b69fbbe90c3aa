import { afterEach, describe, expect, it } from 'vitest';
import { OrderValidationError, PeekerApiError, type Bundle } from '@peeker/core';
import { orderInput, pickOrderable, smallBundle, startHarness, type Harness } from './contract-helpers.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function apiError(promise: Promise<unknown>): Promise<PeekerApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PeekerApiError) return error;
    throw error;
  }
  throw new Error('expected a PeekerApiError');
}

async function setup(now?: () => number): Promise<{ h: Harness; bundle: Bundle; chosen: string[] }> {
  const h = await startHarness(now === undefined ? {} : { now });
  harness = h;
  const bundle = await smallBundle(h.client);
  expect(bundle.required_domains).toEqual({ google: 3, microsoft: 1, total: 4 });
  const { chosen } = await pickOrderable(h.client, bundle.required_domains, 'order');
  return { h, bundle, chosen };
}

describe('orders against the sandbox', () => {
  it('creates an order from the canonical body and answers the receipt', async () => {
    const { h, bundle, chosen } = await setup();
    const { order, requestId, attempts } = await h.client.createOrder(orderInput(bundle, chosen));
    expect(order.id.startsWith('ord_')).toBe(true);
    expect(order).toMatchObject({ email: 'client@example.com', bundle_id: bundle.id, status: 'in_progress', domain_count: 4 });
    expect(order.costs.currency).toBe('usd');
    expect(requestId).toMatch(/^req_/);
    expect(attempts).toBe(1);
    const full = await h.client.getOrder(order.id);
    expect([...(full.domains?.registered ?? [])].sort()).toEqual([...chosen].sort());
    const sum = (full.costs.line_items ?? []).reduce((s, l) => s + l.amount_cents, 0);
    expect(sum).toBe(full.costs.total_cents);
    const listed: string[] = [];
    for await (const o of h.client.listOrders({ userEmail: 'client@example.com' })) listed.push(o.id);
    expect(listed).toEqual([order.id]);
    // The order created the user and connected its domains.
    const users: string[] = [];
    for await (const u of h.client.listUsers({ email: 'client@example.com' })) users.push(u.id);
    expect(users).toEqual([order.user_id]);
    const domains: string[] = [];
    for await (const d of h.client.listDomains({ category: 'connected', userId: order.user_id })) domains.push(d.domain);
    expect(domains.sort()).toEqual([...chosen].sort());
    // Bundles used by an order are archived on delete.
    expect((await h.client.deleteBundle(bundle.id)).status).toBe('archived');
  });

  it('24-hour dedupe: the same body returns the same order and charges once; a different body is a new order', async () => {
    let clock = Date.parse('2026-05-08T12:00:00Z');
    const { h, bundle, chosen } = await setup(() => clock);
    const first = await h.client.createOrder(orderInput(bundle, chosen));
    // Same order, keys and domains in another order: canonical bytes are identical.
    const shuffled = { ...orderInput(bundle, [...chosen].reverse()) };
    const again = await h.client.createOrder({ personas: shuffled.personas, domains: shuffled.domains, sequencer: shuffled.sequencer, bundle_id: shuffled.bundle_id, user: shuffled.user, forwarding_url: shuffled.forwarding_url });
    expect(again.order.id).toBe(first.order.id);
    expect(h.sandbox.stats.orders).toMatchObject({ created: 1, replays: 1 });
    expect(h.sandbox.stats.orders.chargedCents).toBe(first.order.costs.total_cents);

    // The sandbox also recognises the same parsed JSON sent with other bytes.
    const raw = JSON.stringify(JSON.parse(JSON.stringify(orderInput(bundle, [...chosen].sort()))), null, 2);
    const replayRaw = await h.client.request<{ data: { id: string } }>({ method: 'POST', path: '/orders', body: raw });
    expect(replayRaw.body.data.id).toBe(first.order.id);

    // A different body (other domains) is a new order.
    const other = await pickOrderable(h.client, bundle.required_domains, 'second');
    const second = await h.client.createOrder(orderInput(bundle, other.chosen));
    expect(second.order.id).not.toBe(first.order.id);
    expect(h.sandbox.stats.orders.created).toBe(2);

    // After 24 hours the body is no longer a replay: its domains are ours now, so it is refused.
    clock += 24 * 3600 * 1000 + 1000;
    const late = await apiError(h.client.createOrder(orderInput(bundle, chosen), { retries: 0 }));
    expect([late.status, late.code]).toEqual([409, 'domain_unavailable']);
    expect(h.sandbox.stats.orders.created).toBe(2);
  });

  it('createOrder re-sends the byte-identical body after a lost response: one order, one charge', async () => {
    const { h, bundle, chosen } = await setup();
    h.sandbox.setFaults({ script: ['drop_after', 'server_error'], routes: ['POST /orders'] });
    const result = await h.client.createOrder(orderInput(bundle, chosen), { retries: 3, retryDelayMs: 1 });
    expect(result.attempts).toBe(3);
    expect(h.sandbox.stats.requests['POST /orders']).toBe(3);
    expect(h.sandbox.stats.orders).toMatchObject({ created: 1, replays: 1 });
    expect((await h.client.getOrder(result.order.id)).domain_count).toBe(4);
  });

  it('createOrder gives up after `retries` and reports the last error', async () => {
    const { h, bundle, chosen } = await setup();
    h.sandbox.setFaults({ script: ['server_error', 'server_error'], routes: ['POST /orders'] });
    const error = await apiError(h.client.createOrder(orderInput(bundle, chosen), { retries: 1, retryDelayMs: 1 }));
    expect([error.status, error.retryable]).toEqual([500, true]);
    expect(h.sandbox.stats.orders.created).toBe(0);
  });

  it('createOrder validates locally first (nothing sent for an invalid order)', async () => {
    const { h, bundle, chosen } = await setup();
    const before = h.sandbox.stats.requests['POST /orders'] ?? 0;
    await expect(h.client.createOrder(orderInput(bundle, chosen, { personas: [] }))).rejects.toBeInstanceOf(OrderValidationError);
    await expect(
      h.client.createOrder(orderInput(bundle, chosen.slice(1)), { build: { required: bundle.required_domains } }),
    ).rejects.toBeInstanceOf(OrderValidationError);
    expect(h.sandbox.stats.requests['POST /orders'] ?? 0).toBe(before);
  });

  it('a name taken between check and order rejects the whole order, nothing charged', async () => {
    const { h, bundle, chosen } = await setup();
    h.sandbox.markTaken(chosen[2] as string);
    const error = await apiError(h.client.createOrder(orderInput(bundle, chosen)));
    expect([error.status, error.code, error.field]).toEqual([409, 'domain_unavailable', 'domains']);
    expect(error.details).toEqual({ domains: [{ domain: chosen[2], reason: 'taken' }] });
    expect(h.sandbox.stats.orders.created).toBe(0);
    const listed: string[] = [];
    for await (const o of h.client.listOrders()) listed.push(o.id);
    expect(listed).toEqual([]);
    // The other names stay available: nothing was registered.
    const rows = await h.client.checkAvailability(chosen, { fresh: true });
    expect(rows.filter((r) => r.available).length).toBe(3);
  });

  it('cancels a whole order (no body) or some of its domains', async () => {
    const { h, bundle, chosen } = await setup();
    const { order } = await h.client.createOrder(orderInput(bundle, chosen));
    const part = await h.client.cancelOrder(order.id, { domains: [chosen[0] as string] });
    expect(part.domains.map((d) => d.domain)).toEqual([chosen[0]]);
    const whole = await h.client.cancelOrder(order.id);
    expect(whole.status).toBe('cancel_scheduled');
    expect(whole.domains).toHaveLength(4);
    expect(Date.parse(whole.cancels_at)).toBeGreaterThan(Date.parse(whole.cancellation_scheduled_at));
    expect((await h.client.getOrder(order.id)).status).toBe('cancel_scheduled');
  });

  it('an inaccessible persona picture (sandbox: host ending in .invalid) leads to a pending action', async () => {
    const { h, bundle, chosen } = await setup();
    const input = orderInput(bundle, chosen, { personas: [{ first_name: 'Sam', last_name: 'Lee', profile_picture_url: 'https://cdn.acme.invalid/sam.jpg' }] });
    const { order } = await h.client.createOrder(input);
    await h.sandbox.idle();
    expect((await h.client.getOrder(order.id)).status).toBe('action_required');
    const actions = [];
    for await (const a of h.client.listPendingActions({ orderId: order.id })) actions.push(a);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ type: 'google_profile_picture', reason: 'profile_picture_not_accessible', status: 'open' });
  });

  describe('every documented validation error (raw bodies through client.request)', () => {
    type Case = [label: string, mutate: (body: Record<string, unknown>, ctx: { chosen: string[] }) => unknown, status: number, code: string, field?: string];
    const cases: Case[] = [
      ['bundle_id with license counts', (b) => ({ ...b, google_licenses: 10 }), 400, 'order_shape_conflict'],
      ['no bundle and no licenses', (b) => ({ ...b, bundle_id: undefined }), 400, 'invalid_request', 'bundle_id'],
      ['missing user', (b) => ({ ...b, user: undefined }), 400, 'invalid_request', 'user'],
      ['older user object', (b) => ({ ...b, user: { email: 'a@b.co' } }), 400, 'invalid_request', 'user'],
      ['unknown usr_ id', (b) => ({ ...b, user: 'usr_nobody' }), 400, 'invalid_request', 'user'],
      ['unknown bundle', (b) => ({ ...b, bundle_id: 'bun_nope' }), 400, 'invalid_request', 'bundle_id'],
      ['missing sequencer', (b) => ({ ...b, sequencer: undefined }), 400, 'invalid_request', 'sequencer'],
      ['other sequencer provider', (b) => ({ ...b, sequencer: { ...(b.sequencer as object), provider: 'instantly' } }), 400, 'invalid_request', 'sequencer.provider'],
      ['missing login_email', (b) => ({ ...b, sequencer: { ...(b.sequencer as object), login_email: undefined } }), 400, 'invalid_request', 'sequencer.login_email'],
      ['missing login_password', (b) => ({ ...b, sequencer: { ...(b.sequencer as object), login_password: undefined } }), 400, 'invalid_request', 'sequencer.login_password'],
      ['no personas', (b) => ({ ...b, personas: [] }), 400, 'invalid_request', 'personas'],
      ['eleven personas', (b) => ({ ...b, personas: Array.from({ length: 11 }, () => ({ first_name: 'A', last_name: 'B', profile_picture_url: '' })) }), 400, 'invalid_request', 'personas'],
      ['persona without the profile_picture_url key', (b) => ({ ...b, personas: [{ first_name: 'Sam', last_name: 'Lee' }] }), 400, 'invalid_request', 'personas[0].profile_picture_url'],
      ['persona without a last name', (b) => ({ ...b, personas: [{ first_name: 'Sam', last_name: ' ', profile_picture_url: '' }] }), 400, 'invalid_request', 'personas[0].last_name'],
      ['bad forwarding_url', (b) => ({ ...b, forwarding_url: 'ftp://acme.com' }), 400, 'invalid_request', 'forwarding_url'],
      ['an invalid domain name', (b, { chosen }) => ({ ...b, domains: ['not a domain', ...chosen.slice(1)] }), 400, 'invalid_request', 'domains[0]'],
      ['too few domains', (b, { chosen }) => ({ ...b, domains: chosen.slice(0, 2) }), 400, 'domain_count_mismatch', 'domains'],
      ['a premium domain', (b, { chosen }) => ({ ...b, domains: ['premium-acme.com', ...chosen.slice(1)] }), 409, 'domain_unavailable', 'domains'],
      ['not JSON', () => '{"user":', 400, 'invalid_request'],
    ];

    it.each(cases)('%s → %i %s', async (_label, mutate, status, code, field) => {
      const { h, bundle, chosen } = await setup();
      const base = JSON.parse(JSON.stringify(orderInput(bundle, chosen))) as Record<string, unknown>;
      const mutated = mutate(base, { chosen });
      const error = await apiError(h.client.request({ method: 'POST', path: '/orders', body: typeof mutated === 'string' ? mutated : JSON.stringify(mutated) }));
      expect([error.status, error.code]).toEqual([status, code]);
      if (field !== undefined) expect(error.field).toBe(field);
      expect(error.requestId).toMatch(/^req_/);
      expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain('Sm4rtl3ad-s3cret!');
      expect(h.sandbox.stats.orders.created).toBe(0);
    });

    it('domain_count_mismatch carries required, submitted and missing counts', async () => {
      const { h, bundle, chosen } = await setup();
      const error = await apiError(h.client.request({ method: 'POST', path: '/orders', body: orderInput(bundle, chosen.slice(0, 1)) }));
      expect(error.details).toEqual({ required_count: 4, submitted_count: 1, missing_count: 3 });
      const tooMany = await apiError(h.client.request({ method: 'POST', path: '/orders', body: orderInput(bundle, [...chosen, 'order-mail-extra.com']) }));
      expect(tooMany.details).toEqual({ required_count: 4, submitted_count: 5, missing_count: 0 });
    });

    it('provider_mismatch when too few names can serve Microsoft', async () => {
      const { h, bundle } = await setup();
      const rows = await h.client.checkAvailability(Array.from({ length: 200 }, (_, i) => `gonly-${i}.com`));
      const googleOnly = rows.filter((r) => r.available && !r.premium && r.usable_for?.length === 1).slice(0, 4).map((r) => r.domain);
      expect(googleOnly).toHaveLength(4);
      const error = await apiError(h.client.request({ method: 'POST', path: '/orders', body: orderInput(bundle, googleOnly) }));
      expect([error.status, error.code, error.field]).toEqual([400, 'provider_mismatch', 'domains']);
      expect(error.details).toMatchObject({ required_microsoft: 1, microsoft_capable: 0 });
    });
  });
});
