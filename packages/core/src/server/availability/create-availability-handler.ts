import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CheckOptions } from '../../availability/create-availability-checker.ts';
import type { AvailabilityRow } from '../../availability/availability-row.ts';
import { normalizeDomain } from '../../domains/normalize-domain.ts';
import { PeekerApiError } from '../../errors/peeker-api-error.ts';
import { PeekerError } from '../../errors/peeker-error.ts';
import { describeValue } from '../../internal/describe-value.ts';
import {
  errorEnvelope,
  fromFetchRequest,
  fromNodeRequest,
  sendNodeResponse,
  toFetchResponse,
  type ExchangeRequest,
  type ExchangeResponse,
} from '../http/http-exchange.ts';
import { readJsonBody } from '../http/read-json-body.ts';
import { redactError, redactText } from '../http/redact-secrets.ts';
import { createClientFairness } from './client-fairness.ts';
import { redactorOf, type Redactor } from './client-redactor.ts';

/** What a partner's {@link AvailabilityHandlerOptions.clientKey} function receives. */
export interface AvailabilityClientInfo {
  /** The request headers (cookies, session token, `X-Forwarded-For` behind your proxy…). */
  headers: Headers;
  /** The peer address of the connection (node form only; `undefined` in the fetch form). */
  remoteAddress: string | undefined;
}

/** The part of a client the availability handler needs (a `PeekerClient` fits). */
export interface AvailabilityHandlerClient {
  checkAvailability(domains: readonly string[], options?: CheckOptions): Promise<AvailabilityRow[]>;
}

/** Options of {@link createAvailabilityHandler}. */
export interface AvailabilityHandlerOptions {
  /** Where checks go: a `PeekerClient` from `createPeekerClient` (it holds the key). */
  client: AvailabilityHandlerClient;
  /**
   * Most names one request may carry (after that: 400 `invalid_request`, field `domains`).
   * The client still sends them to Peeker in batches of 50.
   * @default 250
   */
  maxDomains?: number;
  /**
   * Largest accepted body in bytes (after that: 413 `payload_too_large`).
   * @default 65536
   */
  maxBodyBytes?: number;
  /**
   * Most names of one request that may be checked `fresh` (skipping every cache; the browser
   * asks right before an order). A fresh request with more valid names is refused with 400
   * `too_many_fresh_domains`. Fresh names count in the client's budget like any other.
   * @default 100
   */
  maxFreshDomains?: number;
  /**
   * Names the client a request comes from, for per-client fairness: a session id, a user id,
   * or the address behind your proxy. `undefined` exempts the request from the per-client
   * limit (the queue-wait cap still applies).
   * @default the connection's peer address (node form); none in the fetch form
   */
  clientKey?: (info: AvailabilityClientInfo) => string | undefined;
  /**
   * Upstream requests (one per 50 forwarded names, cache hits included) one client may
   * cause per sliding minute; beyond it that client alone gets `429 rate_limited` with
   * `details.retry_after_seconds` and `details.scope: "client"`. 120 is a fifth of the key's
   * 570 per minute: room for a customer pasting a few lists of 1,000 names.
   * @default 120
   */
  perClientRequestsPerMinute?: number;
  /**
   * The rate this handler's client may call Peeker at (the checker's budget: 600 minus 5 %
   * headroom), used to estimate a request's wait: the units admitted in the last minute
   * pass through a sliding window of this size. With several instances sharing a key, give
   * each its share (570 / instances).
   * @default 570
   */
  upstreamRequestsPerMinute?: number;
  /**
   * Longest estimated queue wait a request is admitted with; beyond it (or beyond the
   * caller's own `timeout_ms` minus 2 s) the request is refused at once with `429
   * rate_limited`, `details.scope: "server"`, instead of timing out in the browser and being
   * retried (which wastes upstream calls).
   * @default 10000
   */
  maxWaitMs?: number;
  /**
   * Receives upstream failures and unexpected errors, for the server's own logs (the
   * browser only gets a scrubbed envelope). Errors arrive with any key-shaped text replaced
   * by `[redacted]`, keeping their class; `PeekerApiError`s carry `requestId`.
   * @default undefined
   */
  onError?: (error: unknown) => void;
}

/** A request handler in two forms sharing one core. */
export interface AvailabilityHandler {
  /**
   * Node `http` handler; also Connect / Express / Vite middleware (`next` is accepted and
   * never called: every request gets an answer). Mount it on the route it should serve.
   * Works after `express.json()` too (it then uses the parsed body).
   */
  node(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void>;
  /** Fetch-style handler (Workers, Deno, Bun, Next.js route handlers, Hono…). */
  fetch(request: Request): Promise<Response>;
}

function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`Expected ${name} to be a positive integer, got ${describeValue(value)}`);
  }
  return value;
}

function reply(status: number, json: unknown, headers?: Record<string, string>): ExchangeResponse {
  return headers === undefined ? { status, json } : { status, json, headers };
}

function badRequest(message: string, field?: string, details?: Record<string, unknown>): ExchangeResponse {
  return reply(400, errorEnvelope('invalid_request', message, field, details));
}

/**
 * Maps an upstream failure to what the browser may see. 401/403 from Peeker mean *this
 * server's* key is wrong or too weak: the browser learns only `502 upstream_unauthorized`,
 * with no details. Other errors keep their status class and Peeker's envelope, scrubbed of
 * anything shaped like a key; no answer becomes 502 `network_error` / 504 `timeout`.
 */
function upstreamFailure(error: PeekerError, redact: Redactor): ExchangeResponse {
  if (error instanceof PeekerApiError || (PeekerError.is(error) && typeof (error as { status?: unknown }).status === 'number')) {
    const api = error as PeekerApiError;
    if (api.status === 401 || api.status === 403) {
      return reply(502, errorEnvelope('upstream_unauthorized', 'The availability service rejected this server’s credentials'));
    }
    if (api.status === 0) {
      const timeout = api.code === 'timeout';
      return reply(timeout ? 504 : 502, errorEnvelope(timeout ? 'timeout' : 'network_error', timeout ? 'The availability service did not answer in time' : 'The availability service could not be reached'));
    }
    if (api.status >= 400 && api.status <= 599) {
      const details = api.details === undefined ? undefined : redact(api.details);
      const headers: Record<string, string> = {};
      if (api.status === 429 && api.retryAfterMs !== undefined) headers['retry-after'] = String(Math.ceil(api.retryAfterMs / 1000));
      return reply(api.status, redact(errorEnvelope(redactText(api.code), redactText(api.message), api.field === undefined ? undefined : redactText(api.field), details)), headers);
    }
  }
  return reply(502, redact(errorEnvelope(error.retryable ? 'upstream_error' : redactText(error.code), 'The availability service answered something unexpected')));
}

/**
 * Creates the partner-side endpoint the browser element talks to instead of Peeker: it
 * takes `POST {"domains":[…]}` and answers Peeker's shape `{"data":{"domains":[rows]}}`,
 * checking names through the server's {@link createPeekerClient} (which holds the key).
 *
 * Strict by design (the endpoint is public):
 * - `POST` only (405 `method_not_allowed`, `Allow: POST`);
 * - `Content-Type: application/json` (optionally `charset=utf-8`) only (415 `unsupported_media_type`);
 * - body at most `maxBodyBytes` (413 `payload_too_large`);
 * - a UTF-8 JSON object with a `domains` array of strings (400 `invalid_request`, `field`
 *   naming `domains` or `domains[i]`), at most `maxDomains` names (400, `details.max_count`);
 * - names `normalizeDomain` rejects are answered here as `reason: 'invalid'` rows and never
 *   forwarded; the rest go to the client's checker (batches of 50, cache, retries);
 * - `"fresh": true` (sent by `createFetchTransport` for a fresh check) skips the server's
 *   cache for at most `maxFreshDomains` valid names (more: 400 `too_many_fresh_domains`);
 *   rows keep `checked_at`, when Peeker answered, so the browser shows their true age;
 * - fairness: each client (`clientKey`) may cause `perClientRequestsPerMinute` upstream
 *   requests per minute, and a request whose estimated queue wait exceeds `maxWaitMs` (or
 *   the caller's `timeout_ms` minus 2 s) is refused at once: both `429 rate_limited` with
 *   `details.retry_after_seconds`, `details.scope` (`client` / `server`) and `Retry-After`;
 * - forwarded rows and errors are scrubbed of the client's exact API key (a
 *   `createPeekerClient` client) and of anything shaped like a Peeker key.
 *
 * Answer: one row per distinct name, in first-seen order. A batch that failed for good shows
 * up as `reason: 'errored'` rows; when **every** forwarded name failed, the handler answers
 * the upstream error instead (same status class and Peeker's envelope; 429 keeps
 * `details.retry_after_seconds` and adds `Retry-After`). **Decision:** Peeker's 401/403 become
 * `502 upstream_unauthorized` with no details (the browser must not learn anything about the
 * key; the server log gets the real error through `onError`). No answer from Peeker:
 * `502 network_error` / `504 timeout`. Unexpected errors: `500 internal_error`. Every error is
 * `{"error":{code,message,field?,details?}}` and never contains the key.
 *
 * @param options - see {@link AvailabilityHandlerOptions}
 * @returns `{ node, fetch }`
 * @throws TypeError when `client` has no `checkAvailability` or a limit is not a positive integer
 * @example
 * ```ts
 * const peeker = createPeekerClient({ apiKey: process.env.PEEKER_API_KEY! });
 * const availability = createAvailabilityHandler({ client: peeker, onError: console.error });
 * // Node / Express / Vite
 * app.post('/api/peeker/availability', availability.node);
 * // Fetch-style
 * export const POST = (request: Request) => availability.fetch(request);
 * ```
 */
export function createAvailabilityHandler(options: AvailabilityHandlerOptions): AvailabilityHandler {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected options to be an object, got ${describeValue(options)}`);
  }
  const { client, onError } = options;
  if (typeof client !== 'object' || client === null || typeof client.checkAvailability !== 'function') {
    throw new TypeError(`Expected client to have a checkAvailability method, got ${describeValue(client)}`);
  }
  if (onError !== undefined && typeof onError !== 'function') {
    throw new TypeError(`Expected onError to be a function, got ${describeValue(onError)}`);
  }
  const maxDomains = positiveInteger('maxDomains', options.maxDomains, 250);
  const maxBodyBytes = positiveInteger('maxBodyBytes', options.maxBodyBytes, 65_536);
  const maxFreshDomains = positiveInteger('maxFreshDomains', options.maxFreshDomains, 100);
  const perClient = positiveInteger('perClientRequestsPerMinute', options.perClientRequestsPerMinute, 120);
  const upstreamPerMinute = positiveInteger('upstreamRequestsPerMinute', options.upstreamRequestsPerMinute, 570);
  const maxWaitMs = positiveInteger('maxWaitMs', options.maxWaitMs, 10_000);
  const clientKey = options.clientKey ?? ((info: AvailabilityClientInfo) => info.remoteAddress);
  if (typeof clientKey !== 'function') {
    throw new TypeError(`Expected clientKey to be a function, got ${describeValue(clientKey)}`);
  }
  const redact = redactorOf(client);
  const fairness = createClientFairness({ perClientPerMinute: perClient, upstreamPerMinute, maxClients: 10_000, now: Date.now });

  const report = (error: unknown): void => {
    try {
      // Server logs get a scrubbed copy too: a custom client's error could quote a key.
      onError?.(redactError(error));
    } catch {
      // The logger failed; nothing else to do.
    }
  };

  const handle = async (req: ExchangeRequest, remoteAddress: string | undefined): Promise<ExchangeResponse & { closeConnection?: boolean }> => {
    if (req.method !== 'POST') {
      return reply(405, errorEnvelope('method_not_allowed', 'Use POST'), { allow: 'POST' });
    }
    const read = await readJsonBody(req, maxBodyBytes);
    if (!read.ok) return read.response;
    const body = read.value;

    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return badRequest('Body must be a JSON object like {"domains":["acme-mail.com"]}');
    }
    const domains = (body as { domains?: unknown }).domains;
    if (domains === undefined) return badRequest('domains is required', 'domains');
    if (!Array.isArray(domains)) return badRequest('domains must be an array of strings', 'domains');
    if (domains.length > maxDomains) {
      return badRequest(`At most ${maxDomains} names per request`, 'domains', { max_count: maxDomains, submitted_count: domains.length });
    }
    const badIndex = domains.findIndex((d) => typeof d !== 'string');
    if (badIndex !== -1) return badRequest('Every name must be a string', `domains[${badIndex}]`);
    const fresh = (body as { fresh?: unknown }).fresh ?? false;
    if (typeof fresh !== 'boolean') return badRequest('fresh must be a boolean', 'fresh');
    const callerTimeout = (body as { timeout_ms?: unknown }).timeout_ms;
    if (callerTimeout !== undefined && (typeof callerTimeout !== 'number' || !(callerTimeout > 0))) {
      return badRequest('timeout_ms must be a positive number of milliseconds', 'timeout_ms');
    }

    // Normalise, dedupe and answer invalid names here; forward only the valid ones.
    const order: string[] = [];
    const local = new Map<string, AvailabilityRow>();
    const forward: string[] = [];
    for (const input of domains as string[]) {
      let name: string;
      try {
        name = normalizeDomain(input);
      } catch (error) {
        if (!PeekerError.is(error)) throw error;
        const domain = input.trim().toLowerCase();
        if (local.has(domain) || order.includes(domain)) continue;
        order.push(domain);
        local.set(domain, { domain, available: false, premium: false, reason: 'invalid', message: error.message });
        continue;
      }
      if (local.has(name) || forward.includes(name)) continue;
      order.push(name);
      forward.push(name);
    }

    if (fresh && forward.length > maxFreshDomains) {
      return reply(400, errorEnvelope('too_many_fresh_domains', `At most ${maxFreshDomains} names per request may be checked fresh`, 'fresh', {
        max_fresh_count: maxFreshDomains,
        submitted_count: forward.length,
      }));
    }

    const batchErrors: PeekerError[] = [];
    let fetched: AvailabilityRow[] = [];
    if (forward.length > 0) {
      // Fairness: one browser cannot spend the key's whole budget, and nobody is queued
      // longer than they will wait (a browser that times out retries: wasted upstream calls).
      const units = Math.ceil(forward.length / 50);
      const waitCap = callerTimeout === undefined ? maxWaitMs : Math.min(maxWaitMs, Math.max(0, (callerTimeout as number) - 2000));
      const admission = fairness.admit(clientKey({ headers: req.headers, remoteAddress }), units, waitCap);
      if (!admission.ok) {
        const seconds = Math.ceil(admission.retryAfterMs / 1000);
        const message = admission.scope === 'client'
          ? `Too many availability checks from this client; retry in ${seconds} s`
          : `The availability service is busy; retry in ${seconds} s`;
        return reply(429, errorEnvelope('rate_limited', message, undefined, { retry_after_seconds: seconds, scope: admission.scope }), { 'retry-after': String(seconds) });
      }
      try {
        fetched = await client.checkAvailability(forward, {
          signal: req.signal,
          ...(fresh ? { fresh: true } : {}),
          onBatchError: (error) => {
            batchErrors.push(error);
          },
        });
      } catch (error) {
        if (req.signal.aborted) return reply(499, errorEnvelope('client_closed_request', 'The client went away'));
        if (PeekerError.is(error)) {
          report(error);
          return upstreamFailure(error, redact);
        }
        throw error;
      } finally {
        admission.release();
      }
    }
    for (const error of batchErrors) report(error);

    const auth = batchErrors.find((e) => {
      const status = (e as { status?: unknown }).status;
      return status === 401 || status === 403;
    });
    if (auth !== undefined) return upstreamFailure(auth, redact);
    const byName = new Map<string, AvailabilityRow>();
    for (const row of fetched) byName.set(row.domain.toLowerCase(), row);
    const forwardedRows = forward.map((name) => byName.get(name));
    const allFailed = forwardedRows.every((row) => row === undefined || row.reason === 'errored');
    if (forward.length > 0 && allFailed && batchErrors.length > 0) {
      return upstreamFailure(batchErrors[batchErrors.length - 1] as PeekerError, redact);
    }

    const rows = order.map((name): AvailabilityRow => {
      const row = local.get(name) ?? byName.get(name);
      // Rows keep `checked_at` (when Peeker answered) so the browser shows their true age.
      if (row !== undefined) return redact({ ...row });
      return { domain: name, available: false, premium: false, reason: 'errored', message: 'No answer for this name' };
    });
    return reply(200, { data: { domains: rows } });
  };

  const safely = async (req: ExchangeRequest, remoteAddress?: string): Promise<ExchangeResponse & { closeConnection?: boolean }> => {
    try {
      return await handle(req, remoteAddress);
    } catch (error) {
      report(error);
      return reply(500, errorEnvelope('internal_error', 'Internal error'));
    }
  };

  return {
    async node(req, res) {
      const response = await safely(fromNodeRequest(req, res), req.socket?.remoteAddress);
      sendNodeResponse(res, response, response.closeConnection === true);
    },
    async fetch(request) {
      if (!(request instanceof Request)) {
        throw new TypeError(`Expected a Fetch Request, got ${describeValue(request)}`);
      }
      return toFetchResponse(await safely(fromFetchRequest(request)));
    },
  };
}
