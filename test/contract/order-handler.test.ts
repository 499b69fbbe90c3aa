/**
 * `createOrderHandler` against the real sandbox over loopback: the draft is re-checked fresh,
 * taken names come back as a 409 with the cheapest replacement set, identical drafts replay
 * the receipt, limits hold before any upstream call, and no failure leaks a secret.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isOrderable, type AvailabilityRow, type Bundle } from '@peeker/core';
import { createOrderHandler, createPeekerClient, type OrderHandler } from '@peeker/core/server';
import { listen, names, startHarness, FAST_AVAILABILITY, type Harness } from './contract-helpers.ts';

const LOGIN = { client_id: 366903, login_email: 'ops@client.example', login_password: 'Sm4rtl3ad-s3cret!' };
const PERSONAS = [{ first_name: 'Sam', last_name: 'Lee', profile_picture_url: '' }];

let h: Harness;
let bundle: Bundle;
let handler: OrderHandler;
let server: Awaited<ReturnType<typeof listen>>;
let pool: AvailabilityRow[];
const errors: unknown[] = [];
let stem = 0;

/** A valid draft of `bundle.required_domains.total` names from a fresh stem, plus spare orderable names. */
async function draftFor(): Promise<{ draft: Record<string, unknown>; spare: string[]; chosen: AvailabilityRow[] }> {
  stem += 1;
  const rows = (await h.client.checkAvailability(names(60, `ord${stem}`))).filter(isOrderable);
  const { google, microsoft, total } = bundle.required_domains;
  const dual = rows.filter((r) => r.usable_for?.includes('microsoft'));
  const ms = dual.slice(0, microsoft);
  const rest = rows.filter((r) => !ms.includes(r)).slice(0, total - microsoft);
  const chosen = [...ms, ...rest];
  if (chosen.length !== google + microsoft) throw new Error('not enough orderable names');
  const spare = rows.filter((r) => !chosen.includes(r)).map((r) => r.domain);
  const draft = { user: 'client@example.com', bundle_id: bundle.id, forwarding_url: 'https://acme.com', domains: chosen.map((r) => r.domain), personas: PERSONAS };
  return { draft, spare, chosen };
}

async function post(body: unknown, init: { raw?: string; contentType?: string } = {}): Promise<{ status: number; text: string; json: any }> {
  const response = await fetch(`${server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json' },
    body: init.raw ?? JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: asserted by the caller
  }
  return { status: response.status, text, json };
}

beforeAll(async () => {
  h = await startHarness();
  bundle = await h.client.createBundle({ name: 'Contract 25k', monthly_sending_volume: 25_000 });
  handler = createOrderHandler({
    client: h.client,
    sequencer: () => ({ ...LOGIN }),
    orderEvents: { token: (id) => `token-for-${id}` },
    onError: (error) => errors.push(error),
  });
  server = await listen((req, res) => void handler.node(req, res));
  pool = await h.client.checkAvailability(names(10, 'warm'));
}, 30_000);

afterAll(async () => {
  await server?.close();
  await h?.close();
});

afterEach(() => {
  h.sandbox.setFaults({});
  for (const error of errors) expect(JSON.stringify(error) + String(error)).not.toContain(LOGIN.login_password);
  errors.length = 0;
});

describe('createOrderHandler against the sandbox', () => {
  it('re-checks the draft fresh, adds the login server-side and answers the receipt with an events token', async () => {
    const { draft } = await draftFor();
    h.sandbox.resetStats();
    const before = h.sandbox.stats.orders.created;
    const { status, json, text } = await post({ order: draft });
    expect(status).toBe(200);
    expect(json.data.id).toMatch(/^ord_/);
    expect(json.data.domain_count).toBe(19);
    expect(json.events.token).toBe(`token-for-${json.data.id}`);
    expect(text).not.toContain(LOGIN.login_password);
    const stats = h.sandbox.stats;
    expect(stats.requests['GET /bundles/{id}']).toBe(1);
    expect(stats.requests['POST /domains/availability']).toBe(1); // the fresh re-check of 19 names
    expect(stats.orders.created - before).toBe(1);
    expect(pool.length).toBe(10);
  });

  it('answers a re-sent identical draft with the original receipt, never "taken" (sequential)', async () => {
    const { draft } = await draftFor();
    const first = await post(draft);
    expect(first.status).toBe(200);
    h.sandbox.resetStats();
    const again = await post({ order: { ...draft, domains: [...(draft.domains as string[])].reverse() } });
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(h.sandbox.stats.totalRequests).toBe(0);
  });

  it('answers 10 concurrent identical drafts with one order and one receipt', async () => {
    const { draft } = await draftFor();
    const before = h.sandbox.stats.orders.created;
    const answers = await Promise.all(Array.from({ length: 10 }, () => post({ order: draft })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((a) => a.json.data.id)).size).toBe(1);
    expect(h.sandbox.stats.orders.created - before).toBe(1);
  });

  it('answers 409 names_taken with the exact cheapest replacement set from fresh rows, and the extra cost', async () => {
    const { draft, spare, chosen } = await draftFor();
    const taken = chosen.filter((r) => !r.usable_for?.includes('microsoft'))[0]!;
    h.sandbox.markTaken(taken.domain);
    const quoted = chosen.reduce((sum, r) => sum + (r.price_cents ?? 0), 0);
    const { status, json, text } = await post({ order: draft, alternates: spare, cost: { total_cents: quoted } });
    expect(status).toBe(409);
    expect(json.error.code).toBe('names_taken');
    expect(json.error.details.taken).toEqual([{ domain: taken.domain, reason: 'taken' }]);
    const replacement = json.error.details.replacement;
    expect(replacement.removed).toEqual([taken.domain]);
    expect(replacement.domains).toHaveLength(19);
    // every surviving name is kept; exactly one name was added, the cheapest spare that fits
    for (const row of chosen) if (row !== taken) expect(replacement.domains).toContain(row.domain);
    expect(replacement.added).toHaveLength(1);
    const spareRows = (await h.client.checkAvailability(spare)).filter(isOrderable);
    const cheapest = Math.min(...spareRows.map((r) => r.price_cents ?? Infinity));
    expect(replacement.added[0].price_cents).toBe(cheapest);
    expect(replacement.extra_cents).toBe(replacement.cost.total_cents - quoted);
    expect(replacement.extra_cents).toBe(cheapest - (taken.price_cents ?? 0));
    expect(text).not.toContain(LOGIN.login_password);
    const ordered = await post({ order: { ...draft, domains: replacement.domains } });
    expect(ordered.status).toBe(200);
  });

  it('applies the selection caps to replacements, and drops a cap that makes the order impossible', async () => {
    const { draft, spare, chosen } = await draftFor();
    h.sandbox.markTaken(chosen[0]!.domain);
    const request = (selection: object) =>
      createOrderHandler({ client: h.client, sequencer: () => ({ ...LOGIN }), selection }).fetch(
        new Request('http://x/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ order: draft, alternates: spare }) }),
      );
    // Every name in one group, at most one per group: impossible, so the cap is dropped.
    const relaxed = (await (await request({ groupOf: () => 'all', maxPerGroup: 1 })).json()) as any;
    expect(relaxed.error.details.replacement.domains).toHaveLength(19);
    // A cap that holds: the cheapest spare shares a group with the 18 survivors (cap 18), so
    // the replacement must be the cheapest of the other spares.
    const spareRows = (await h.client.checkAvailability(spare)).filter(isOrderable).sort((a, b) => (a.price_cents ?? 0) - (b.price_cents ?? 0) || (a.domain < b.domain ? -1 : 1));
    const cheapest = spareRows[0]!.domain;
    const survivors = new Set(chosen.slice(1).map((r) => r.domain));
    const capped = (await (await request({ groupOf: (r: { domain: string }) => (survivors.has(r.domain) || r.domain === cheapest ? 'crowded' : r.domain), maxPerGroup: 18 })).json()) as any;
    const added = capped.error.details.replacement.added.map((a: { domain: string }) => a.domain);
    expect(added).not.toContain(cheapest);
    expect(added).toHaveLength(1);
    expect(capped.error.details.replacement.added[0].price_cents).toBeGreaterThanOrEqual(spareRows[0]!.price_cents!);
  });

  it('without alternates a taken name comes back with the shortfall instead of a replacement', async () => {
    const { draft, chosen } = await draftFor();
    h.sandbox.markTaken(chosen[0]!.domain);
    const { status, json } = await post(draft);
    expect(status).toBe(409);
    expect(json.error.details.replacement).toBeNull();
    expect(json.error.details.shortfall.total).toBe(1);
  });

  it('refuses more names than allowed before any upstream call (one 58 KB POST costs nothing upstream)', async () => {
    const { draft } = await draftFor();
    const many = names(5400, 'burn');
    h.sandbox.resetStats();
    const body = JSON.stringify({ order: { ...draft, domains: many } });
    expect(body.length).toBeGreaterThan(58_000);
    const { status, json } = await post(null, { raw: body });
    expect(status).toBe(413);
    expect(json.error.code).toBe('payload_too_large');
    const smaller = await post({ order: { ...draft, domains: names(300, 'burn') } });
    expect(smaller.status).toBe(400);
    expect(smaller.json.error.code).toBe('too_many_domains');
    expect(h.sandbox.stats.totalRequests).toBe(0);
  });

  it('refuses a draft whose count does not match the bundle before any availability call', async () => {
    const { draft } = await draftFor();
    h.sandbox.resetStats();
    const { status, json } = await post({ order: { ...draft, domains: [...(draft.domains as string[]), 'one-more-acme.com'] } });
    expect(status).toBe(400);
    expect(json.error.code).toBe('invalid_order');
    expect(json.error.details.issues.map((i: { code: string }) => i.code)).toContain('domain_count_mismatch');
    expect(h.sandbox.stats.requests['POST /domains/availability'] ?? 0).toBe(0);
  });

  it.each([
    ['bad JSON', '{"order":', 'application/json', 400, 'invalid_request'],
    ['a JSON array', '[1,2]', 'application/json', 400, 'invalid_request'],
    ['a form body', 'a=1', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
    ['bad UTF-8', Buffer.from([0x7b, 0xff, 0x7d]).toString('latin1'), 'application/json', 400, 'invalid_request'],
  ])('answers %s with a typed envelope', async (_, raw, contentType, status, code) => {
    const answer = await post(null, { raw, contentType });
    expect(answer.status).toBe(status);
    expect(answer.json.error.code).toBe(code);
  });

  it('answers a 10 MB body with 413 and keeps serving', async () => {
    const answer = await post(null, { raw: `{"order":"${'x'.repeat(10 * 1024 * 1024)}"}` }).catch((error: unknown) => ({ status: -1, json: null, text: String(error) }));
    // Either the 413 arrives, or the server closed the connection after answering it.
    if (answer.status !== -1) expect(answer.status).toBe(413);
    const { draft } = await draftFor();
    expect((await post({ order: { ...draft, personas: [] } })).status).toBe(400);
  });

  it('answers invalid fields with every issue and GET with 405', async () => {
    const { status, json } = await post({ order: { user: 'nope', bundle_id: 'x', domains: ['not a name'], personas: [] } });
    expect(status).toBe(400);
    const paths = json.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['user', 'bundle_id', 'domains[0]', 'personas']));
    const get = await fetch(`${server.url}/api/orders`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('maps a Peeker 5xx on the order to 502 upstream_error and a retry of the same draft then succeeds once', async () => {
    const { draft } = await draftFor();
    h.sandbox.setFaults({ script: ['server_error', 'server_error', 'server_error'], routes: ['POST /orders'] });
    const failed = await post({ order: draft });
    expect(failed.status).toBe(502);
    expect(failed.json.error.code).toBe('upstream_error');
    expect(failed.text).not.toContain(LOGIN.login_password);
    h.sandbox.setFaults({});
    const retried = await post({ order: draft });
    expect(retried.status).toBe(200);
  });

  it('a retry after a lost response gets the original order, not "taken" (the names it bought)', async () => {
    const { draft } = await draftFor();
    const before = h.sandbox.stats.orders.created;
    // Every attempt is processed by the sandbox, then the connection drops: the order exists,
    // but the handler never saw an answer.
    h.sandbox.setFaults({ script: ['drop_after', 'drop_after', 'drop_after'], routes: ['POST /orders'] });
    const lost = await post({ order: draft });
    expect(lost.status).toBe(502);
    expect(lost.json.error.code).toBe('network_error');
    h.sandbox.setFaults({});
    expect(h.sandbox.stats.orders.created - before).toBe(1);
    const retried = await post({ order: draft });
    expect(retried.status).toBe(200);
    expect(h.sandbox.stats.orders.created - before).toBe(1);
    expect(h.sandbox.stats.orders.replays).toBeGreaterThan(0);
  });

  it('refuses when the sequencer callback returns null (403) and hides a throwing callback (500, no secret)', async () => {
    const { draft } = await draftFor();
    const refusing = createOrderHandler({ client: h.client, sequencer: () => null });
    const request = (body: unknown) =>
      new Request('http://x/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    h.sandbox.resetStats();
    const refused = await refusing.fetch(request({ order: draft }));
    expect(refused.status).toBe(403);
    expect(h.sandbox.stats.totalRequests).toBe(0); // refused before any call to Peeker
    expect((await refused.json()).error.code).toBe('forbidden');
    const seen: unknown[] = [];
    const throwing = createOrderHandler({
      client: h.client,
      sequencer: () => {
        throw new Error(`vault down for ${LOGIN.login_password}`);
      },
      onError: (error) => seen.push(error),
    });
    const broken = await throwing.fetch(request({ order: draft }));
    expect(broken.status).toBe(500);
    expect(await broken.text()).not.toContain(LOGIN.login_password);
    expect(seen).toHaveLength(1);
  });

  it('works behind a JSON body parser (Express express.json(): the parsed body on req.body)', async () => {
    const { draft } = await draftFor();
    const parsed = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString('utf8')), _body: true });
        void handler.node(req, res);
      });
    });
    try {
      const response = await fetch(`${parsed.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ order: draft }) });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { id: string } }).data.id).toMatch(/^ord_/);
    } finally {
      await parsed.close();
    }
  });

  it('orders nothing when the idempotency store is down: 503 idempotency_unavailable', async () => {
    const { draft } = await draftFor();
    const down = {
      claim: async () => {
        throw new Error('redis: connection refused');
      },
      complete: async () => undefined,
      release: async () => undefined,
    };
    const orders = createOrderHandler({ client: h.client, sequencer: () => ({ ...LOGIN }), idempotency: down });
    h.sandbox.resetStats();
    const response = await orders.fetch(
      new Request('http://x/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(draft) }),
    );
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('idempotency_unavailable');
    expect(h.sandbox.stats.totalRequests).toBe(0);
  });

  it('never reveals a rejected server key: 502 upstream_unauthorized', async () => {
    const { draft } = await draftFor();
    const wrong = createPeekerClient({ apiKey: 'pk_test_wrong_key_1234', baseUrl: h.sandbox.baseUrl, availability: FAST_AVAILABILITY });
    try {
      const orders = createOrderHandler({ client: wrong, sequencer: () => ({ ...LOGIN }) });
      const response = await orders.fetch(
        new Request('http://x/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(draft) }),
      );
      expect(response.status).toBe(502);
      const text = await response.text();
      expect(JSON.parse(text).error.code).toBe('upstream_unauthorized');
      expect(text).not.toContain('pk_test_wrong_key_1234');
    } finally {
      await wrong.close();
    }
  });
});
