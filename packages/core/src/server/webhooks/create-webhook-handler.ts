import type { IncomingMessage, ServerResponse } from 'node:http';
import { PeekerError } from '../../errors/peeker-error.ts';
import { WebhookVerificationError } from '../../errors/webhook-verification-error.ts';
import { describeValue } from '../../internal/describe-value.ts';
import type { WebhookEvent } from '../../webhooks/webhook-event.ts';
import { verifyWebhook } from '../../webhooks/verify-webhook.ts';
import { createMemoryDedupeStore, type WebhookClaimState, type WebhookDedupeStore } from './create-memory-dedupe-store.ts';
import {
  BodyTooLargeError,
  BodyUnavailableError,
  errorEnvelope,
  fromFetchRequest,
  fromNodeRequest,
  sendNodeResponse,
  toFetchResponse,
  type ExchangeRequest,
  type ExchangeResponse,
} from '../http/http-exchange.ts';

/** Extra facts passed to `onEvent`. */
export interface WebhookDeliveryInfo {
  /** The event's id (`evt_…`), from the signed body; equal to the `Peeker-Event-Id` header of a genuine delivery. */
  eventId: string;
  /** The raw request headers. */
  headers: Headers;
}

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /**
   * Signing secret(s). Give several to accept any of them, e.g. `[liveSecret, sandboxSecret]`
   * (sandbox events have their own secret) or old and new during a rotation.
   */
  secret: string | readonly string[];
  /**
   * Your work, called once per new event id. Events arrive out of order: make it
   * order-independent. With `acknowledge: 'after-success'` (the default) the answer waits for
   * it: keep it under Peeker's 15 s delivery timeout (enqueue long work). A throw answers
   * `500` so Peeker redelivers, and goes to `onError`.
   */
  onEvent: (event: WebhookEvent, info: WebhookDeliveryInfo) => void | Promise<void>;
  /**
   * Receives errors thrown by `onEvent` (with the event) and by a dedupe store.
   * @default logs `[peeker] webhook handler error: <code or name>` with console.error
   */
  onError?: (error: unknown, event?: WebhookEvent) => void;
  /**
   * Largest accepted distance between `Peeker-Timestamp` and now, in seconds.
   * @default 300
   */
  toleranceSeconds?: number;
  /**
   * Duplicate detection on the event id (the signed body's `id`, which a genuine delivery also sends as `Peeker-Event-Id`): a store (see {@link WebhookDedupeStore};
   * `@peeker/redis` has one shared by every instance), `{ maxEntries }` for the in-memory
   * LRU, or `false` to call `onEvent` for every delivery.
   * @default an in-memory LRU of 10,000 ids
   */
  dedupe?: WebhookDedupeStore | { maxEntries?: number } | false;
  /**
   * When Peeker gets its 2xx:
   * - `'after-success'`: claim the id → run `onEvent` → mark it done → `200`. A failure
   *   releases the claim and answers `500`, so Peeker redelivers and the next delivery runs it
   *   again; a delivery arriving while another one's `onEvent` runs gets `409
   *   event_in_progress`. No event is lost, but `onEvent` must finish within Peeker's 15 s.
   * - `'before-processing'`: claim → `200` → `onEvent` afterwards (the old behaviour). A
   *   failing `onEvent` is never redelivered by Peeker (its claim is released, so a
   *   redelivery for another reason would run it).
   * @default 'after-success'
   */
  acknowledge?: 'after-success' | 'before-processing';
  /**
   * How long a claim holds when its handler dies without releasing it (a crash): after it,
   * a redelivery of the event runs `onEvent` again.
   * @default 60000
   */
  claimTtlMs?: number;
  /**
   * How long a processed event id is remembered (Peeker retries one event for 24 hours).
   * @default 172800000 (48 hours)
   */
  doneTtlMs?: number;
  /**
   * Largest accepted body in bytes (413 `payload_too_large` beyond).
   * @default 1048576
   */
  maxBodyBytes?: number;
  /**
   * Clock for the timestamp check, epoch milliseconds.
   * @default Date.now
   */
  now?: () => number;
}

/** A webhook endpoint in two forms sharing one core. */
export interface WebhookHandler {
  /**
   * Node `http` handler, also Connect / Express middleware (`next` is never called). It needs
   * the raw body: mount it **before** any JSON body parser (or use `express.raw()`).
   */
  node(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void>;
  /**
   * Fetch-style handler. With `acknowledge: 'before-processing'` on edge platforms, pass
   * `ctx` (anything with `waitUntil`) so the platform keeps `onEvent` alive after the response.
   */
  fetch(request: Request, ctx?: { waitUntil(promise: Promise<unknown>): void }): Promise<Response>;
}

function isDedupeStore(value: unknown): value is WebhookDedupeStore {
  if (typeof value !== 'object' || value === null) return false;
  const store = value as Record<string, unknown>;
  return typeof store.claim === 'function' && typeof store.done === 'function' && typeof store.forget === 'function';
}

function positiveDuration(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`Expected ${name} to be a positive number of milliseconds, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * The header half of verification (docs/peeker-api.md §10.1 steps 2–3), done before the body
 * is buffered so an unsigned or replayed-late request never costs a body read.
 * @returns the failure code and message, or undefined when the headers may be genuine
 */
function precheckHeaders(headers: Headers, toleranceSeconds: number, nowMs: number): { code: string; message: string } | undefined {
  const timestamp = headers.get('peeker-timestamp');
  const signature = headers.get('peeker-signature');
  if (timestamp === null) return { code: 'missing_header', message: 'Missing Peeker-Timestamp header' };
  if (signature === null) return { code: 'missing_header', message: 'Missing Peeker-Signature header' };
  if (!/^[0-9]+$/.test(timestamp.trim()) || !Number.isSafeInteger(Number(timestamp))) {
    return { code: 'invalid_timestamp', message: 'Peeker-Timestamp must be whole Unix seconds (digits only)' };
  }
  if (Math.abs(nowMs - Number(timestamp) * 1000) > toleranceSeconds * 1000) {
    return { code: 'timestamp_out_of_tolerance', message: `Peeker-Timestamp is more than ${toleranceSeconds} s away from now` };
  }
  if (!signature.split(',').some((part) => part.trim().startsWith('v1='))) {
    return { code: 'invalid_signature', message: 'Peeker-Signature holds no v1= signature' };
  }
  return undefined;
}

const defaultOnError = (error: unknown): void => {
  const label = PeekerError.is(error) ? error.code : error instanceof Error ? error.name : typeof error;
  console.error(`[peeker] webhook handler error: ${label}`, error);
};

/**
 * Creates a Peeker webhook endpoint: checks the signature headers and the timestamp before
 * reading the body, reads the raw body (with a limit), verifies it with {@link verifyWebhook}
 * against one or several secrets, claims the event id (signed body `id` = `Peeker-Event-Id`)
 * in the `dedupe` store and runs `onEvent`.
 *
 * Answers (default `acknowledge: 'after-success'`):
 * - `200 {"received":true}` once `onEvent` finished and the id was marked done;
 * - `200 {"received":true,"duplicate":true}` for an id already processed (`onEvent` is not called);
 * - `409 event_in_progress` while another delivery of the same event is being processed
 *   (Peeker retries; if that one fails, the retry runs it);
 * - `500 event_failed` when `onEvent` threw (the claim is released, Peeker redelivers);
 * - `400 {"error":{"code":…}}` with the verification failure code (`missing_header`,
 *   `invalid_timestamp`, `timestamp_out_of_tolerance`, `invalid_signature`, `invalid_payload`);
 *   header and timestamp failures are answered before the body is read;
 * - `405` for anything but POST, `413` over `maxBodyBytes`;
 * - `500` when the raw body was consumed by a body parser, or the dedupe store failed
 *   (`dedupe_store_failed`: nothing is acknowledged, so Peeker retries later).
 *
 * **Assumption:** the signature scheme is the project's stated assumption (docs/peeker-api.md §10.1).
 *
 * @param options - see {@link WebhookHandlerOptions}
 * @returns `{ node, fetch }`
 * @throws TypeError when `secret` is missing, `onEvent` is not a function, or another option has the wrong type
 * @example
 * ```ts
 * const webhooks = createWebhookHandler({
 *   secret: [process.env.PEEKER_WEBHOOK_SECRET!, process.env.PEEKER_SANDBOX_WEBHOOK_SECRET!],
 *   onEvent: async (event) => {
 *     if (event.type === 'order.completed') await markOrderLive(event.data.id as string);
 *   },
 *   onError: (error, event) => log.error({ error, eventId: event?.id }),
 * });
 * http.createServer((req, res) => req.url === '/webhooks/peeker' ? webhooks.node(req, res) : notFound(res));
 * ```
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected options to be an object, got ${describeValue(options)}`);
  }
  const { secret, onEvent, toleranceSeconds, now } = options;
  const secrets = typeof secret === 'string' ? [secret] : Array.isArray(secret) ? [...secret] : undefined;
  if (secrets === undefined || secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s === '')) {
    throw new TypeError(`Expected secret to be a non-empty string or an array of them, got ${describeValue(secret)}`);
  }
  if (typeof onEvent !== 'function') throw new TypeError(`Expected onEvent to be a function, got ${describeValue(onEvent)}`);
  const onError = options.onError ?? defaultOnError;
  if (typeof onError !== 'function') throw new TypeError(`Expected onError to be a function, got ${describeValue(onError)}`);
  if (now !== undefined && typeof now !== 'function') throw new TypeError(`Expected now to be a function, got ${describeValue(now)}`);
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  if (typeof maxBodyBytes !== 'number' || !Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new TypeError(`Expected maxBodyBytes to be a positive integer, got ${describeValue(maxBodyBytes)}`);
  }
  const acknowledge = options.acknowledge ?? 'after-success';
  if (acknowledge !== 'after-success' && acknowledge !== 'before-processing') {
    throw new TypeError(`Expected acknowledge to be 'after-success' or 'before-processing', got ${describeValue(acknowledge)}`);
  }
  const claimTtlMs = positiveDuration('claimTtlMs', options.claimTtlMs, 60_000);
  const doneTtlMs = positiveDuration('doneTtlMs', options.doneTtlMs, 172_800_000);
  const tolerance = toleranceSeconds ?? 300;
  let store: WebhookDedupeStore | undefined;
  if (options.dedupe === false) store = undefined;
  else if (isDedupeStore(options.dedupe)) store = options.dedupe;
  else if (typeof options.dedupe === 'object' && options.dedupe !== null && ('seen' in options.dedupe || 'claim' in options.dedupe)) {
    // A store missing methods (or the older `seen` interface) must not silently become the memory default.
    throw new TypeError('Expected the dedupe store to have claim(id, ttlMs), done(id, ttlMs) and forget(id) methods');
  }
  else if (options.dedupe === undefined || (typeof options.dedupe === 'object' && options.dedupe !== null)) {
    store = createMemoryDedupeStore(options.dedupe ?? {});
  } else {
    throw new TypeError(`Expected dedupe to be a store, { maxEntries } or false, got ${describeValue(options.dedupe)}`);
  }

  const report = (error: unknown, event?: WebhookEvent): void => {
    try {
      onError(error, event);
    } catch {
      // The error callback itself failed; nothing more to do.
    }
  };

  const handle = async (req: ExchangeRequest): Promise<ExchangeResponse & { closeConnection?: boolean }> => {
    if (req.method !== 'POST') return { status: 405, json: errorEnvelope('method_not_allowed', 'Use POST'), headers: { allow: 'POST' } };
    const early = precheckHeaders(req.headers, tolerance, now === undefined ? Date.now() : now());
    // The body was not read: close the connection instead of draining it.
    if (early !== undefined) return { status: 400, json: errorEnvelope(early.code, early.message), closeConnection: true };
    let body: Uint8Array;
    try {
      body = await req.readBody(maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return { status: 413, json: errorEnvelope('payload_too_large', `Body must be at most ${maxBodyBytes} bytes`), closeConnection: true };
      }
      if (error instanceof BodyUnavailableError) {
        report(error);
        return { status: 500, json: errorEnvelope('raw_body_unavailable', 'Mount the webhook handler before any JSON body parser') };
      }
      throw error;
    }

    let event: WebhookEvent;
    try {
      event = await verifyWebhook({
        body,
        headers: req.headers,
        secret: secrets,
        ...(toleranceSeconds === undefined ? {} : { toleranceSeconds }),
        ...(now === undefined ? {} : { now }),
      });
    } catch (error) {
      if (error instanceof WebhookVerificationError || PeekerError.is(error)) {
        return { status: 400, json: errorEnvelope((error as PeekerError).code, (error as Error).message) };
      }
      throw error;
    }

    // Dedupe on the event id inside the signed body: Peeker-Event-Id names the same event on
    // every retry, but the header is not covered by the signature, so a replay with an edited
    // header must not slip past deduplication.
    const eventId = event.id;
    const info: WebhookDeliveryInfo = { eventId, headers: req.headers };
    if (store !== undefined) {
      let state: WebhookClaimState;
      try {
        state = await store.claim(eventId, claimTtlMs);
      } catch (error) {
        report(error, event);
        return { status: 500, json: errorEnvelope('dedupe_store_failed', 'Could not record the event; retry later') };
      }
      if (state === 'done' || (state === 'processing' && acknowledge === 'before-processing')) {
        return { status: 200, json: { received: true, duplicate: true } };
      }
      if (state === 'processing') {
        // Someone is running onEvent for it right now; if that fails, this retry must run it.
        return { status: 409, json: errorEnvelope('event_in_progress', 'This event is being processed; retry later') };
      }
    }

    /** Runs onEvent and records the outcome; true when it succeeded. */
    const runEvent = async (): Promise<boolean> => {
      try {
        await onEvent(event, info);
      } catch (error) {
        report(error, event);
        // Not processed: let a later delivery of the same event through.
        try {
          await store?.forget(eventId);
        } catch (forgetError) {
          report(forgetError, event); // the claim expires after claimTtlMs instead
        }
        return false;
      }
      try {
        await store?.done(eventId, doneTtlMs);
      } catch (doneError) {
        report(doneError, event); // processed anyway; only a late redelivery could repeat it
      }
      return true;
    };

    if (acknowledge === 'before-processing') {
      return { status: 200, json: { received: true }, after: async () => void (await runEvent()) };
    }
    if (await runEvent()) return { status: 200, json: { received: true } };
    return { status: 500, json: errorEnvelope('event_failed', 'The event could not be processed; retry later') };
  };

  const safely = async (req: ExchangeRequest): Promise<ExchangeResponse & { closeConnection?: boolean }> => {
    try {
      return await handle(req);
    } catch (error) {
      report(error);
      return { status: 500, json: errorEnvelope('internal_error', 'Internal error') };
    }
  };

  return {
    async node(req, res) {
      const response = await safely(fromNodeRequest(req, res));
      sendNodeResponse(res, response, response.closeConnection === true);
    },
    async fetch(request, ctx) {
      if (!(request instanceof Request)) throw new TypeError(`Expected a Fetch Request, got ${describeValue(request)}`);
      const waitUntil = ctx !== undefined && typeof ctx.waitUntil === 'function' ? (p: Promise<unknown>) => ctx.waitUntil(p) : undefined;
      return toFetchResponse(await safely(fromFetchRequest(request)), waitUntil);
    },
  };
}
