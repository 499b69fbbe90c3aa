import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { describeValue } from '../../internal/describe-value.ts';
import type { WebhookEvent } from '../../webhooks/webhook-event.ts';
import { errorEnvelope, sendNodeResponse, toFetchResponse, type ExchangeResponse } from '../http/http-exchange.ts';
import { createMemoryOrderEventBus, toOrderStatusEvent, type OrderEventBus, type OrderStatusEvent } from './order-event-bus.ts';

/** Options of {@link createOrderEventsHandler}. */
export interface OrderEventsHandlerOptions {
  /**
   * Server secret the order-scoped tokens are signed with (HMAC-SHA256), at least 16
   * characters. Keep it like a password; rotating it invalidates open tokens.
   */
  secret: string;
  /**
   * Where events wait for their stream: in-process by default; a shared bus when several
   * processes serve the site.
   * @default createMemoryOrderEventBus()
   */
  bus?: OrderEventBus;
  /**
   * How long a token from {@link OrderEventsHandler.token} stays valid, in seconds.
   * @default 86400
   */
  tokenTtlSeconds?: number;
  /**
   * Interval of the keep-alive comment on open streams (proxies close idle connections).
   * @default 15000
   */
  heartbeatMs?: number;
  /**
   * Clock in epoch milliseconds (token expiry).
   * @default Date.now
   */
  now?: () => number;
  /**
   * Receives bus failures (publish or subscribe), for the server's logs.
   * @default undefined
   */
  onError?: (error: unknown) => void;
}

/** The live order-status endpoint plus its feed. */
export interface OrderEventsHandler {
  /**
   * Node `http` handler (also Connect / Express / Vite middleware; `next` is never called) for
   * `GET <path>?order=ord_…&token=…`: a `text/event-stream` of that order's events.
   */
  node(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void>;
  /** Fetch-style handler of the same endpoint (a streaming `Response`). */
  fetch(request: Request): Promise<Response>;
  /**
   * Feeds a verified webhook event in: call it from `createWebhookHandler`'s `onEvent`.
   * Events that belong to no order are ignored.
   * @param event - the verified event
   */
  publish(event: WebhookEvent): Promise<void>;
  /**
   * The token that lets a browser follow one order (the order handler puts it in its receipt).
   * @param orderId - the order (`ord_…`)
   * @returns an opaque token: expiry and HMAC, base64url
   */
  token(orderId: string): string;
  /**
   * @param orderId - the order
   * @param token - what the browser sent
   * @returns whether the token was made for that order by this secret and has not expired
   */
  verify(orderId: string, token: string): boolean;
  /** Ends every open stream (server shutdown). */
  close(): void;
}

/** Events after which an order changes no more: the stream ends after sending them. */
const FINAL_TYPES = new Set(['order.completed', 'order.failed', 'order.cancelled']);

/**
 * The SSE frame of one event: a default `message` event (so one `onmessage` sees every type,
 * including types added later) whose data names the type.
 */
function frame(event: OrderStatusEvent): string {
  return `id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Creates the endpoint that relays verified Peeker webhooks of **one order** to the browser
 * that placed it, as server-sent events, and the `publish` that feeds it.
 *
 * Authorisation is an order-scoped token, never the order id alone: `token(orderId)` is
 * `<expiry>.<HMAC-SHA256(secret, "peeker-order-events:<orderId>:<expiry>")>` (base64url),
 * which `createOrderHandler({ orderEvents })` puts in its receipt. A request needs both
 * `order` and `token` query parameters (`EventSource` cannot send headers).
 *
 * Answers: `200 text/event-stream` with the order's earlier events first (webhooks often land
 * before the browser connects), then each new one as a default `message` event with `id: evt_…` and
 * `data: {id,type,created_at,order_id,status,domain,domain_count,reason}`; events already
 * seen (`Last-Event-ID`) are skipped; after `order.completed`, `order.failed` or
 * `order.cancelled` the server sends `event: end` and closes. Errors are JSON envelopes:
 * `405` (not GET), `400 invalid_request` (missing or malformed `order` / `token`),
 * `403 invalid_token` (wrong, expired, or for another order), `503 bus_unavailable`.
 *
 * @param options - see {@link OrderEventsHandlerOptions}
 * @returns the handler, `publish`, `token` and `verify`
 * @throws TypeError when `secret` is shorter than 16 characters or another option is malformed
 * @example
 * ```ts
 * const orderEvents = createOrderEventsHandler({ secret: process.env.ORDER_EVENTS_SECRET! });
 * const webhooks = createWebhookHandler({ secret, onEvent: (event) => orderEvents.publish(event) });
 * const orders = createOrderHandler({ client: peeker, sequencer, orderEvents });
 * app.get('/api/orders/events', orderEvents.node);
 * ```
 */
export function createOrderEventsHandler(options: OrderEventsHandlerOptions): OrderEventsHandler {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected options to be an object, got ${describeValue(options)}`);
  }
  const { secret, onError } = options;
  if (typeof secret !== 'string' || secret.length < 16) {
    throw new TypeError('Expected secret to be a string of at least 16 characters');
  }
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError(`Expected now to be a function, got ${describeValue(now)}`);
  if (onError !== undefined && typeof onError !== 'function') {
    throw new TypeError(`Expected onError to be a function, got ${describeValue(onError)}`);
  }
  const ttl = options.tokenTtlSeconds ?? 86_400;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  for (const [name, value] of [['tokenTtlSeconds', ttl], ['heartbeatMs', heartbeatMs]] as const) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw new TypeError(`Expected ${name} to be a positive integer, got ${describeValue(value)}`);
    }
  }
  const bus = options.bus ?? createMemoryOrderEventBus();
  if (typeof bus?.publish !== 'function' || typeof bus.subscribe !== 'function') {
    throw new TypeError(`Expected bus to have publish and subscribe methods, got ${describeValue(bus)}`);
  }
  const report = (error: unknown): void => {
    try {
      onError?.(error);
    } catch {
      // the logger failed; nothing else to do
    }
  };
  const closers = new Set<() => void>();

  const mac = (orderId: string, expiry: number): Buffer =>
    createHmac('sha256', secret).update(`peeker-order-events:${orderId}:${expiry}`).digest();

  const token = (orderId: string): string => {
    if (typeof orderId !== 'string' || !orderId.startsWith('ord_')) {
      throw new TypeError(`Expected an order id (ord_…), got ${describeValue(orderId)}`);
    }
    const expiry = Math.floor(now() / 1000) + ttl;
    return `${expiry}.${mac(orderId, expiry).toString('base64url')}`;
  };

  const verify = (orderId: string, given: string): boolean => {
    if (typeof orderId !== 'string' || typeof given !== 'string') return false;
    const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(given);
    if (!match) return false;
    const expiry = Number(match[1]);
    if (expiry * 1000 < now()) return false;
    const expected = mac(orderId, expiry);
    const actual = Buffer.from(match[2]!, 'base64url');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };

  /** Checks the query; an error response, or the order to stream. */
  const authorise = (method: string, url: URL): ExchangeResponse | { orderId: string } => {
    if (method !== 'GET') return { status: 405, json: errorEnvelope('method_not_allowed', 'Use GET'), headers: { allow: 'GET' } };
    const orderId = url.searchParams.get('order') ?? '';
    const given = url.searchParams.get('token') ?? '';
    if (!/^ord_[A-Za-z0-9_-]{1,100}$/.test(orderId)) {
      return { status: 400, json: errorEnvelope('invalid_request', 'order must be an order id (ord_…)', 'order') };
    }
    if (given === '') return { status: 400, json: errorEnvelope('invalid_request', 'token is required', 'token') };
    if (!verify(orderId, given)) {
      return { status: 403, json: errorEnvelope('invalid_token', 'The token does not grant access to this order') };
    }
    return { orderId };
  };

  /**
   * Runs one stream: history (after `lastEventId`), then live events, heartbeats, and the end
   * after a final event. `write` returns false once the connection is gone.
   */
  const stream = async (
    orderId: string,
    lastEventId: string | null,
    write: (text: string) => void,
    end: () => void,
    onGone: (stop: () => void) => void,
  ): Promise<boolean> => {
    const seen = new Set<string>();
    let finished = false;
    let subscription: { history: OrderStatusEvent[]; unsubscribe(): void } | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = (): void => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      subscription?.unsubscribe();
      closers.delete(stop);
      end();
    };
    const send = (event: OrderStatusEvent): void => {
      if (finished || seen.has(event.id)) return;
      seen.add(event.id);
      write(frame(event));
      if (FINAL_TYPES.has(event.type)) {
        write('event: end\ndata: {}\n\n');
        stop();
      }
    };
    const early: OrderStatusEvent[] = [];
    let live = false;
    try {
      subscription = await bus.subscribe(orderId, (event) => (live ? send(event) : early.push(event)));
    } catch (error) {
      report(error);
      return false;
    }
    onGone(stop);
    closers.add(stop);
    write(': connected\n\n');
    let history = subscription.history;
    if (lastEventId !== null) {
      const at = history.findIndex((e) => e.id === lastEventId);
      if (at >= 0) {
        for (const e of history.slice(0, at + 1)) seen.add(e.id);
        history = history.slice(at + 1);
      }
    }
    for (const event of history) send(event);
    live = true;
    for (const event of early) send(event);
    if (!finished) {
      timer = setInterval(() => write(': keep-alive\n\n'), heartbeatMs);
      timer.unref?.();
    }
    return true;
  };

  const sseHeaders = {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-accel-buffering': 'no',
  };

  return {
    token,
    verify,
    async publish(event) {
      const status = event && typeof event === 'object' && typeof event.type === 'string' ? toOrderStatusEvent(event) : null;
      if (status === null) return;
      await bus.publish(status);
    },
    close() {
      for (const stop of [...closers]) stop();
    },
    async node(req, res) {
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const auth = authorise((req.method ?? 'GET').toUpperCase(), url);
        if (!('orderId' in auth)) return sendNodeResponse(res, auth);
        const last = req.headers['last-event-id'];
        // Headers go out with the first write, so a failed subscription can still answer 503.
        const write = (text: string): void => {
          if (res.writableEnded) return;
          if (!res.headersSent) res.writeHead(200, sseHeaders);
          res.write(text);
        };
        const ok = await stream(
          auth.orderId,
          typeof last === 'string' ? last : null,
          write,
          () => {
            if (!res.writableEnded) res.end();
          },
          (stop) => res.once('close', stop),
        );
        if (!ok) sendNodeResponse(res, { status: 503, json: errorEnvelope('bus_unavailable', 'Order events are unavailable; retry shortly') });
      } catch (error) {
        report(error);
        if (!res.headersSent) sendNodeResponse(res, { status: 500, json: errorEnvelope('internal_error', 'Internal error') });
        else if (!res.writableEnded) res.end();
      }
    },
    async fetch(request) {
      if (!(request instanceof Request)) throw new TypeError(`Expected a Fetch Request, got ${describeValue(request)}`);
      const auth = authorise(request.method.toUpperCase(), new URL(request.url));
      if (!('orderId' in auth)) return toFetchResponse(auth);
      const encoder = new TextEncoder();
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      let stopStream: (() => void) | undefined;
      let closed = false;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          controller = c;
        },
        cancel() {
          closed = true;
          stopStream?.();
        },
      });
      const ok = await stream(
        auth.orderId,
        request.headers.get('last-event-id'),
        (text) => {
          if (!closed) controller.enqueue(encoder.encode(text));
        },
        () => {
          if (!closed) {
            closed = true;
            controller.close();
          }
        },
        (stop) => {
          stopStream = stop;
          request.signal.addEventListener('abort', stop, { once: true });
        },
      );
      if (!ok) return toFetchResponse({ status: 503, json: errorEnvelope('bus_unavailable', 'Order events are unavailable; retry shortly') });
      return new Response(body, { status: 200, headers: sseHeaders });
    },
  };
}
