import type { IncomingMessage, ServerResponse } from 'node:http';
import { PeekerError } from '../../errors/peeker-error.ts';
import { WebhookVerificationError } from '../../errors/webhook-verification-error.ts';
import { describeValue } from '../../internal/describe-value.ts';
import type { WebhookEvent } from '../../webhooks/webhook-event.ts';
import { verifyWebhook } from '../../webhooks/verify-webhook.ts';
import { createMemoryDedupeStore, type WebhookDedupeStore } from './create-memory-dedupe-store.ts';
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
   * Your work, called **after** the 200 went out (Peeker times out after 15 s), once per
   * new event id. Events arrive out of order: make it order-independent. Its errors go to
   * `onError`, never to Peeker.
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
   * Duplicate detection on the event id (the signed body's `id`, which a genuine delivery also sends as `Peeker-Event-Id`): a store (see {@link WebhookDedupeStore}),
   * `{ maxEntries }` for the in-memory LRU, or `false` to call `onEvent` for every delivery.
   * @default an in-memory LRU of 10,000 ids
   */
  dedupe?: WebhookDedupeStore | { maxEntries?: number } | false;
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
   * Fetch-style handler. On edge platforms pass `ctx` (anything with `waitUntil`) so the
   * platform keeps `onEvent` alive after the response.
   */
  fetch(request: Request, ctx?: { waitUntil(promise: Promise<unknown>): void }): Promise<Response>;
}

function isDedupeStore(value: unknown): value is WebhookDedupeStore {
  return typeof value === 'object' && value !== null && typeof (value as { seen?: unknown }).seen === 'function';
}

const defaultOnError = (error: unknown): void => {
  const label = PeekerError.is(error) ? error.code : error instanceof Error ? error.name : typeof error;
  console.error(`[peeker] webhook handler error: ${label}`, error);
};

/**
 * Creates a Peeker webhook endpoint: reads the raw body (with a limit), verifies it with
 * {@link verifyWebhook} against one or several secrets, drops duplicates by
 * event id (signed body `id` = `Peeker-Event-Id`), answers `200 {"received":true}` at once and only then calls `onEvent`.
 *
 * Answers:
 * - `200 {"received":true}` for a new event (then `onEvent` runs);
 * - `200 {"received":true,"duplicate":true}` for an id already seen (`onEvent` is not called);
 * - `400 {"error":{"code":…}}` with the verification failure code (`missing_header`,
 *   `invalid_timestamp`, `timestamp_out_of_tolerance`, `invalid_signature`, `invalid_payload`);
 * - `405` for anything but POST, `413` over `maxBodyBytes`;
 * - `500` when the raw body was consumed by a body parser, or the dedupe store failed (Peeker
 *   retries, which is what we want then).
 *
 * Ids are recorded when the event is accepted, before `onEvent` runs: a crash during
 * `onEvent` loses the event (Peeker already got its 200). For durable processing let
 * `onEvent` enqueue the event into your own queue or database.
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
  let store: WebhookDedupeStore | undefined;
  if (options.dedupe === false) store = undefined;
  else if (isDedupeStore(options.dedupe)) store = options.dedupe;
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
    if (store !== undefined) {
      let duplicate: boolean;
      try {
        duplicate = await store.seen(eventId);
      } catch (error) {
        report(error, event);
        return { status: 500, json: errorEnvelope('dedupe_store_failed', 'Could not record the event; retry later') };
      }
      if (duplicate) return { status: 200, json: { received: true, duplicate: true } };
    }

    return {
      status: 200,
      json: { received: true },
      after: async () => {
        try {
          await onEvent(event, { eventId, headers: req.headers });
        } catch (error) {
          report(error, event);
          // Not processed: let a later delivery of the same event through.
          try {
            await store?.forget?.(eventId);
          } catch (forgetError) {
            report(forgetError, event);
          }
        }
      },
    };
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
