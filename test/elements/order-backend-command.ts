/**
 * Node side of the `orderBackend` browser command (registered in vitest.config.ts for the
 * elements project): a real loopback HTTP server running `createOrderHandler` and
 * `createOrderEventsHandler` from `@peeker/core/server`, so element tests exercise the real
 * order endpoint and event stream over HTTP. Only the Peeker client behind the handler is
 * an in-process stand-in answering like the suites' fake transport (`fakeRow`), with names
 * the test marks taken and a counter of placed orders. Not a test file.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AvailabilityRow, WebhookEvent } from '@peeker/core';
import { createOrderEventsHandler, createOrderHandler, type OrderEventsHandler, type OrderHandlerClient } from '@peeker/core/server';
import { fakeRow } from './fake-row.ts';

interface Backend {
  url: string;
  server: Server;
  taken: Set<string>;
  orders: { id: string; domains: string[] }[];
  bodies: unknown[];
  events: OrderEventsHandler;
}

/** One backend per suite (`request.suite`): browser test files may run side by side. */
const backends = new Map<string, Backend>();

async function start(): Promise<Backend> {
  const taken = new Set<string>();
  const orders: Backend['orders'] = [];
  const bodies: unknown[] = [];
  const client: OrderHandlerClient = {
    async getBundle(id) {
      return {
        id,
        name: 'Test 25k',
        monthly_sending_volume: 25_000,
        google_percent: null,
        microsoft_percent: null,
        send_on_weekends: false,
        google_inboxes_per_domain: 2,
        status: 'active',
        effective: { google_percent: 50, microsoft_percent: 50 },
        required_domains: { google: 15, microsoft: 4, total: 19 },
        created_at: '2026-05-08T12:00:00Z',
      } as never;
    },
    async checkAvailability(names) {
      const now = Date.now();
      return names.map((domain): AvailabilityRow =>
        taken.has(domain) ? { domain, available: false, premium: false, reason: 'taken', checked_at: now } : { ...fakeRow(domain), checked_at: now },
      );
    },
    async createOrder(order) {
      const domains = order.domains.map((d) => (typeof d === 'string' ? d : d.domain));
      const id = `ord_test${orders.length + 1}`;
      orders.push({ id, domains });
      return {
        order: { id, status: 'in_progress', domain_count: domains.length, bundle_id: order.bundle_id, costs: { total_cents: 0, currency: 'usd' } } as never,
        requestId: `req_test${orders.length}`,
      };
    },
  };
  const events = createOrderEventsHandler({ secret: 'element-tests-order-events-secret' });
  const orderHandler = createOrderHandler({ client, sequencer: () => ({ client_id: 1, login_email: 'ops@client.example', login_password: 'pw' }), orderEvents: events });
  const server = createServer((req, res) => {
    // The test page runs on vitest's origin: allow it (and the preflight of a JSON POST).
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type, last-event-id' }).end();
      return;
    }
    const path = (req.url ?? '').split('?')[0];
    if (path === '/orders') {
      const chunks: Buffer[] = [];
      // Record the body the element sent (a copy; the handler reads its own stream).
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          bodies.push(null);
        }
      });
      void orderHandler.node(req, res);
    } else if (path === '/events') void events.node(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, taken, orders, bodies, events };
}

/** What the browser may ask (every request names its suite). */
export type OrderBackendOp = { suite?: string } & (
  | { op: 'start' }
  | { op: 'markTaken'; domains: string[] }
  | { op: 'publish'; event: WebhookEvent }
  | { op: 'token'; orderId: string }
  | { op: 'state' }
  | { op: 'stop' }
);

/**
 * The browser command: `server.commands.orderBackend({ op })`.
 * @param _context - vitest's command context (unused)
 * @param request - what to do
 * @returns JSON-safe answers
 */
export async function orderBackend(_context: unknown, request: OrderBackendOp): Promise<unknown> {
  const suite = request.suite ?? 'default';
  if (request.op === 'start' || request.op === 'stop') {
    // A new server each time: nothing (taken names, orders, remembered receipts) carries over.
    const running = backends.get(suite);
    backends.delete(suite);
    if (running) {
      running.events.close();
      running.server.closeAllConnections();
      await new Promise<void>((resolve) => running.server.close(() => resolve()));
    }
    if (request.op === 'stop') return null;
    const started = await start();
    backends.set(suite, started);
    return { url: started.url };
  }
  const backend = backends.get(suite);
  if (!backend) throw new Error('orderBackend: call { op: "start" } first');
  switch (request.op) {
    case 'markTaken':
      for (const d of request.domains) backend.taken.add(d);
      return null;
    case 'publish':
      await backend.events.publish(request.event);
      return null;
    case 'token':
      return backend.events.token(request.orderId);
    case 'state':
      return { orders: backend.orders, bodies: backend.bodies };
  }
}
