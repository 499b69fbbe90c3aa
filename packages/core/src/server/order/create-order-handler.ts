import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { CheckOptions } from '../../availability/create-availability-checker.ts';
import type { AvailabilityRow } from '../../availability/availability-row.ts';
import { isOrderable } from '../../availability/row-status.ts';
import { OrderValidationError } from '../../errors/order-validation-error.ts';
import { PeekerApiError } from '../../errors/peeker-api-error.ts';
import { PeekerError } from '../../errors/peeker-error.ts';
import { describeValue } from '../../internal/describe-value.ts';
import { isPlainObject } from '../../internal/is-plain-object.ts';
import { abortableSleep } from '../../internal/abortable-sleep.ts';
import { buildOrderRequest } from '../../order/build-order-request.ts';
import type { OrderDraft, OrderRequest, SequencerSettings } from '../../order/order-request.ts';
import { serializeOrderRequest } from '../../order/serialize-order-request.ts';
import type { Bundle } from '../../sizing/bundle.ts';
import { solveSelection } from '../../solver/solve-selection.ts';
import type { SelectionProblem } from '../../solver/selection-problem.ts';
import type { OrderReceipt } from '../client/peeker-resources.ts';
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
import { redactError, redactValue } from '../http/redact-secrets.ts';
import { createMemoryOrderIdempotencyStore, type OrderIdempotencyStore } from './order-idempotency-store.ts';

/** The part of a client the order handler needs (a `PeekerClient` fits). */
export interface OrderHandlerClient {
  getBundle(id: string, options?: { signal?: AbortSignal }): Promise<Bundle>;
  checkAvailability(domains: readonly string[], options?: CheckOptions): Promise<AvailabilityRow[]>;
  createOrder(input: OrderRequest, options?: { signal?: AbortSignal }): Promise<{ order: OrderReceipt; requestId: string | undefined }>;
}

/** What the `sequencer` callback learns about the request, besides the draft. */
export interface OrderRequestInfo {
  /** The request headers (session cookie, authorisation). */
  headers: Headers;
  /** The original request: Node's `IncomingMessage` or the Fetch `Request`. */
  request: IncomingMessage | Request;
}

/** The Smartlead login the `sequencer` callback returns (`provider` defaults to `smartlead`). */
export type SequencerInput = Omit<SequencerSettings, 'provider'> & { provider?: 'smartlead' };

/** Options of {@link createOrderHandler}. */
export interface OrderHandlerOptions {
  /** The server's Peeker client (holds the key): `getBundle`, `checkAvailability`, `createOrder`. */
  client: OrderHandlerClient;
  /**
   * Adds the customer's Smartlead login, server-side: the browser never holds it. Decide here
   * whether this request may place this draft (session, `user`, `bundle_id`); return `null` to
   * refuse (403 `forbidden`). Called for every well-formed draft before anything else (any
   * Peeker call, a replayed receipt). Throwing answers 500 `internal_error` (the error goes to
   * `onError`).
   */
  sequencer: (draft: OrderDraft, info: OrderRequestInfo) => SequencerInput | null | Promise<SequencerInput | null>;
  /**
   * Remembers placed orders, keyed by a hash of the canonical draft, so a re-sent identical
   * draft (lost response, double press, concurrent tabs) gets the original receipt. Use a
   * shared store with several processes.
   * @default createMemoryOrderIdempotencyStore()
   */
  idempotency?: OrderIdempotencyStore;
  /**
   * Adds `events.token` to the receipt, for `createOrderEventsHandler`'s stream (anything with
   * a `token(orderId)` method; normally that handler itself).
   * @default undefined (no token)
   */
  orderEvents?: { token(orderId: string): string };
  /**
   * Most names a draft may carry, checked before any upstream call (400 `too_many_domains`);
   * the bundle's `required_domains.total` is checked right after `getBundle`, before the
   * fresh re-check.
   * @default 250
   */
  maxDomains?: number;
  /**
   * Most replacement candidates (`alternates`) a body may carry; they are re-checked fresh
   * only when a name was taken.
   * @default 100
   */
  maxAlternates?: number;
  /**
   * Largest accepted body in bytes (413 `payload_too_large`).
   * @default 65536
   */
  maxBodyBytes?: number;
  /**
   * Solver settings for replacements: cost horizon and diversity caps, as the picker uses them.
   * @default {} (one year, no caps)
   */
  selection?: Pick<SelectionProblem, 'years' | 'groupOf' | 'maxPerGroup'>;
  /**
   * How long a bundle read with `getBundle` is reused (0: every draft reads it).
   * @default 60000
   */
  bundleTtlMs?: number;
  /**
   * How long a concurrent identical draft waits for the first one's receipt before it gets
   * 409 `order_in_progress` (retryable).
   * @default 30000
   */
  pendingWaitMs?: number;
  /**
   * How long receipts are replayed (Peeker dedupes identical bodies for 24 h).
   * @default 86400000
   */
  receiptTtlMs?: number;
  /**
   * Receives every failure (upstream errors, validation, callback errors) with secrets
   * scrubbed, for the server's logs. `PeekerApiError`s carry `requestId`.
   * @default undefined
   */
  onError?: (error: unknown) => void;
  /**
   * Called once per placed order (not for replays), after the receipt is stored.
   * @default undefined
   */
  onOrder?: (receipt: OrderReceipt, draft: OrderDraft) => void | Promise<void>;
}

/** A request handler in two forms sharing one core. */
export interface OrderHandler {
  /** Node `http` handler, also Connect / Express / Vite middleware (`next` is never called). */
  node(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void>;
  /** Fetch-style handler (Workers, Deno, Bun, Next.js route handlers…). */
  fetch(request: Request): Promise<Response>;
}

type Answer = ExchangeResponse & { closeConnection?: boolean };

const reply = (status: number, json: unknown, headers?: Record<string, string>): Answer =>
  headers === undefined ? { status, json } : { status, json, headers };

const fail = (status: number, code: string, message: string, field?: string, details?: Record<string, unknown>): Answer =>
  reply(status, errorEnvelope(code, message, field, details));

function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`Expected ${name} to be a positive integer, got ${describeValue(value)}`);
  }
  return value;
}

const nameOf = (entry: unknown): string =>
  typeof entry === 'string' ? entry : isPlainObject(entry) && typeof entry.domain === 'string' ? entry.domain : '';

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Cost of one row over the horizon, integer cents. */
const rowCost = (row: AvailabilityRow, years: number): number =>
  (row.price_cents ?? 0) + (years - 1) * (row.renewal_price_cents ?? row.price_cents ?? 0);

/** The answer for an upstream failure; 401/403 never reveal anything about the server's key. */
function upstreamFailure(error: PeekerError): Answer {
  const status = (error as { status?: unknown }).status;
  if (error instanceof PeekerApiError || typeof status === 'number') {
    const api = error as PeekerApiError;
    if (api.status === 401 || api.status === 403) {
      return fail(502, 'upstream_unauthorized', 'The order service rejected this server’s credentials');
    }
    if (api.status === 0 || api.code === 'timeout' || api.code === 'network_error') {
      const timeout = api.code === 'timeout';
      return fail(timeout ? 504 : 502, timeout ? 'timeout' : 'network_error',
        timeout ? 'The order service did not answer in time; nothing was charged twice, retry the same order' : 'The order service could not be reached; retry the same order');
    }
    if (api.status === 429) {
      const headers: Record<string, string> = {};
      if (api.retryAfterMs !== undefined) headers['retry-after'] = String(Math.ceil(api.retryAfterMs / 1000));
      return reply(429, errorEnvelope('rate_limited', 'Too many requests right now; retry shortly'), headers);
    }
    if (api.status >= 500) return fail(502, 'upstream_error', 'The order service failed; retry the same order');
    if (api.status === 404) return fail(400, 'not_found', 'The bundle or user does not exist', api.field);
    if (api.status >= 400) {
      const details = api.details === undefined ? undefined : (redactValue(api.details) as Record<string, unknown>);
      return fail(400, api.code, api.message, api.field, details);
    }
  }
  if (error.code === 'timeout') return fail(504, 'timeout', 'The order service did not answer in time');
  return fail(502, error.retryable ? 'upstream_error' : 'upstream_failed', 'The order service answered something unexpected');
}

/** A 400 listing every issue of an order (paths, codes and messages; never a value). */
function invalidOrder(error: OrderValidationError, secrets: readonly string[]): Answer {
  const issues = error.issues.map((i) => ({
    path: i.path,
    code: i.code,
    message: i.message,
    ...(i.details === undefined ? {} : { details: i.details }),
  }));
  const count = issues.find((i) => i.code === 'domain_count_mismatch');
  return reply(400, redactValue(errorEnvelope('invalid_order', error.message, count ? 'domains' : undefined, { issues }), secrets));
}

/**
 * Creates the partner's order endpoint: it takes the `<peeker-domain-picker>`'s order draft,
 * re-checks it against Peeker **now**, and either places the order or answers exactly what
 * changed, the cheapest fix included.
 *
 * Request: `POST` JSON, either the draft itself or `{ "order": draft, "alternates": [names],
 * "cost": { "total_cents": n } }`. `alternates` are names the customer saw as available (the
 * picker sends its cheapest unchosen ones) from which replacements are chosen; `cost` is the
 * total the customer was shown, only used to report the difference. A `sequencer` in the body
 * is ignored: the callback supplies it.
 *
 * Steps (nothing upstream before step 5):
 * 1. method, media type, size, JSON (405, 415, 413, 400 `invalid_request`);
 * 2. shape and fields of the draft (`buildOrderRequest` in draft mode): 400 `invalid_order`
 *    with every issue; more than `maxDomains` names or `maxAlternates` alternates: 400
 *    `too_many_domains` / `too_many_alternates`;
 * 3. the `sequencer` callback: may this request order this draft (403 `forbidden` on `null`),
 *    and the Smartlead login;
 * 4. idempotency: an identical draft already placed gets its stored receipt (200, same
 *    bytes); one being placed right now is waited for; a failing store: 503
 *    `idempotency_unavailable` (nothing ordered);
 * 5. `getBundle(bundle_id)` (reused for `bundleTtlMs`); a draft whose name count is not
 *    `required_domains.total`: 400 `invalid_order` (`domain_count_mismatch`), before any
 *    availability call;
 * 6. `checkAvailability(names, { fresh: true })`: a name Peeker could not check → 503
 *    `recheck_failed` (retryable, nothing ordered); names taken (or premium) → **409
 *    `names_taken`** with `details.taken` and `details.replacement`: the cheapest valid set
 *    that keeps every surviving name (`solveSelection` with them pinned, over fresh rows of
 *    the survivors and the alternates; same horizon and caps), as `{ domains, google,
 *    microsoft, removed, added: [rows], cost, extra_cents }` (`extra_cents` against the
 *    body's `cost.total_cents`, else null), or `null` with `details.shortfall` when no set exists;
 * 7. `buildOrderRequest` with the login, the bundle's counts and the fresh rows (400
 *    `invalid_order`), `createOrder` (canonical body; a name taken in between is answered
 *    like step 6);
 * 8. `200 {"data": receipt, "request_id", "events": {"token"}}`, stored for replays.
 *
 * A `createOrder` that got no answer (timeout, dropped connection, 5xx after the client's
 * retries) may have placed the order; the next identical draft then skips the "taken" verdict
 * of step 6 (the names may be taken by that very order) and re-sends the canonical body, so
 * Peeker's 24-hour dedupe answers the original order (remembered in-process only).
 *
 * Peeker failures: 401/403 → 502 `upstream_unauthorized` (nothing about the key), 404 →
 * 400 `not_found`, other 4xx → 400 with Peeker's code, 429 → 429 with `Retry-After`, 5xx →
 * 502 `upstream_error`, no answer → 502 `network_error` / 504 `timeout`. Anything unexpected:
 * 500 `internal_error`. The handler never throws and no answer or `onError` report contains
 * the key or the Smartlead login.
 *
 * @param options - see {@link OrderHandlerOptions}
 * @returns `{ node, fetch }`
 * @throws TypeError when `client` or `sequencer` is missing or an option has the wrong type
 * @example
 * ```ts
 * const orders = createOrderHandler({
 *   client: peeker,
 *   sequencer: async (draft, { headers }) => smartleadLoginFor(await sessionUser(headers)),
 *   orderEvents,
 * });
 * app.post('/api/orders', orders.node);              // Node, Express, Vite
 * export const POST = (request: Request) => orders.fetch(request); // fetch-style
 * ```
 */
export function createOrderHandler(options: OrderHandlerOptions): OrderHandler {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected options to be an object, got ${describeValue(options)}`);
  }
  const { client, sequencer, onError, onOrder, orderEvents } = options;
  if (
    typeof client !== 'object' || client === null ||
    typeof client.getBundle !== 'function' || typeof client.checkAvailability !== 'function' || typeof client.createOrder !== 'function'
  ) {
    throw new TypeError(`Expected client to have getBundle, checkAvailability and createOrder, got ${describeValue(client)}`);
  }
  if (typeof sequencer !== 'function') throw new TypeError(`Expected sequencer to be a function, got ${describeValue(sequencer)}`);
  for (const [name, value] of [['onError', onError], ['onOrder', onOrder]] as const) {
    if (value !== undefined && typeof value !== 'function') throw new TypeError(`Expected ${name} to be a function, got ${describeValue(value)}`);
  }
  if (orderEvents !== undefined && typeof orderEvents?.token !== 'function') {
    throw new TypeError(`Expected orderEvents to have a token method, got ${describeValue(orderEvents)}`);
  }
  const maxDomains = positiveInteger('maxDomains', options.maxDomains, 250);
  const maxAlternates = positiveInteger('maxAlternates', options.maxAlternates, 100);
  const maxBodyBytes = positiveInteger('maxBodyBytes', options.maxBodyBytes, 65_536);
  const pendingWaitMs = positiveInteger('pendingWaitMs', options.pendingWaitMs, 30_000);
  const receiptTtlMs = positiveInteger('receiptTtlMs', options.receiptTtlMs, 86_400_000);
  const selection = options.selection ?? {};
  const years = selection.years ?? 1;
  const idempotency = options.idempotency ?? createMemoryOrderIdempotencyStore();
  if (typeof idempotency?.claim !== 'function' || typeof idempotency.complete !== 'function' || typeof idempotency.release !== 'function') {
    throw new TypeError(`Expected idempotency to be an OrderIdempotencyStore, got ${describeValue(idempotency)}`);
  }
  // A claim must outlive createOrder with its retries (3 attempts × the client's timeout).
  const claimTtlMs = Math.max(pendingWaitMs, 120_000);
  const bundleTtlMs = options.bundleTtlMs ?? 60_000;
  if (typeof bundleTtlMs !== 'number' || !Number.isSafeInteger(bundleTtlMs) || bundleTtlMs < 0) {
    throw new TypeError(`Expected bundleTtlMs to be a non-negative integer, got ${describeValue(bundleTtlMs)}`);
  }
  // Bundles change rarely: a burst of orders (or of abusive drafts) costs one getBundle.
  const bundles = new Map<string, { bundle: Promise<Bundle>; expiresAt: number }>();
  const bundleOf = (id: string, signal: AbortSignal): Promise<Bundle> => {
    const cached = bundles.get(id);
    if (cached && cached.expiresAt > Date.now()) return cached.bundle;
    // A shared read must not fail because one of the browsers waiting for it went away.
    const bundle = bundleTtlMs > 0 ? client.getBundle(id) : client.getBundle(id, { signal });
    if (bundleTtlMs > 0) {
      bundles.set(id, { bundle, expiresAt: Date.now() + bundleTtlMs });
      while (bundles.size > 100) bundles.delete(bundles.keys().next().value as string);
      bundle.catch(() => bundles.delete(id)); // only answers are kept
    }
    return bundle;
  };
  // Drafts whose createOrder failed without an answer (timeout, dropped connection, 5xx after
  // retries): the order may exist. Their names then look taken (by this very order), so a
  // retry re-sends the canonical body instead, and Peeker's 24-hour dedupe returns the
  // original order if there is one. In-process and bounded; a shared store cannot tell.
  const uncertain = new Map<string, number>();
  const isUncertain = (key: string): boolean => (uncertain.get(key) ?? 0) > Date.now();
  const markUncertain = (key: string): void => {
    uncertain.delete(key);
    uncertain.set(key, Date.now() + receiptTtlMs);
    while (uncertain.size > 1000) uncertain.delete(uncertain.keys().next().value as string);
  };

  const report = (error: unknown, secrets: readonly string[] = []): void => {
    try {
      onError?.(redactError(error, secrets));
    } catch {
      // the logger failed; nothing else to do
    }
  };

  /** The 409 for names lost at the fresh re-check, with the cheapest fix. */
  const namesTaken = async (
    rows: readonly AvailabilityRow[],
    names: readonly string[],
    alternates: readonly string[],
    bundle: Bundle,
    quoted: number | null,
    signal: AbortSignal,
  ): Promise<Answer> => {
    const lost = rows.filter((row) => !isOrderable(row)).sort((a, b) => byName(a.domain, b.domain));
    const lostNames = new Set(lost.map((row) => row.domain));
    const survivors = rows.filter((row) => isOrderable(row));
    const taken = lost.map((row) => ({ domain: row.domain, reason: row.reason ?? 'unavailable' }));
    const draftNames = new Set(rows.map((row) => row.domain));
    const pool = alternates.filter((name) => !draftNames.has(name) && !names.includes(name));
    let alternateRows: AvailabilityRow[] = [];
    if (pool.length > 0) {
      try {
        alternateRows = await client.checkAvailability(pool, { fresh: true, signal });
      } catch (error) {
        if (!PeekerError.is(error)) throw error;
        report(error);
        // The swap cannot be priced now; the customer still learns which names were lost.
      }
    }
    const required = { google: bundle.required_domains.google, microsoft: bundle.required_domains.microsoft };
    let replacement: Record<string, unknown> | null = null;
    let shortfall: unknown = null;
    let result: ReturnType<typeof solveSelection> | null = null;
    const problem = {
      rows: [...survivors, ...alternateRows.filter((row) => !lostNames.has(row.domain))],
      required,
      pinned: survivors.map((row) => row.domain),
      years,
    };
    try {
      result = solveSelection({ ...selection, ...problem });
      // Like the picker's diversity rule: a cap that makes the order impossible is dropped.
      if (result.status === 'infeasible' && selection.maxPerGroup !== undefined) result = solveSelection(problem);
    } catch (error) {
      report(error);
    }
    if (result?.status === 'optimal') {
      const byDomain = new Map(alternateRows.map((row) => [row.domain, row]));
      const added = result.domains.filter((d) => !draftNames.has(d)).sort(byName);
      replacement = {
        domains: result.domains,
        google: result.google,
        microsoft: result.microsoft,
        removed: [...lostNames],
        added: added.map((domain) => {
          const row = byDomain.get(domain);
          return {
            domain,
            price_cents: row?.price_cents ?? null,
            renewal_price_cents: row?.renewal_price_cents ?? null,
            currency: row?.currency ?? null,
            usable_for: row?.usable_for ?? [],
            cost_cents: row ? rowCost(row, years) : null,
          };
        }),
        cost: result.cost,
        extra_cents: quoted === null ? null : result.cost.total_cents - quoted,
      };
    } else if (result?.status === 'infeasible') {
      shortfall = result.shortfall;
    }
    const message =
      `${taken.length === 1 ? `${taken[0]!.domain} was` : `${taken.length} names were`} taken since ${taken.length === 1 ? 'it was' : 'they were'} checked; ` +
      (replacement ? 'here is the cheapest replacement set' : 'not enough other names are available to replace them');
    return fail(409, 'names_taken', message, 'domains', { taken, replacement, shortfall });
  };

  const handle = async (req: ExchangeRequest, original: IncomingMessage | Request): Promise<Answer> => {
    if (req.method !== 'POST') return reply(405, errorEnvelope('method_not_allowed', 'Use POST'), { allow: 'POST' });
    const body = await readJsonBody(req, maxBodyBytes);
    if (!body.ok) return body.response;
    if (!isPlainObject(body.value)) {
      return fail(400, 'invalid_request', 'Body must be a JSON object: the order draft, or { "order": draft, "alternates": [...] }');
    }
    const envelope = body.value as Record<string, unknown>;
    const rawDraft = isPlainObject(envelope.order) ? (envelope.order as Record<string, unknown>) : envelope;

    // 2. Shape, limits and fields, all before any upstream call.
    const rawDomains = rawDraft.domains;
    if (Array.isArray(rawDomains) && rawDomains.length > maxDomains) {
      return fail(400, 'too_many_domains', `An order takes at most ${maxDomains} names`, 'domains', { max_count: maxDomains, submitted_count: rawDomains.length });
    }
    const rawAlternates = envelope.alternates ?? [];
    if (!Array.isArray(rawAlternates) || rawAlternates.some((a) => typeof a !== 'string')) {
      return fail(400, 'invalid_request', 'alternates must be an array of names', 'alternates');
    }
    if (rawAlternates.length > maxAlternates) {
      return fail(400, 'too_many_alternates', `At most ${maxAlternates} alternates`, 'alternates', { max_count: maxAlternates, submitted_count: rawAlternates.length });
    }
    const rawCost = isPlainObject(envelope.cost) ? (envelope.cost as Record<string, unknown>).total_cents : undefined;
    const quoted = typeof rawCost === 'number' && Number.isSafeInteger(rawCost) && rawCost >= 0 ? rawCost : null;
    const { sequencer: _ignored, ...withoutSecrets } = rawDraft;
    let draft: OrderDraft;
    try {
      draft = buildOrderRequest(withoutSecrets, { draft: true });
    } catch (error) {
      if (error instanceof OrderValidationError) return invalidOrder(error, []);
      throw error;
    }
    const names = draft.domains.map(nameOf);
    const alternates: string[] = [];
    for (const name of rawAlternates as string[]) {
      const clean = name.trim().toLowerCase().replace(/\.$/, '');
      if (clean !== '' && !alternates.includes(clean)) alternates.push(clean);
    }

    // 3. Who may order this, and their Smartlead login: before anything upstream or a replay,
    // so a refused session costs nothing and never sees another session's receipt.
    const login = await sequencer(draft, { headers: req.headers, request: original });
    if (login === null || login === undefined) return fail(403, 'forbidden', 'This order may not be placed from this session');
    if (typeof login !== 'object') throw new TypeError('Expected sequencer() to return the Smartlead login or null');
    const secrets = [login.login_password, login.login_email].filter((s): s is string => typeof s === 'string' && s !== '');

    // 4. Idempotency on the canonical draft (sorted names, fixed key order; no secrets in it).
    const key = `order:${createHash('sha256').update(serializeOrderRequest(draft)).digest('hex')}`;
    const deadline = Date.now() + pendingWaitMs;
    for (;;) {
      let claim: Awaited<ReturnType<OrderIdempotencyStore['claim']>>;
      try {
        claim = await idempotency.claim(key, claimTtlMs);
      } catch (error) {
        // No order without its record (docs/shared-state.md §7).
        report(error, secrets);
        return fail(503, 'idempotency_unavailable', 'Orders cannot be recorded right now; nothing was ordered, retry shortly');
      }
      if (claim.state === 'claimed') break;
      if (claim.state === 'done') return { status: 200, json: JSON.parse(claim.receipt) as unknown };
      if (Date.now() >= deadline) {
        return fail(409, 'order_in_progress', 'The same order is being placed right now; retry shortly', undefined, { retry_after_seconds: 2 });
      }
      try {
        await abortableSleep(100, req.signal);
      } catch {
        return fail(499, 'client_closed_request', 'The client went away');
      }
    }

    let placed = false;
    try {
      // 5. The real bundle (cached briefly), and the count, before any availability call.
      const bundle = await bundleOf(draft.bundle_id, req.signal);
      try {
        buildOrderRequest(draft, { draft: true, required: bundle.required_domains });
      } catch (error) {
        if (error instanceof OrderValidationError) return invalidOrder(error, []);
        throw error;
      }

      // 6. Fresh rows for exactly these names.
      const rows = await client.checkAvailability(names, { fresh: true, signal: req.signal });
      const errored = rows.filter((row) => row.reason === 'errored' || row.reason === 'stale');
      if (errored.length > 0) {
        return fail(503, 'recheck_failed', 'Some names could not be re-checked just now; nothing was ordered, retry shortly', 'domains', {
          domains: errored.map((row) => row.domain),
        });
      }
      const retryingUncertain = isUncertain(key);
      if (rows.some((row) => !isOrderable(row)) && !retryingUncertain) {
        return await namesTaken(rows, names, alternates, bundle, quoted, req.signal);
      }

      // 7. Validation against the bundle and the fresh rows, and the order itself.
      let order: OrderRequest;
      try {
        order = buildOrderRequest(
          { ...draft, sequencer: { provider: 'smartlead', ...login } },
          // A retry of an order that may exist: its names look taken by it; Peeker decides.
          retryingUncertain ? { required: bundle.required_domains } : { required: bundle.required_domains, rows },
        );
      } catch (error) {
        if (error instanceof OrderValidationError) return invalidOrder(error, secrets);
        throw error;
      }
      let result: Awaited<ReturnType<OrderHandlerClient['createOrder']>>;
      try {
        // No signal: once sent, the order completes even if the browser went away, so its
        // retry gets the receipt.
        result = await client.createOrder(order);
      } catch (error) {
        const status = (error as { status?: unknown }).status;
        if (PeekerError.is(error) && error.retryable) markUncertain(key);
        if (PeekerError.is(error) && status === 409) {
          // Taken between the re-check and the order: nothing was charged; answer the fix.
          report(error, secrets);
          const again = await client.checkAvailability(names, { fresh: true, signal: req.signal });
          if (again.some((row) => !isOrderable(row))) return await namesTaken(again, names, alternates, bundle, quoted, req.signal);
        }
        throw error;
      }
      const receipt = redactValue(
        {
          data: result.order,
          request_id: result.requestId ?? null,
          ...(orderEvents ? { events: { token: orderEvents.token(result.order.id) } } : {}),
        },
        secrets,
      );
      const text = JSON.stringify(receipt);
      placed = true;
      uncertain.delete(key);
      try {
        await idempotency.complete(key, text, receiptTtlMs);
      } catch (error) {
        report(error, secrets);
      }
      if (onOrder) {
        try {
          await onOrder(result.order, draft);
        } catch (error) {
          report(error, secrets);
        }
      }
      return { status: 200, json: receipt };
    } catch (error) {
      if (PeekerError.is(error)) {
        if (req.signal.aborted && (error.code === 'client_closed' || error.name === 'AbortError')) {
          return fail(499, 'client_closed_request', 'The client went away');
        }
        report(error, secrets);
        return upstreamFailure(error);
      }
      if (req.signal.aborted) return fail(499, 'client_closed_request', 'The client went away');
      throw redactError(error, secrets);
    } finally {
      if (!placed) {
        try {
          await idempotency.release(key);
        } catch (error) {
          report(error, secrets);
        }
      }
    }
  };

  const safely = async (req: ExchangeRequest, original: IncomingMessage | Request): Promise<Answer> => {
    try {
      return await handle(req, original);
    } catch (error) {
      report(error);
      return fail(500, 'internal_error', 'Internal error');
    }
  };

  return {
    async node(req, res) {
      let response: Answer;
      try {
        response = await safely(fromNodeRequest(req, res), req);
      } catch (error) {
        report(error);
        response = fail(500, 'internal_error', 'Internal error');
      }
      sendNodeResponse(res, response, response.closeConnection === true);
    },
    async fetch(request) {
      if (!(request instanceof Request)) {
        return toFetchResponse(fail(500, 'internal_error', 'Expected a Fetch Request'));
      }
      return toFetchResponse(await safely(fromFetchRequest(request), request));
    },
  };
}
