/**
 * The demo's "partner backend": everything a partner runs on its own server, wired to the
 * local Peeker sandbox instead of the real API. It is the same code a partner would write:
 *
 * - `POST /api/availability`: `createAvailabilityHandler` (the browser never holds the key);
 * - `POST /api/orders`: adds the customer's Smartlead credentials **server-side**, validates
 *   with `buildOrderRequest`, and places the order with `createOrder` (canonical body);
 * - `POST /api/webhooks/peeker`: `createWebhookHandler` verifies the sandbox's signed events;
 * - `GET /api/events`: a server-sent-events stream that relays verified events to the page;
 * - `GET /api/config`: the sample bundle and the non-secret order fields.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildOrderRequest, estimateRequiredDomains, PeekerError, type Bundle, type OrderDraft, type WebhookEvent } from '@peeker/core';
import { createAvailabilityHandler, createPeekerClient, createWebhookHandler } from '@peeker/core/server';
import { startSandbox } from '@peeker/sandbox';

/** Demo Smartlead login. In real life it comes from the partner's secret store; it never reaches the page. */
const DEMO_SEQUENCER = {
  provider: 'smartlead',
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
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage, limit = 64 * 1024): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PeekerError('payload_too_large', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new PeekerError('invalid_request', 'Request body is not valid JSON', { cause: error });
  }
}

/** The server's log line for a failure: code and Peeker request id, never a secret. */
function logFailure(where: string, error: unknown): void {
  const e = error as { code?: string; status?: number; requestId?: string };
  const code = PeekerError.is(error) ? error.code : error instanceof Error ? error.name : typeof error;
  console.error(`[demo] ${where} failed: ${code}${e.status ? ` (HTTP ${e.status})` : ''}${e.requestId ? ` request ${e.requestId}` : ''}`);
}

/**
 * Starts the sandbox and returns the middleware of the demo's partner backend.
 * @param options - see {@link DemoBackendOptions}
 * @returns the backend
 */
export async function startDemoBackend(options: DemoBackendOptions = {}): Promise<DemoBackend> {
  const sandbox = await startSandbox({ port: 0, seed: options.seed ?? 1, latencyMs: options.latencyMs ?? 150 });
  const client = createPeekerClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl });

  // The sample bundle: 25,000 emails a month, Peeker's split → 15 Google + 4 Microsoft.
  const bundle = (await client.createBundle({
    name: 'Starter — 25k emails/month',
    monthly_sending_volume: 25_000,
  })) as Bundle;

  const streams = new Set<ServerResponse>();
  const history: WebhookEvent[] = [];
  const broadcast = (event: WebhookEvent): void => {
    history.push(event);
    const line = `data: ${JSON.stringify({ id: event.id, type: event.type, data: event.data })}\n\n`;
    for (const stream of streams) stream.write(line);
  };

  const availability = createAvailabilityHandler({ client, onError: (error) => logFailure('availability', error) });
  const webhooks = createWebhookHandler({
    secret: sandbox.webhookSecret,
    onEvent: (event) => broadcast(event),
  });

  async function placeOrder(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const body = (await readJson(req)) as { order?: OrderDraft } | null;
      const draft: Partial<OrderDraft> = body?.order ?? {};
      // Never trust the browser's list: re-check it fresh, then validate counts, the
      // Google/Microsoft split and orderability against those rows.
      const names = Array.isArray(draft.domains)
        ? draft.domains.map((d) => (typeof d === 'string' ? d : String(d?.domain ?? '')))
        : [];
      const rows = names.length > 0 ? await client.checkAvailability(names, { fresh: true }) : [];
      // The browser sent only the non-secret draft; the credentials are added here.
      const order = buildOrderRequest(
        { ...draft, bundle_id: bundle.id, sequencer: { ...DEMO_SEQUENCER } },
        { required: bundle.required_domains, rows },
      );
      const { order: receipt, requestId } = await client.createOrder(order);
      sendJson(res, 200, { data: receipt, request_id: requestId ?? null });
    } catch (error) {
      logFailure('order', error);
      const e = error as { status?: number; code?: string; message?: string; issues?: unknown; requestId?: string };
      const status =
        typeof e.status === 'number' && e.status >= 400 ? e.status
        : PeekerError.is(error) ? (error.code === 'payload_too_large' ? 413 : 400)
        : 500;
      sendJson(res, status, {
        error: {
          code: PeekerError.is(error) ? error.code : 'internal_error',
          message: PeekerError.is(error) ? error.message : 'Unexpected error',
          ...(e.issues ? { details: { issues: e.issues } } : {}),
          ...(e.requestId ? { request_id: e.requestId } : {}),
        },
      });
    }
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  return {
    middleware(req, res, next) {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/api/availability') void availability.node(req, res);
      else if (path === '/api/webhooks/peeker') void webhooks.node(req, res);
      else if (path === '/api/orders' && req.method === 'POST') void placeOrder(req, res);
      else if (path === '/api/events') openEventStream(req, res);
      else if (path === '/api/config') {
        sendJson(res, 200, {
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
          events: history,
        });
      } else next();
    },
    setPublicOrigin(origin) {
      sandbox.setWebhookUrl(`${origin}/api/webhooks/peeker`);
    },
    async close() {
      for (const stream of streams) stream.end();
      streams.clear();
      await client.close();
      await sandbox.close();
    },
  };
}
