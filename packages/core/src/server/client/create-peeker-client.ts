import { createHash } from 'node:crypto';
import type { Dispatcher } from 'undici';
import {
  createAvailabilityChecker,
  type AvailabilityCheckerOptions,
  type CheckOptions,
} from '../../availability/create-availability-checker.ts';
import type { AvailabilityRow } from '../../availability/availability-row.ts';
import { parseAvailabilityResponse } from '../../availability/parse-availability-response.ts';
import { normalizeDomain } from '../../domains/normalize-domain.ts';
import { PeekerApiError } from '../../errors/peeker-api-error.ts';
import { PeekerError } from '../../errors/peeker-error.ts';
import { abortableSleep } from '../../internal/abortable-sleep.ts';
import { computeBackoff } from '../../internal/backoff.ts';
import { describeValue } from '../../internal/describe-value.ts';
import { buildOrderRequest, type BuildOrderOptions, type OrderInput } from '../../order/build-order-request.ts';
import type { OrderRequest } from '../../order/order-request.ts';
import { serializeOrderRequest } from '../../order/serialize-order-request.ts';
import type { Bundle } from '../../sizing/bundle.ts';
import { checkPerPage, paginate, type ListOptions } from './paginate.ts';
import { createPeekerHttp, type GetRetryOptions, type PeekerClientLogEntry, type PeekerHttp } from './peeker-http.ts';
import type {
  BundleCreateInput,
  BundleDeleteResult,
  BundleFilters,
  BundleUpdateInput,
  CancelOrderResult,
  DomainFilters,
  ForwardingJob,
  OrderFilters,
  OrderReceipt,
  PeekerDomain,
  PeekerMe,
  PeekerOrder,
  PeekerUser,
  PendingAction,
  PendingActionFilters,
  UserCreateInput,
  UserFilters,
  UserUpdateInput,
} from './peeker-resources.ts';
import { validateApiKey } from './validate-api-key.ts';
import { attachRedactor } from '../availability/client-redactor.ts';

/** Peeker's production base URL (docs/peeker-api.md §1). */
export const DEFAULT_BASE_URL = 'https://api.peeker.ai/partner/v1';

/** Most ids or names per `POST /domains/forwarding` (docs/peeker-api.md §7). */
const FORWARDING_CHUNK = 25;

/** Options of {@link createPeekerClient}. */
export interface PeekerClientOptions {
  /**
   * The Peeker API key: `pk_live_…` (production) or `pk_test_…` (sandbox). Server-side only;
   * never appears in an error, a log entry or a handler response.
   */
  apiKey: string;
  /**
   * Where the API lives. The older docs' path works too:
   * `https://api.peeker.ai/api/partner/v1`. The local sandbox: `sandbox.baseUrl`.
   * @default 'https://api.peeker.ai/partner/v1'
   */
  baseUrl?: string | URL;
  /**
   * An undici dispatcher (Agent, Pool, MockAgent, ProxyAgent…) to send through. When omitted
   * the client creates its own `Agent` and {@link PeekerClient.close} closes it; a given
   * dispatcher is never closed by the client.
   * @default a new undici Agent
   */
  dispatcher?: Dispatcher;
  /**
   * Per-call limit, used as undici's `headersTimeout` and `bodyTimeout`. A call that
   * exceeds it fails with a retryable `PeekerApiError` (status 0, code `timeout`).
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * `User-Agent` header.
   * @default '@peeker/core (server)'
   */
  userAgent?: string;
  /**
   * Settings of the availability checker behind {@link PeekerClient.checkAvailability}
   * (batching, concurrency, cache, retries, rate budget, injectable clock/sleep/random).
   * The transport and `normalize: normalizeDomain` are set by the client; `budgetKey`
   * defaults to a hash of the API key. Behind a load balancer pass shared stores
   * (`@peeker/redis`: `{ cache: stores.cache, budget: stores.budget }`).
   * @default {} (the checker's defaults: batches of 50, 4 in flight, 5 min cache, 3 retries, 600/min)
   */
  availability?: Omit<AvailabilityCheckerOptions, 'transport' | 'normalize'>;
  /**
   * Retries of idempotent GETs through undici's retry interceptor (429, 500, 502, 503, 504,
   * dropped connections; waits `Retry-After` when sent, else `minTimeoutMs × 2^n`).
   * `false` disables them. POST, PATCH and DELETE are never retried here.
   * @default { maxRetries: 3, minTimeoutMs: 500, maxTimeoutMs: 30000 }
   */
  getRetry?: GetRetryOptions | false;
  /**
   * Receives one entry per finished call (method, path, status, request id, duration,
   * error code). Entries never contain the key or request bodies.
   * @default undefined (no logging)
   */
  logger?: (entry: PeekerClientLogEntry) => void;
}

/** Cancellation for single calls. */
export interface CallOptions {
  /** Aborts the call; it rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/** Options of {@link PeekerClient.createOrder}. */
export interface CreateOrderOptions extends CallOptions {
  /**
   * Re-sends after a network error, a timeout, a 429 or a 5xx, with the **byte-identical**
   * body. Safe because Peeker returns the original order for an identical body within 24
   * hours (docs/peeker-api.md §2.4): a retry after a lost response cannot buy twice. 4xx answers
   * are never retried.
   * @default 2
   */
  retries?: number;
  /**
   * First wait between attempts, doubled each time; a 429's `retry_after_seconds` wins when
   * longer. Up to `min(1000, retryDelayMs)` ms of random jitter is added.
   * @default 500
   */
  retryDelayMs?: number;
  /**
   * Checks passed to `buildOrderRequest` before anything is sent (e.g. `required` from the
   * bundle and fresh availability `rows`).
   * @default {}
   */
  build?: Omit<BuildOrderOptions, 'draft'>;
}

/** What {@link PeekerClient.createOrder} resolves with. */
export interface CreateOrderResult {
  /** Peeker's receipt (the original one when Peeker recognised a replay). */
  order: OrderReceipt;
  /** `Peeker-Request-Id` of the answer that succeeded: keep it with the order. */
  requestId: string | undefined;
  /** How many times the body was sent (1 unless retried). */
  attempts: number;
}

/** Options of {@link PeekerClient.cancelOrder}. */
export interface CancelOrderOptions extends CallOptions {
  /**
   * Cancel only these domains (names or `dom_…` ids, at least one). Omitted: the whole
   * order is cancelled (the request has no body).
   * @default undefined (whole order)
   */
  domains?: readonly string[];
}

/** A raw call for endpoints the client does not wrap (imports, swaps…). */
export interface RawRequestOptions extends CallOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below the base URL, e.g. `/domains/import`. */
  path: string;
  /** Query parameters (`undefined` values are skipped). */
  query?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  /** A JSON value (serialised with `JSON.stringify`) or a JSON text sent as is. */
  body?: unknown;
}

/** A 2xx answer of {@link PeekerClient.request}. */
export interface RawResponse<T = unknown> {
  status: number;
  /** The parsed body (the whole envelope, `{"data": …}`), `undefined` when empty. */
  body: T;
  requestId: string | undefined;
}

/** The Peeker Partner API client returned by {@link createPeekerClient}. */
export interface PeekerClient {
  /** `GET /me`: key environment, preset and partner; the cheapest health check. */
  me(options?: CallOptions): Promise<PeekerMe>;
  /** `POST /bundles` (201). */
  createBundle(input: BundleCreateInput, options?: CallOptions): Promise<Bundle>;
  /** `GET /bundles/{id}`. */
  getBundle(id: string, options?: CallOptions): Promise<Bundle>;
  /** `GET /bundles`, every page, following `links.next` as given. */
  listBundles(options?: BundleFilters & ListOptions): AsyncGenerator<Bundle, void, undefined>;
  /** `PATCH /bundles/{id}`. */
  updateBundle(id: string, patch: BundleUpdateInput, options?: CallOptions): Promise<Bundle>;
  /** `DELETE /bundles/{id}`: `deleted`, or `archived` when an order used it. */
  deleteBundle(id: string, options?: CallOptions): Promise<BundleDeleteResult>;
  /**
   * Checks names through the client's availability checker (`POST /domains/availability`
   * in batches of ≤ 50, names normalised with `normalizeDomain`, invalid ones answered
   * locally). One row per distinct name, in first-seen order.
   */
  checkAvailability(domains: readonly string[], options?: CheckOptions): Promise<AvailabilityRow[]>;
  /** `POST /orders` with the canonical body; see {@link CreateOrderOptions.retries}. */
  createOrder(input: OrderInput | OrderRequest, options?: CreateOrderOptions): Promise<CreateOrderResult>;
  /** `GET /orders/{id}`: the full order. */
  getOrder(id: string, options?: CallOptions): Promise<PeekerOrder>;
  /** `GET /orders`, every page. */
  listOrders(options?: OrderFilters & ListOptions): AsyncGenerator<OrderReceipt, void, undefined>;
  /** `POST /orders/{id}/cancel`: whole order (no body) or `{ domains }`. */
  cancelOrder(id: string, options?: CancelOrderOptions): Promise<CancelOrderResult>;
  /** `GET /orders/pending`, every page. */
  listPendingActions(options?: PendingActionFilters & ListOptions): AsyncGenerator<PendingAction, void, undefined>;
  /** `POST /domains/forwarding` in chunks of 25, one job per chunk, sent one after another. */
  updateForwarding(domains: readonly string[], forwardingUrl: string, options?: CallOptions): Promise<ForwardingJob[]>;
  /** `GET /domains/forwarding/{id}`. */
  getForwardingJob(id: string, options?: CallOptions): Promise<ForwardingJob>;
  /** `POST /users` (201). */
  createUser(input: UserCreateInput, options?: CallOptions): Promise<PeekerUser>;
  /** `GET /users/{id}`. */
  getUser(id: string, options?: CallOptions): Promise<PeekerUser>;
  /** `GET /users`, every page. */
  listUsers(options?: UserFilters & ListOptions): AsyncGenerator<PeekerUser, void, undefined>;
  /** `PATCH /users/{id}`. */
  updateUser(id: string, patch: UserUpdateInput, options?: CallOptions): Promise<PeekerUser>;
  /** `GET /domains`, every page. */
  listDomains(options?: DomainFilters & ListOptions): AsyncGenerator<PeekerDomain, void, undefined>;
  /** Any other endpoint, with the same auth, timeouts and error mapping (GETs retried like every GET; other methods never). */
  request<T = unknown>(options: RawRequestOptions): Promise<RawResponse<T>>;
  /** Closes the client's own undici Agent (never a given dispatcher). Idempotent. */
  close(): Promise<void>;
}

function resolveBaseUrl(value: unknown): URL {
  if (value === undefined) return new URL(DEFAULT_BASE_URL);
  if (typeof value !== 'string' && !(value instanceof URL)) {
    throw new TypeError(`Expected baseUrl to be a string or URL, got ${describeValue(value)}`);
  }
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new TypeError(`Expected baseUrl to be an absolute http(s) URL, got ${describeValue(String(value))}`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new TypeError(`Expected baseUrl to be an http(s) URL without credentials, query or fragment, got ${describeValue(url.origin + url.pathname)}`);
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

function expectId(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`Expected ${name} to be a non-empty string, got ${describeValue(value)}`);
  }
  return encodeURIComponent(value);
}

function expectObject(name: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`Expected ${name} to be an object, got ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}

function unwrap<T>(json: unknown, requestId: string | undefined): T {
  if (typeof json === 'object' && json !== null && 'data' in json) return (json as { data: T }).data;
  throw new PeekerApiError({
    status: 200,
    code: 'invalid_response',
    message: 'Peeker answered without a data member',
    requestId,
    retryable: false,
  });
}

/**
 * Creates a server-side client for the Peeker Partner API on undici.
 *
 * Behaviour worth knowing:
 * - Auth is exactly `Authorization: Bearer <apiKey>`; the key never appears in errors, logs or
 *   anything the handlers send to a browser (anything shaped like a key is scrubbed too).
 * - Every non-2xx answer becomes a {@link PeekerApiError} (`status`, `code`, `message`,
 *   `field`, `details`, `requestId` from `Peeker-Request-Id`, `retryable` for 429/5xx/network,
 *   `retryAfterMs` from `details.retry_after_seconds` or `Retry-After`). No answer: status 0,
 *   code `network_error` or `timeout`, retryable.
 * - GETs are retried by undici's retry interceptor (see `getRetry`); availability POSTs by
 *   the availability checker; order POSTs by `createOrder` (byte-identical canonical body,
 *   deduplicated by Peeker for 24 h). Nothing else is retried.
 * - List methods are async generators that follow `links.next` exactly as given (never
 *   building or decoding a `page_token`), and refuse a `links.next` on another origin so the
 *   key never leaves for a host it was not configured for.
 *
 * @param options - see {@link PeekerClientOptions}
 * @returns the client; call `close()` when done
 * @throws TypeError when `apiKey` is not a `pk_live_`/`pk_test_` key (the message never shows
 *   it), or another option has the wrong type
 * @example
 * ```ts
 * import { createPeekerClient } from '@peeker/core/server';
 *
 * const peeker = createPeekerClient({ apiKey: process.env.PEEKER_API_KEY! });
 * const { partner } = await peeker.me();
 * for await (const bundle of peeker.listBundles({ status: 'active', perPage: 100 })) {
 *   console.log(bundle.id, bundle.required_domains);
 * }
 * const rows = await peeker.checkAvailability(['getacme.com', 'acmehq.com']);
 * const { order, requestId } = await peeker.createOrder({ user, bundle_id, sequencer, domains, personas });
 * await peeker.close();
 * ```
 */
export function createPeekerClient(options: PeekerClientOptions): PeekerClient {
  const opts = expectObject('options', options) as unknown as PeekerClientOptions;
  validateApiKey(opts.apiKey);
  const baseUrl = resolveBaseUrl(opts.baseUrl);
  const timeoutMs = opts.timeoutMs ?? 30_000;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new TypeError(`Expected timeoutMs to be a positive finite number, got ${describeValue(timeoutMs)}`);
  }
  const userAgent = opts.userAgent ?? '@peeker/core (server)';
  if (typeof userAgent !== 'string' || /[\r\n]/.test(userAgent)) {
    throw new TypeError(`Expected userAgent to be a single-line string, got ${describeValue(userAgent)}`);
  }
  if (opts.dispatcher !== undefined && typeof (opts.dispatcher as { dispatch?: unknown }).dispatch !== 'function') {
    throw new TypeError(`Expected dispatcher to be an undici Dispatcher, got ${describeValue(opts.dispatcher)}`);
  }
  if (opts.logger !== undefined && typeof opts.logger !== 'function') {
    throw new TypeError(`Expected logger to be a function, got ${describeValue(opts.logger)}`);
  }
  const getRetry = opts.getRetry ?? {};
  if (getRetry !== false && (typeof getRetry !== 'object' || getRetry === null)) {
    throw new TypeError(`Expected getRetry to be an object or false, got ${describeValue(getRetry)}`);
  }

  const http: PeekerHttp = createPeekerHttp({
    apiKey: opts.apiKey,
    baseUrl,
    dispatcher: opts.dispatcher,
    timeoutMs,
    userAgent,
    getRetry,
    logger: opts.logger,
  });

  const checker = createAvailabilityChecker({
    // One budget per API key: every client (and, with a shared store, every instance) using
    // this key counts in the same window. A hash names it: the key itself is never a store key.
    budgetKey: `key:${createHash('sha256').update(opts.apiKey).digest('hex').slice(0, 32)}`,
    ...(opts.availability ?? {}),
    normalize: normalizeDomain,
    // `fresh` needs nothing here: Peeker has no cache-bypass flag (docs/peeker-api.md §4);
    // the checker already skipped its own cache for a fresh check.
    transport: async (domains, { signal }) => {
      const { json } = await http.send({
        method: 'POST',
        path: '/domains/availability',
        body: JSON.stringify({ domains }),
        signal,
      });
      return parseAvailabilityResponse(json);
    },
  });

  const getData = async <T>(path: string, signal?: AbortSignal): Promise<T> => {
    const { json, requestId } = await http.send({ method: 'GET', path, signal });
    return unwrap<T>(json, requestId);
  };
  const sendData = async <T>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body: unknown,
    signal?: AbortSignal,
  ): Promise<T> => {
    const { json, requestId } = await http.send({
      method,
      path,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    return unwrap<T>(json, requestId);
  };
  const list = <T>(path: string, query: Record<string, string | number | undefined>, listOptions: ListOptions): AsyncGenerator<T, void, undefined> => {
    checkPerPage(listOptions.perPage);
    return paginate<T>(http, path, { ...query, per_page: listOptions.perPage }, listOptions.signal);
  };

  const client: PeekerClient = {
    me: (o = {}) => getData<PeekerMe>('/me', o.signal),

    createBundle: (input, o = {}) => sendData<Bundle>('POST', '/bundles', expectObject('input', input), o.signal),
    getBundle: (id, o = {}) => getData<Bundle>(`/bundles/${expectId('id', id)}`, o.signal),
    listBundles: (o = {}) => list<Bundle>('/bundles', { status: o.status }, o),
    updateBundle: (id, patch, o = {}) =>
      sendData<Bundle>('PATCH', `/bundles/${expectId('id', id)}`, expectObject('patch', patch), o.signal),
    deleteBundle: (id, o = {}) => sendData<BundleDeleteResult>('DELETE', `/bundles/${expectId('id', id)}`, undefined, o.signal),

    checkAvailability: (domains, o) => checker.check(domains, o),

    async createOrder(input, o = {}) {
      const retries = o.retries ?? 2;
      const retryDelayMs = o.retryDelayMs ?? 500;
      if (!Number.isInteger(retries) || retries < 0) {
        throw new TypeError(`Expected retries to be an integer ≥ 0, got ${describeValue(retries)}`);
      }
      if (typeof retryDelayMs !== 'number' || !(retryDelayMs >= 0) || !Number.isFinite(retryDelayMs)) {
        throw new TypeError(`Expected retryDelayMs to be a finite number ≥ 0, got ${describeValue(retryDelayMs)}`);
      }
      // Validate and canonicalise locally: same order → same bytes, on every attempt.
      const built = buildOrderRequest(expectObject('input', input) as unknown as OrderInput, { ...(o.build ?? {}), draft: false });
      const body = serializeOrderRequest(built);
      const secrets = [built.sequencer.login_password];
      for (let attempt = 1; ; attempt += 1) {
        try {
          const { json, requestId } = await http.send({ method: 'POST', path: '/orders', body, signal: o.signal, secrets });
          return { order: unwrap<OrderReceipt>(json, requestId), requestId, attempts: attempt };
        } catch (error) {
          const retryable = PeekerError.is(error) && error.retryable && error.code !== 'client_closed';
          if (!retryable || attempt > retries || o.signal?.aborted) throw error;
          const delay = computeBackoff({
            retryIndex: attempt - 1,
            minBackoffMs: retryDelayMs,
            maxBackoffMs: 30_000,
            factor: 2,
            maxJitterMs: Math.min(1000, retryDelayMs),
            retryAfterMs: error.retryAfterMs,
            random: Math.random,
          });
          await abortableSleep(delay, o.signal);
        }
      }
    },
    getOrder: (id, o = {}) => getData<PeekerOrder>(`/orders/${expectId('id', id)}`, o.signal),
    listOrders: (o = {}) =>
      list<OrderReceipt>('/orders', { user_id: o.userId, user_email: o.userEmail, bundle_id: o.bundleId, status: o.status }, o),
    cancelOrder(id, o = {}) {
      const path = `/orders/${expectId('id', id)}/cancel`;
      if (o.domains === undefined) return sendData<CancelOrderResult>('POST', path, undefined, o.signal);
      if (!Array.isArray(o.domains) || o.domains.length === 0 || o.domains.some((d) => typeof d !== 'string' || d === '')) {
        throw new TypeError(`Expected domains to be a non-empty array of names or dom_ ids, got ${describeValue(o.domains)}`);
      }
      return sendData<CancelOrderResult>('POST', path, { domains: [...o.domains] }, o.signal);
    },
    listPendingActions: (o = {}) =>
      list<PendingAction>('/orders/pending', { order_id: o.orderId, user: o.user, domain_id: o.domainId, status: o.status }, o),

    async updateForwarding(domains, forwardingUrl, o = {}) {
      if (!Array.isArray(domains) || domains.some((d) => typeof d !== 'string' || d === '')) {
        throw new TypeError(`Expected domains to be an array of names or dom_ ids, got ${describeValue(domains)}`);
      }
      if (typeof forwardingUrl !== 'string' || forwardingUrl === '') {
        throw new TypeError(`Expected forwardingUrl to be a non-empty string, got ${describeValue(forwardingUrl)}`);
      }
      const jobs: ForwardingJob[] = [];
      for (let i = 0; i < domains.length; i += FORWARDING_CHUNK) {
        const chunk = domains.slice(i, i + FORWARDING_CHUNK);
        jobs.push(await sendData<ForwardingJob>('POST', '/domains/forwarding', { domains: chunk, forwarding_url: forwardingUrl }, o.signal));
      }
      return jobs;
    },
    getForwardingJob: (id, o = {}) => getData<ForwardingJob>(`/domains/forwarding/${expectId('id', id)}`, o.signal),

    createUser: (input, o = {}) => sendData<PeekerUser>('POST', '/users', expectObject('input', input), o.signal),
    getUser: (id, o = {}) => getData<PeekerUser>(`/users/${expectId('id', id)}`, o.signal),
    listUsers: (o = {}) => list<PeekerUser>('/users', { email: o.email, status: o.status }, o),
    updateUser: (id, patch, o = {}) =>
      sendData<PeekerUser>('PATCH', `/users/${expectId('id', id)}`, expectObject('patch', patch), o.signal),

    listDomains: (o = {}) =>
      list<PeekerDomain>(
        '/domains',
        { category: o.category, user_id: o.userId, user_email: o.userEmail, usable_for: o.usableFor, status: o.status },
        o,
      ),

    async request<T>(o: RawRequestOptions): Promise<RawResponse<T>> {
      expectObject('options', o);
      if (!['GET', 'POST', 'PATCH', 'DELETE'].includes(o.method)) {
        throw new TypeError(`Expected method to be GET, POST, PATCH or DELETE, got ${describeValue(o.method)}`);
      }
      if (typeof o.path !== 'string' || !o.path.startsWith('/')) {
        throw new TypeError(`Expected path to be a string starting with "/", got ${describeValue(o.path)}`);
      }
      const body = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      const res = await http.send({ method: o.method, path: o.path, query: o.query, body, signal: o.signal });
      return { status: res.status, body: res.json as T, requestId: res.requestId };
    },

    close: () => http.close(),
  };
  // The availability handler scrubs this exact key from forwarded rows (never a getter for it).
  attachRedactor(client, [opts.apiKey]);
  return client;
}

export type { PeekerClientLogEntry, GetRetryOptions, ListOptions };
