/**
 * The demo's "partner backend": everything a partner runs on its own server, wired to the
 * local Peeker sandbox instead of the real API, built only from `@peeker/core/server`'s
 * handlers (the same code as the root README's backend section):
 *
 * - `POST /api/availability`: `createAvailabilityHandler` (the browser never holds the key);
 * - `POST /api/orders`: `createOrderHandler`: fresh re-check, 409 with replacements, the
 *   Smartlead login added server-side, idempotent replays;
 * - `GET /api/orders/events`: `createOrderEventsHandler`: one order's verified webhooks as
 *   server-sent events, for the token holder only;
 * - `POST /api/webhooks/peeker`: `createWebhookHandler` verifies the sandbox's signed events
 *   and feeds the order events;
 * - `GET /api/config`: the sample bundle and the non-secret order fields.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { estimateRequiredDomains, PeekerError, type Bundle } from '@peeker/core';
import {
  createAvailabilityHandler,
  createOrderEventsHandler,
  createOrderHandler,
  createPeekerClient,
  createWebhookHandler,
} from '@peeker/core/server';
import { startSandbox } from '@peeker/sandbox';

/** Demo Smartlead login. In real life it comes from the partner's secret store; it never reaches the page. */
const DEMO_SEQUENCER = {
  client_id: 366903,
  login_email: 'ops@client.example',
  login_password: 'demo-smartlead-password',
} as const;

/** What the demo backend exposes to the Vite dev server. */
export interface DemoBackend {
  /** Connect-style middleware serving `/api/*`; calls `next()` for everything else. */
  middleware(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  /** Points the sandbox's webhooks at this server once its port is known. */
  setPublicOrigin(origin: string): void;
  /** Stops the sandbox and closes open event streams. */
  close(): Promise<void>;
}

/** Options of {@link startDemoBackend}. */
export interface DemoBackendOptions {
  /** Seed of the sandbox's deterministic availability. @default 1 */
  seed?: number;
  /** Delay of each sandbox availability call, to make streaming visible. @default 150 */
  latencyMs?: number;
  /** Time between the sandbox's order progress steps. @default 50 */
  orderProgressMs?: number;
}

/** The server's log line for a failure: code and Peeker request id, never a secret. */
function logFailure(where: string, error: unknown): void {
  const e = error as { status?: number; requestId?: string };
  const code = PeekerError.is(error) ? error.code : error instanceof Error ? error.name : typeof error;
  console.error(`[demo] ${where} failed: ${code}${e.status ? ` (HTTP ${e.status})` : ''}${e.requestId ? ` request ${e.requestId}` : ''}`);
}

/**
 * Starts the sandbox and returns the middleware of the demo's partner backend.
 * @param options - see {@link DemoBackendOptions}
 * @returns the backend
 */
export async function startDemoBackend(options: DemoBackendOptions = {}): Promise<DemoBackend> {
  const sandbox = await startSandbox({
    port: 0,
    seed: options.seed ?? 1,
    latencyMs: options.latencyMs ?? 150,
    orderProgressMs: options.orderProgressMs ?? 50,
  });
  const client = createPeekerClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl });

  // The sample bundle: 25,000 emails a month, Peeker's split → 15 Google + 4 Microsoft.
  const bundle: Bundle = await client.createBundle({ name: 'Starter — 25k emails/month', monthly_sending_volume: 25_000 });

  // A per-run secret for the order-scoped event tokens (a real server keeps one in its vault).
  const orderEvents = createOrderEventsHandler({ secret: randomBytes(32).toString('hex'), onError: (error) => logFailure('order events', error) });
  const availability = createAvailabilityHandler({ client, onError: (error) => logFailure('availability', error) });
  const orders = createOrderHandler({
    client,
    orderEvents,
    // The demo has one customer; a real backend checks the session and looks up that customer's login.
    sequencer: () => ({ ...DEMO_SEQUENCER }),
    onError: (error) => logFailure('order', error),
  });
  const webhooks = createWebhookHandler({
    secret: sandbox.webhookSecret,
    onEvent: (event) => orderEvents.publish(event),
    onError: (error) => logFailure('webhook', error),
  });

  const config = JSON.stringify({
    bundle,
    estimate: estimateRequiredDomains(bundle),
    order: {
      user: 'client@example.com',
      bundle_id: bundle.id,
      forwarding_url: 'https://acme.com',
      personas: [
        { first_name: 'Sam', last_name: 'Lee', profile_picture_url: '' },
        { first_name: 'Alex', last_name: 'Rivera', profile_picture_url: '' },
      ],
    },
  });

  return {
    middleware(req, res, next) {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/api/availability') void availability.node(req, res);
      else if (path === '/api/orders') void orders.node(req, res);
      else if (path === '/api/orders/events') void orderEvents.node(req, res);
      else if (path === '/api/webhooks/peeker') void webhooks.node(req, res);
      else if (path === '/api/config') {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(config);
      } else next();
    },
    setPublicOrigin(origin) {
      sandbox.setWebhookUrl(`${origin}/api/webhooks/peeker`);
    },
    async close() {
      orderEvents.close();
      await client.close();
      await sandbox.close();
    },
  };
}
