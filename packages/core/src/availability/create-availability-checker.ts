import { normalizeHostname } from '../domains/normalize-hostname.ts';
import { PeekerError } from '../errors/peeker-error.ts';
import { abortableSleep, raceAbort } from '../internal/abortable-sleep.ts';
import { computeBackoff } from '../internal/backoff.ts';
import { describeValue } from '../internal/describe-value.ts';
import { createMemoryAvailabilityCache, isCacheableRow, type AvailabilityCache } from './availability-cache.ts';
import { createRateBudget } from './rate-budget.ts';
import { createMemoryRequestBudget, type RequestBudgetStore } from './request-budget.ts';
import { createSemaphore } from './semaphore.ts';
import { UNREACHABLE, unreachableCause } from './unreachable.ts';
import { Provider, type AvailabilityRow } from './availability-row.ts';
import { isPlainObject } from '../internal/is-plain-object.ts';

/**
 * The batch function behind a checker: ONE availability call for at most 50 names (the
 * `batchSize`), resolving with Peeker's rows (`data.domains` of `POST /domains/availability`).
 *
 * - Resolve with the rows you got. Rows may come in any order; names whose `domain` differs
 *   only in case (or a trailing dot) still match; rows for names not asked are ignored; names
 *   with no row are retried and finally answered `errored`.
 * - Throw a {@link PeekerError} with `retryable` (and optionally `retryAfterMs`) when the call
 *   failed; any other throw counts as a retryable network failure.
 * - Pass `signal` on to the request: it aborts when nobody waits for the answer any more.
 * - `fresh: true` means a check asked for rows answered now: a transport that talks to a
 *   caching layer (the partner's availability handler) must ask it to skip its cache.
 * - When the endpoint cannot be connected to at all (refused, unknown host), throw a
 *   `PeekerError` with code `unreachable`: the checker then stops after this batch's retries
 *   instead of trying every other batch too.
 *
 * {@link createFetchTransport} is the browser transport; `@peeker/core/server` has one that
 * calls Peeker directly.
 * @param domains - normalised names, at most `batchSize`, no duplicates
 * @param options - `signal` aborts the call
 * @returns Peeker's rows for (ideally) every name
 * @throws PeekerError (`retryable`, `retryAfterMs`) when the call failed
 * @example
 * ```ts
 * const transport: AvailabilityTransport = async (domains, { signal }) => {
 *   const response = await fetch('/api/availability', {
 *     method: 'POST', body: JSON.stringify({ domains }), signal,
 *     headers: { 'content-type': 'application/json' },
 *   });
 *   if (!response.ok) throw new PeekerError('http_error', `HTTP ${response.status}`, { retryable: response.status >= 500 });
 *   return parseAvailabilityResponse(await response.json());
 * };
 * ```
 */
export type AvailabilityTransport = (
  domains: readonly string[],
  options: { signal: AbortSignal; fresh?: boolean },
) => Promise<readonly AvailabilityRow[]>;

/** A progress report of one {@link AvailabilityChecker.check} call. */
export interface CheckProgress {
  /** Distinct names answered so far (cached, invalid and fetched rows alike). */
  done: number;
  /** Distinct names in this check (valid and invalid). */
  total: number;
  /** The rows that just landed (not all rows so far), in the order they came. */
  rows: readonly AvailabilityRow[];
}

/**
 * Receives a batch's last error and the names that became `errored` rows because of it.
 * @param error - a `PeekerError` (a `PeekerApiError` from the fetch transport or the server client)
 * @param domains - the names of that batch that came back `errored`
 */
export type BatchErrorHandler = (error: PeekerError, domains: readonly string[]) => void;

/** Options of {@link createAvailabilityChecker}. */
export interface AvailabilityCheckerOptions {
  /** The batch function: one call for at most `batchSize` names. Required. */
  transport: AvailabilityTransport;
  /**
   * Turns an input into the name that is sent, cached and returned; throws a `PeekerError`
   * (e.g. code `invalid_domain`) for a name that cannot be checked, which is then answered
   * locally as `reason: 'invalid'` and never sent. The server passes `normalizeDomain`.
   * @default normalizeHostname
   */
  normalize?: (input: string) => string;
  /**
   * Most names per transport call, 1–50 (Peeker's limit is 50).
   * @default 50
   */
  batchSize?: number;
  /**
   * Most transport calls in flight at once, across every check of this checker.
   * @default 4
   */
  concurrency?: number;
  /**
   * How long an answered row is reused, counted from its `checked_at` (when Peeker answered),
   * in milliseconds (Peeker caches answers 5 minutes too). `stale`, `errored` and locally
   * `invalid` rows are never cached. 0 disables the cache.
   * @default 300000
   */
  cacheTtlMs?: number;
  /**
   * Where answered rows are kept: a shared cache (`@peeker/redis`) lets every backend
   * instance reuse a row one of them fetched.
   * @default createMemoryAvailabilityCache() (an LRU of 50,000 rows, expiry on read)
   */
  cache?: AvailabilityCache;
  /**
   * Retries after the first attempt of a batch, for retryable failures and missing rows.
   * @default 3
   */
  retries?: number;
  /**
   * Delay before the first retry; doubles each time (plus jitter).
   * @default 500
   */
  minBackoffMs?: number;
  /**
   * Cap of the exponential delay (a server's `retryAfterMs` is honoured even when longer).
   * @default 30000
   */
  maxBackoffMs?: number;
  /**
   * Jitter added to every retry delay, drawn uniformly from [0, maxJitterMs) with `random`.
   * Peeker advises 0–1 s on top of a 429's `retry_after_seconds`.
   * @default 1000
   */
  maxJitterMs?: number;
  /**
   * Peeker's rate limit for the key: requests per sliding `budgetWindowMs` window (600 per
   * minute, docs/peeker-api.md §3). The checker spends at most
   * `floor(maxRequestsPerMinute × (1 − budgetHeadroom))` transport calls (retries included)
   * in any window; calls over it wait. `Infinity` disables the budget.
   * @default 600
   */
  maxRequestsPerMinute?: number;
  /**
   * Share of the limit left unused, 0 ≤ h < 1. A call is counted when it is sent but Peeker
   * counts it when it arrives; latency jitter moves calls across the window edge, so a
   * budget of exactly 600 still meets a few 429s under load. 5 % leaves 570 per minute.
   * @default 0.05
   */
  budgetHeadroom?: number;
  /**
   * Length of the budget window in milliseconds (Peeker's is one minute; shorter only for tests).
   * @default 60000
   */
  budgetWindowMs?: number;
  /**
   * Where sent calls are counted. Give every checker that uses one API key the same store
   * and `budgetKey` (a shared store, `@peeker/redis`, when they run in several processes).
   * @default createMemoryRequestBudget({ now }) (this checker only)
   */
  budget?: RequestBudgetStore;
  /**
   * The key under which `budget` counts calls: one per Peeker API key, never the key itself
   * (`createPeekerClient` passes a hash of it).
   * @default 'default'
   */
  budgetKey?: string;
  /**
   * Called once per batch that failed for good (whichever checks waited for it) with the
   * batch's last error and the names that became `errored`; for logging. It should not
   * throw: an exception is rethrown asynchronously, like an event listener's.
   * @default undefined
   */
  onBatchError?: BatchErrorHandler;
  /**
   * Clock in epoch milliseconds: `checked_at`, cache expiry and the rate budget use it.
   * @default Date.now
   */
  now?: () => number;
  /**
   * Waits `ms` milliseconds (backoff and budget waits). Should reject with `signal.reason`
   * on abort; the checker also stops waiting on abort when it does not.
   * @default a setTimeout-based sleep
   */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * Source of jitter, a number in [0, 1).
   * @default Math.random
   */
  random?: () => number;
}

/** Options of one {@link AvailabilityChecker.check} call. */
export interface CheckOptions {
  /**
   * Aborts the check: it rejects with `signal.reason`, and requests nobody else waits for
   * are cancelled (queued ones are never sent).
   * @default undefined
   */
  signal?: AbortSignal;
  /**
   * Called once right away (with the cached and invalid rows, possibly none) and then each
   * time rows for this check land, with running totals.
   * @default undefined
   */
  onProgress?: (progress: CheckProgress) => void;
  /**
   * Called when a batch holding some of this check's names failed for good, with the
   * batch's last error (a `PeekerApiError` from the fetch transport: `status`, `code`,
   * `requestId`) and this check's names in it, which come back as `errored` rows. Use it to
   * tell the user "401: check the key". If it throws, the check rejects with that error.
   * @default undefined
   */
  onBatchError?: BatchErrorHandler;
  /**
   * Skip the cache (use right before placing an order); the answers refresh it, and the
   * transport is told (`fresh: true`) so a caching layer behind it skips its cache too. A
   * fresh check still joins requests already in flight for its names; if such a request
   * comes back with a row older than the check (answered from a cache behind the
   * transport), that name is asked again, once, as fresh.
   * @default false
   */
  fresh?: boolean;
}

/** A batching, caching, rate-limited availability checker; see {@link createAvailabilityChecker}. */
export interface AvailabilityChecker {
  /**
   * Checks names: resolves with exactly one row per distinct normalised input name, in
   * first-seen input order. Never rejects for per-name problems (they are rows) or failed
   * batches (their names become `errored` rows, see `onBatchError`), with one exception:
   * when the transport cannot connect at all (code `unreachable`) after a batch's retries,
   * every check waiting rejects with that one error at once (rows already answered stay
   * cached and were reported through `onProgress`).
   * @param domains - names as typed (normalised with the checker's `normalize`)
   * @param options - see {@link CheckOptions}
   * @returns one row per distinct name
   * @throws TypeError when `domains` is not an array of strings or an option has the wrong type;
   *   `signal.reason` when aborted; a `PeekerError` code `unreachable`; whatever
   *   `onProgress` / `onBatchError` throw
   */
  check(domains: readonly string[], options?: CheckOptions): Promise<AvailabilityRow[]>;
  /**
   * The cached row for a name, if one is still fresh; sends nothing. Looks only at what this
   * process holds (a cache without a synchronous `peek` answers undefined).
   * @param domain - a name as typed
   * @returns the cached row, or undefined (not cached, expired or invalid)
   */
  peek(domain: string): AvailabilityRow | undefined;
  /**
   * Forgets every cached row (requests in flight are not affected).
   * @returns a promise that settles once the cache is cleared (at once for the in-memory one)
   */
  clear(): Promise<void>;
}

/** Receives the rows of a batch; one per pending check. */
interface Waiter {
  /** Names this check still waits for. */
  readonly pending: Set<string>;
  land(rows: readonly AvailabilityRow[], batch: Batch): void;
  batchFailed(error: PeekerError, names: readonly string[]): void;
}

/** One group of names sent together (and retried together while unanswered). */
interface Batch {
  /** Names not answered yet. */
  names: string[];
  /** Checks still waiting for at least one of `names`. */
  readonly waiters: Set<Waiter>;
  readonly controller: AbortController;
  /** Sent with `fresh: true` (a fresh check created it). */
  readonly fresh: boolean;
}

const PROVIDERS: ReadonlySet<string> = new Set(Object.values(Provider));

function expectFunction(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') {
    throw new TypeError(`Expected ${name} to be a function, got ${describeValue(value)}`);
  }
}

function integerOption(name: string, value: unknown, fallback: number, min: number, max = Infinity): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new TypeError(`Expected ${name} to be an integer ${range}, got ${describeValue(value)}`);
  }
  return value;
}

function durationOption(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`Expected ${name} to be a finite number ≥ 0, got ${describeValue(value)}`);
  }
  return value;
}

/** Matching key for a row name: case-insensitive, one trailing dot ignored. */
function matchKey(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/**
 * Copies the known fields of a transport row, under our name, stamped and frozen. A
 * `checked_at` the transport sent (a partner handler forwards when Peeker answered) is kept
 * when it is an integer not after `checkedAt`; otherwise the row is stamped `checkedAt`.
 */
function copyRow(source: Record<string, unknown>, domain: string, checkedAt: number): AvailabilityRow {
  const row: AvailabilityRow = { domain, available: source.available === true };
  if (typeof source.premium === 'boolean') row.premium = source.premium;
  if (Number.isSafeInteger(source.price_cents)) row.price_cents = source.price_cents as number;
  if (Number.isSafeInteger(source.renewal_price_cents)) row.renewal_price_cents = source.renewal_price_cents as number;
  if (typeof source.currency === 'string') row.currency = source.currency;
  if (Array.isArray(source.usable_for)) {
    row.usable_for = Object.freeze(
      source.usable_for.filter((p: unknown): p is Provider => typeof p === 'string' && PROVIDERS.has(p)),
    );
  }
  if (typeof source.reason === 'string' && !row.available) row.reason = source.reason;
  if (typeof source.message === 'string') row.message = source.message;
  const sent = source.checked_at;
  row.checked_at = typeof sent === 'number' && Number.isSafeInteger(sent) && sent <= checkedAt ? sent : checkedAt;
  return Object.freeze(row);
}

/** How many retries a batch gets when nothing answers at the address at all. */
const UNREACHABLE_RETRIES = 2;

/** Wraps anything a transport threw: PeekerErrors pass through, the rest is a network failure. */
function toPeekerError(thrown: unknown): PeekerError {
  if (PeekerError.is(thrown) && thrown.code === UNREACHABLE) return thrown;
  // A transport's own network error (the server client's `network_error`) still says
  // "unreachable" when its cause is a connection that never opened.
  const cause = unreachableCause(thrown);
  if (PeekerError.is(thrown) && cause === undefined) return thrown;
  const detail = thrown instanceof Error && thrown.message ? `: ${thrown.message}` : '';
  if (cause !== undefined) {
    return new PeekerError(UNREACHABLE, `The availability endpoint cannot be reached (${cause})`, { cause: thrown, retryable: true });
  }
  return new PeekerError('network_error', `The availability request failed${detail}`, {
    cause: thrown,
    retryable: true,
  });
}

/** Reports an error thrown by a checker-level callback without breaking the batch machinery. */
function reportAsync(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/**
 * Creates a browser-safe availability checker: it batches names into transport calls of at
 * most 50, runs a few at once, shares in-flight names between overlapping checks (DataLoader
 * style), caches answers, retries failures with backoff and jitter, keeps a client-side
 * request budget, and reports rows as they land.
 *
 * Guarantees of `check(names)`:
 * - exactly one row per distinct normalised name, in first-seen input order; names that
 *   `normalize` rejects are answered locally (`reason: 'invalid'`, `message`) and never sent;
 * - `ceil(n / batchSize)` transport calls for `n` distinct uncached valid names when nothing
 *   fails; a name is never in two calls at once (a check waits for the call that already
 *   carries a name instead of sending it again);
 * - a batch that fails for good answers its names `reason: 'errored'` (with `message`), and
 *   every row already answered is kept; `onBatchError` receives the error. Only an abort
 *   (or a throwing callback) rejects a check;
 * - `stale` and `errored` rows are returned but never cached; every row carries `checked_at`
 *   from the injected clock (cached rows keep the time they were answered).
 *
 * Abort: the check rejects with `signal.reason` at once. A request (or queued batch, or a
 * batch waiting in backoff or for the budget) keeps going while another check still waits
 * for one of its names, and is cancelled (its signal aborts; nothing more is sent) when no
 * check waits any more.
 *
 * Retries: up to `retries` more calls per batch for retryable errors (429, 5xx, network,
 * timeout, non-PeekerError throws) and for names missing from a response (only those are
 * re-sent). The wait is `retryAfterMs` + jitter when the error has one (Peeker's 429
 * `details.retry_after_seconds`), else `minBackoffMs × 2^k` + jitter capped at
 * `maxBackoffMs`. Non-retryable errors (400, 401, 403, invalid responses) fail the batch at once.
 *
 * Fail fast: when a batch still cannot connect (code `unreachable`: refused, unknown host,
 * no route) after at most 2 retries, every other batch is failed with the same error
 * without being sent, and every waiting check rejects with it. Later checks try again.
 *
 * Stores: `cache` (rows, TTL from `checked_at`) and `budget` (calls per window) are
 * pluggable so several processes can share them; both default to this process's memory.
 *
 * @param options - see {@link AvailabilityCheckerOptions}
 * @returns the checker
 * @throws TypeError when `transport` is not a function, `batchSize` is not an integer from
 *   1 to 50, or another option has the wrong type or range
 * @example
 * ```ts
 * const checker = createAvailabilityChecker({
 *   transport: createFetchTransport({ endpoint: '/api/peeker/availability' }),
 * });
 * const rows = await checker.check(['GetAcme.com', 'acmehq.com', 'bad name'], {
 *   signal,
 *   onProgress: ({ done, total, rows }) => render(done / total, rows),
 *   onBatchError: (error) => showBanner(error.message),
 * });
 * // before ordering: re-check the chosen names, ignoring the cache
 * const latest = await checker.check(chosen, { fresh: true });
 * ```
 */
export function createAvailabilityChecker(options: AvailabilityCheckerOptions): AvailabilityChecker {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected options to be an object, got ${describeValue(options)}`);
  }
  if (typeof options.transport !== 'function') {
    throw new TypeError(`Expected transport to be a function, got ${describeValue(options.transport)}`);
  }
  for (const name of ['normalize', 'now', 'sleep', 'random', 'onBatchError'] as const) {
    expectFunction(name, options[name]);
  }
  if (options.cache !== undefined && (typeof options.cache !== 'object' || options.cache === null || typeof options.cache.get !== 'function' || typeof options.cache.set !== 'function' || typeof options.cache.clear !== 'function')) {
    throw new TypeError(`Expected cache to have get, set and clear methods, got ${describeValue(options.cache)}`);
  }
  if (options.budget !== undefined && (typeof options.budget !== 'object' || options.budget === null || typeof options.budget.take !== 'function')) {
    throw new TypeError(`Expected budget to have a take method, got ${describeValue(options.budget)}`);
  }
  if (options.budgetKey !== undefined && (typeof options.budgetKey !== 'string' || options.budgetKey === '')) {
    throw new TypeError(`Expected budgetKey to be a non-empty string, got ${describeValue(options.budgetKey)}`);
  }
  const budgetHeadroom = options.budgetHeadroom ?? 0.05;
  if (typeof budgetHeadroom !== 'number' || !(budgetHeadroom >= 0 && budgetHeadroom < 1)) {
    throw new TypeError(`Expected budgetHeadroom to be a number from 0 to below 1, got ${describeValue(budgetHeadroom)}`);
  }
  const transport = options.transport;
  const normalize = options.normalize ?? normalizeHostname;
  const batchSize = integerOption('batchSize', options.batchSize, 50, 1, 50);
  const concurrency = integerOption('concurrency', options.concurrency, 4, 1);
  const cacheTtlMs = durationOption('cacheTtlMs', options.cacheTtlMs, 300_000);
  const retries = integerOption('retries', options.retries, 3, 0);
  const minBackoffMs = durationOption('minBackoffMs', options.minBackoffMs, 500);
  const maxBackoffMs = durationOption('maxBackoffMs', options.maxBackoffMs, 30_000);
  const maxJitterMs = durationOption('maxJitterMs', options.maxJitterMs, 1000);
  const maxRequestsPerMinute =
    options.maxRequestsPerMinute === Infinity
      ? Infinity
      : integerOption('maxRequestsPerMinute', options.maxRequestsPerMinute, 600, 1);
  const budgetWindowMs = integerOption('budgetWindowMs', options.budgetWindowMs, 60_000, 1);
  const budgetLimit = Number.isFinite(maxRequestsPerMinute)
    ? Math.max(1, Math.floor(maxRequestsPerMinute * (1 - budgetHeadroom)))
    : Infinity;
  const onCheckerBatchError = options.onBatchError;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;

  const cache: AvailabilityCache = options.cache ?? createMemoryAvailabilityCache();
  const inFlight = new Map<string, Batch>();
  /** Every batch not finished yet, for failing them all at once when nothing can be reached. */
  const running = new Set<Batch>();
  const semaphore = createSemaphore(concurrency);
  const budget = createRateBudget({
    store: options.budget ?? createMemoryRequestBudget({ now }),
    key: options.budgetKey ?? 'default',
    limit: budgetLimit,
    windowMs: budgetWindowMs,
    sleep,
  });

  /** Writes rows to the cache; a failing shared cache never fails a check (it degrades on its own). */
  const storeRows = (rows: readonly AvailabilityRow[]): void => {
    if (cacheTtlMs <= 0 || rows.length === 0) return;
    try {
      const pending = cache.set(rows, cacheTtlMs);
      if (pending !== undefined) pending.catch(() => undefined);
    } catch {
      // Same: the rows are answered; only reuse is lost.
    }
  };

  /** Cancels a batch nobody waits for: it leaves `inFlight` at once, so no check joins it. */
  const cancelBatch = (batch: Batch, reason: unknown): void => {
    for (const name of batch.names) if (inFlight.get(name) === batch) inFlight.delete(name);
    batch.names = [];
    running.delete(batch);
    batch.controller.abort(reason);
  };

  /** Drops waiters that want none of the batch's remaining names; cancels it if none are left. */
  const pruneWaiters = (batch: Batch): void => {
    for (const waiter of batch.waiters) {
      if (!batch.names.some((name) => waiter.pending.has(name))) batch.waiters.delete(waiter);
    }
    if (batch.names.length > 0 && batch.waiters.size === 0 && !batch.controller.signal.aborted) {
      cancelBatch(batch, new DOMException('No check waits for these names any more', 'AbortError'));
    }
  };

  /** Records answered rows (cache, in-flight map) and hands them to the waiting checks. */
  const deliver = (batch: Batch, rows: readonly AvailabilityRow[]): void => {
    if (rows.length === 0) return;
    const answered = new Set<string>();
    for (const row of rows) {
      answered.add(row.domain);
      if (inFlight.get(row.domain) === batch) inFlight.delete(row.domain);
    }
    storeRows(rows.filter(isCacheableRow));
    batch.names = batch.names.filter((name) => !answered.has(name));
    if (batch.names.length === 0) running.delete(batch);
    for (const waiter of [...batch.waiters]) waiter.land(rows, batch);
    pruneWaiters(batch);
  };

  /** Answers every remaining name of a batch `errored` after it failed for good. */
  const failBatch = (batch: Batch, error: PeekerError, propagate = true): void => {
    const names = [...batch.names];
    if (names.length === 0) return;
    if (onCheckerBatchError !== undefined) {
      try {
        onCheckerBatchError(error, names);
      } catch (callbackError) {
        reportAsync(callbackError);
      }
    }
    for (const waiter of [...batch.waiters]) waiter.batchFailed(error, names);
    const others = propagate && error.code === UNREACHABLE ? [...running].filter((b) => b !== batch) : [];
    const checkedAt = now();
    const rows = names.map((domain) =>
      Object.freeze<AvailabilityRow>({
        domain,
        available: false,
        premium: false,
        reason: 'errored',
        message: error.message,
        checked_at: checkedAt,
      }),
    );
    deliver(batch, rows);
    // Nothing answers at that address: the other batches would fail the same way, one retry
    // schedule after another. Fail them now, unsent.
    for (const other of others) {
      failBatch(other, error, false);
      running.delete(other);
      other.controller.abort(error);
    }
  };

  /** Matches a transport's answer to the names sent; unknown, duplicate and malformed rows are ignored. */
  const matchRows = (sent: readonly string[], result: readonly unknown[]): AvailabilityRow[] => {
    const wanted = new Map<string, string>();
    for (const name of sent) if (!wanted.has(matchKey(name))) wanted.set(matchKey(name), name);
    const checkedAt = now();
    const rows: AvailabilityRow[] = [];
    for (const item of result) {
      if (!isPlainObject(item) || typeof item.domain !== 'string' || typeof item.available !== 'boolean') continue;
      const key = matchKey(item.domain);
      const name = wanted.get(key);
      if (name === undefined) continue;
      wanted.delete(key);
      rows.push(copyRow(item, name, checkedAt));
    }
    return rows;
  };

  const runBatch = async (batch: Batch): Promise<void> => {
    const signal = batch.controller.signal;
    try {
      for (let retryIndex = 0; ; retryIndex += 1) {
        const sent = [...batch.names];
        let outcome: { ok: true; result: unknown } | { ok: false; error: unknown };
        const release = await semaphore.acquire(signal);
        try {
          await budget.acquire(signal);
          try {
            const call = (async () => transport(sent, batch.fresh ? { signal, fresh: true } : { signal }))();
            outcome = { ok: true, result: await raceAbort(call, signal) };
          } catch (error) {
            outcome = { ok: false, error };
          }
        } finally {
          release();
        }
        signal.throwIfAborted();

        let error: PeekerError;
        if (!outcome.ok) {
          error = toPeekerError(outcome.error);
        } else if (!Array.isArray(outcome.result)) {
          error = new PeekerError(
            'invalid_response',
            `Expected the transport to resolve with an array of rows, got ${describeValue(outcome.result)}`,
            { retryable: false },
          );
        } else {
          deliver(batch, matchRows(sent, outcome.result));
          if (batch.names.length === 0) return;
          error = new PeekerError(
            'incomplete_response',
            `The availability response had no row for ${batch.names.length} of ${sent.length} names`,
            { retryable: true },
          );
        }
        signal.throwIfAborted(); // delivering may have cancelled the batch

        const allowed = error.code === UNREACHABLE ? Math.min(retries, UNREACHABLE_RETRIES) : retries;
        if (!error.retryable || retryIndex >= allowed) {
          failBatch(batch, error);
          return;
        }
        const delay = computeBackoff({
          retryIndex,
          minBackoffMs,
          maxBackoffMs,
          factor: 2,
          maxJitterMs,
          retryAfterMs: error.retryAfterMs,
          random,
        });
        await raceAbort(Promise.resolve().then(() => sleep(delay, signal)), signal);
      }
    } catch (thrown) {
      if (signal.aborted) return; // cancelled: nobody waits, nothing more is sent
      // Unexpected (a bug, or a throwing injected function): never strand a waiting check.
      failBatch(batch, toPeekerError(thrown));
    }
  };

  const startBatch = (names: string[], fresh: boolean): Batch => {
    const batch: Batch = { names, waiters: new Set(), controller: new AbortController(), fresh };
    for (const name of names) inFlight.set(name, batch);
    running.add(batch);
    return batch;
  };

  /** Reads the cache for `names`; a synchronous cache answers without waiting a tick. */
  const readCache = (
    names: readonly string[],
    at: number,
  ): ReadonlyArray<AvailabilityRow | undefined> | Promise<ReadonlyArray<AvailabilityRow | undefined>> => {
    if (cacheTtlMs <= 0 || names.length === 0) return [];
    const none = (): Array<AvailabilityRow | undefined> => [];
    try {
      const answer = cache.get(names, at);
      // A failing shared cache is a miss: the names are fetched instead.
      return Array.isArray(answer) ? answer : Promise.resolve(answer).catch(none);
    } catch {
      return none();
    }
  };

  const check = async (domains: readonly string[], checkOptions: CheckOptions = {}): Promise<AvailabilityRow[]> => {
    if (!Array.isArray(domains)) {
      throw new TypeError(`Expected domains to be an array of strings, got ${describeValue(domains)}`);
    }
    if (typeof checkOptions !== 'object' || checkOptions === null) {
      throw new TypeError(`Expected options to be an object, got ${describeValue(checkOptions)}`);
    }
    const { signal, onProgress, onBatchError, fresh = false } = checkOptions;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw new TypeError(`Expected signal to be an AbortSignal, got ${describeValue(signal)}`);
    }
    expectFunction('onProgress', onProgress);
    expectFunction('onBatchError', onBatchError);
    if (typeof fresh !== 'boolean') throw new TypeError(`Expected fresh to be a boolean, got ${describeValue(fresh)}`);
    signal?.throwIfAborted();

    const at = now();

    // Normalise, dedupe, answer invalid names locally; the rest are looked up in the cache.
    const order: string[] = [];
    const seen = new Set<string>();
    const results = new Map<string, AvailabilityRow>();
    const valid: string[] = [];
    for (const input of domains) {
      if (typeof input !== 'string') {
        throw new TypeError(`Expected domains to be an array of strings, got ${describeValue(input)} in it`);
      }
      let name: string;
      try {
        name = normalize(input);
      } catch (error) {
        if (!PeekerError.is(error)) throw error;
        const domain = input.trim().toLowerCase();
        if (seen.has(domain)) continue;
        seen.add(domain);
        order.push(domain);
        results.set(domain, Object.freeze<AvailabilityRow>({
          domain,
          available: false,
          premium: false,
          reason: 'invalid',
          message: error.message,
          checked_at: at,
        }));
        continue;
      }
      if (typeof name !== 'string' || name === '') {
        throw new TypeError(`Expected normalize to return a non-empty string, got ${describeValue(name)}`);
      }
      if (seen.has(name)) continue;
      seen.add(name);
      order.push(name);
      valid.push(name);
    }

    const lookup = fresh ? [] : readCache(valid, at);
    const cachedSlots = Array.isArray(lookup) ? lookup : await raceAbort(lookup as Promise<ReadonlyArray<AvailabilityRow | undefined>>, signal ?? new AbortController().signal);
    const waitFor: string[] = [];
    valid.forEach((name, i) => {
      const cached = cachedSlots[i];
      if (cached !== undefined && cached.domain === name) results.set(name, cached);
      else waitFor.push(name);
    });

    const total = order.length;
    let done = results.size;
    onProgress?.({ done, total, rows: order.flatMap((name) => results.get(name) ?? []) });
    signal?.throwIfAborted(); // onProgress may have aborted
    const finalRows = (): AvailabilityRow[] => order.map((name) => results.get(name) as AvailabilityRow);
    if (waitFor.length === 0) return finalRows();

    return new Promise<AvailabilityRow[]>((resolve, reject) => {
      let settled = false;
      const joined = new Set<Batch>();
      const pending = new Set(waitFor);

      const detach = (): void => {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        for (const batch of joined) {
          batch.waiters.delete(waiter);
          pruneWaiters(batch);
        }
      };
      const fail = (reason: unknown): void => {
        if (settled) return;
        detach();
        reject(reason);
      };
      const onAbort = (): void => fail(signal?.reason);

      /** Fresh names answered by a joined non-fresh batch with an older row: asked again, once. */
      const reasked = new Set<string>();
      const waiter: Waiter = {
        pending,
        land(rows, batch) {
          if (settled) return;
          let stale: string[] = [];
          if (fresh && !batch.fresh) {
            stale = rows
              .filter((row) => pending.has(row.domain) && !reasked.has(row.domain) && row.reason !== 'errored' && (row.checked_at ?? at) < at)
              .map((row) => row.domain);
          }
          if (stale.length > 0) {
            for (const name of stale) reasked.add(name);
            const skip = new Set(stale);
            rows = rows.filter((row) => !skip.has(row.domain));
            queueMicrotask(() => {
              if (settled) return;
              for (let i = 0; i < stale.length; i += batchSize) {
                const again = startBatch(stale.slice(i, i + batchSize), true);
                again.waiters.add(waiter);
                joined.add(again);
                void runBatch(again);
              }
            });
          }
          const mine = rows.filter((row) => pending.delete(row.domain));
          if (mine.length === 0) return;
          for (const row of mine) results.set(row.domain, row);
          done += mine.length;
          try {
            onProgress?.({ done, total, rows: mine });
          } catch (error) {
            fail(error);
            return;
          }
          if (pending.size === 0 && !settled) {
            detach();
            resolve(finalRows());
          }
        },
        batchFailed(error, names) {
          if (settled) return;
          if (error.code === UNREACHABLE && names.some((name) => pending.has(name))) {
            fail(error);
            return;
          }
          if (onBatchError === undefined) return;
          const mine = names.filter((name) => pending.has(name));
          if (mine.length === 0) return;
          try {
            onBatchError(error, mine);
          } catch (callbackError) {
            fail(callbackError);
          }
        },
      };

      // Join batches that already carry some names; put the rest into new batches.
      const unsent: string[] = [];
      for (const name of waitFor) {
        const batch = inFlight.get(name);
        if (batch === undefined || batch.names.length === 0) unsent.push(name);
        else joined.add(batch);
      }
      const created: Batch[] = [];
      for (let i = 0; i < unsent.length; i += batchSize) {
        const batch = startBatch(unsent.slice(i, i + batchSize), fresh);
        created.push(batch);
        joined.add(batch);
      }
      for (const batch of joined) batch.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      for (const batch of created) void runBatch(batch);
    });
  };

  return {
    check,
    peek(domain) {
      if (typeof domain !== 'string') {
        throw new TypeError(`Expected domain to be a string, got ${describeValue(domain)}`);
      }
      let name: string;
      try {
        name = normalize(domain);
      } catch (error) {
        if (PeekerError.is(error)) return undefined;
        throw error;
      }
      return cache.peek?.(name, now());
    },
    async clear() {
      await cache.clear();
    },
  };
}
