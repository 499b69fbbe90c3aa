/**
 * The demo's partner backend on its own (no browser): its routes are `@peeker/core/server`'s
 * handlers, so the draft is re-checked before ordering, taken names come back as 409 with
 * replacements, bad bodies get 4xx, the order's events stream to its token holder, and the
 * Smartlead password is never echoed. Real sandbox, real handlers, loopback HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateCandidates, solveSelection, type AvailabilityRow } from '@peeker/core';
import { startDemoBackend, type DemoBackend } from '../../demo/server/demo-backend.ts';

let backend: DemoBackend;
let server: Server;
let origin: string;
let config: { bundle: { id: string; required_domains: { google: number; microsoft: number } }; order: Record<string, unknown> };
let cheapest: { google: string[]; microsoft: string[]; domains: string[] };

async function post(path: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  backend = await startDemoBackend({ latencyMs: 0 });
  server = createServer((req, res) => backend.middleware(req, res, () => { res.statusCode = 404; res.end(); }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  backend.setPublicOrigin(origin);
  config = (await (await fetch(`${origin}/api/config`)).json()) as typeof config;
  const names = generateCandidates({ brand: 'acme', limit: 150 }).map((c) => c.domain);
  const { text } = await post('/api/availability', JSON.stringify({ domains: names }));
  const rows = (JSON.parse(text) as { data: { domains: AvailabilityRow[] } }).data.domains;
  const answer = solveSelection({ rows, required: config.bundle.required_domains });
  if (answer.status !== 'optimal') throw new Error(`no valid set in the sandbox: ${answer.message}`);
  cheapest = answer;
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await backend.close();
});

describe('demo backend /api/orders', () => {
  it('answers a name taken since the check with 409 names_taken, naming the domain', async () => {
    const domains = [...cheapest.domains.slice(1), 'taken-acme.com'];
    const { status, text } = await post('/api/orders', JSON.stringify({ order: { ...config.order, domains } }));
    expect(status).toBe(409);
    const body = JSON.parse(text) as { error: { code: string; details: { taken: { domain: string }[] } } };
    expect(body.error.code).toBe('names_taken');
    expect(body.error.details.taken.map((t) => t.domain)).toEqual(['taken-acme.com']);
    expect(text).not.toContain('demo-smartlead-password');
  });

  it('refuses a draft whose names cannot fill the Microsoft slots', async () => {
    // Only Google slots' worth of names plus Google-only extras: the split is impossible or the count is off.
    const domains = cheapest.google.concat(cheapest.google.slice(0, cheapest.microsoft.length).map((d) => `x${d}`));
    const { status, text } = await post('/api/orders', JSON.stringify({ order: { ...config.order, domains } }));
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(['invalid_order', 'names_taken']).toContain(JSON.parse(text).error.code);
  });

  it('answers a body that is not JSON with 400 invalid_request', async () => {
    const { status, text } = await post('/api/orders', '{"order": ');
    expect(status).toBe(400);
    expect(JSON.parse(text).error.code).toBe('invalid_request');
  });

  it('places a valid order, returns the receipt and an events token, and streams the order to its holder only', async () => {
    const { status, text } = await post('/api/orders', JSON.stringify({ order: { ...config.order, domains: cheapest.domains } }));
    expect(status).toBe(200);
    const body = JSON.parse(text) as { data: { id: string; domain_count: number }; events: { token: string } };
    expect(body.data.id).toMatch(/^ord_/);
    expect(body.data.domain_count).toBe(cheapest.domains.length);
    expect(text).not.toContain('demo-smartlead-password');
    const refused = await fetch(`${origin}/api/orders/events?order=${body.data.id}&token=${encodeURIComponent(`1.${'x'.repeat(43)}`)}`);
    expect(refused.status).toBe(403);
    const stream = await fetch(`${origin}/api/orders/events?order=${body.data.id}&token=${encodeURIComponent(body.events.token)}`);
    const events = await stream.text();
    expect(events.match(/"type":"domain\.connected"/g)).toHaveLength(cheapest.domains.length);
    expect(events).toContain('"type":"order.completed"');
  });
});
