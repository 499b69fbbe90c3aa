/**
 * Posting the confirmed draft to the partner's order endpoint (`createOrderHandler` of
 * `@peeker/core/server`) and turning its answer into what the picker shows, for
 * `<peeker-domain-picker order-endpoint>`. Loaded on first use by the confirm controller.
 * Internal.
 */
import { PeekerError, isOrderable, type AvailabilityRow, type OrderDraft, type SelectionCost, type UnavailableReason } from '@peeker/core';
import { PeekerOrderPlacedEvent, type OrderPlacedDetail } from '../events/peeker-order-placed.ts';
import type { OrderReadyDetail } from '../events/peeker-order-ready.ts';
import type { ConfirmContext, Review } from './confirm-types.ts';
import { notice, type Notice } from './notice.ts';

/** Most alternates sent for replacements (the order handler's default limit). */
const MAX_ALTERNATES = 100;

/** A name the server found taken at its fresh re-check. */
export interface TakenName {
  domain: string;
  reason: string;
}

/** A replacement name, priced by the server's fresh check. */
export interface AddedName {
  domain: string;
  price_cents: number | null;
  renewal_price_cents: number | null;
  currency: string | null;
  usable_for: ('google' | 'microsoft')[];
}

/** The cheapest replacement set the server proposes. */
export interface Replacement {
  /** The whole new selection, sorted. */
  domains: string[];
  removed: string[];
  added: AddedName[];
  cost: SelectionCost;
  /** New total minus the total the customer was shown, or null when unknown. */
  extra_cents: number | null;
}

/** What the order endpoint decided. */
export type SubmitOutcome =
  | { kind: 'placed'; detail: OrderPlacedDetail }
  | {
      kind: 'taken';
      taken: TakenName[];
      replacement: Replacement | null;
      shortfall: { google: number; microsoft: number; total: number } | null;
    }
  | { kind: 'failed'; code: string; message: string };

/** What the element sends. */
export interface SubmitBody {
  order: OrderDraft;
  /** Orderable names the customer did not choose, cheapest first: the pool for replacements. */
  alternates: string[];
  /** The total the customer was shown, for the difference in a 409. */
  cost: { total_cents: number; currency: string | null };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

const cents = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);

/**
 * POSTs the draft and reads the answer: 2xx with `data.id` → placed; 409 `names_taken` →
 * taken with the server's replacement; anything else (including a network failure) → failed,
 * with the server's code and message (the endpoint never puts a secret in them).
 * @param endpoint - the order endpoint URL
 * @param body - the draft, alternates and shown cost
 * @param signal - aborts the request (the element was removed)
 * @returns the outcome
 * @throws the signal's reason when aborted
 */
export async function submitOrder(endpoint: string, body: SubmitBody, signal: AbortSignal): Promise<SubmitOutcome> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    return { kind: 'failed', code: 'network_error', message: error instanceof Error ? error.message : String(error) };
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // not JSON: handled below by status
  }
  const data = isObject(json) && isObject(json.data) ? json.data : null;
  if (response.ok && data !== null && typeof data.id === 'string') {
    const events = isObject(json) && isObject(json.events) ? json.events : null;
    return {
      kind: 'placed',
      detail: {
        orderId: data.id,
        status: typeof data.status === 'string' ? data.status : 'in_progress',
        domainCount: cents(data.domain_count) ?? body.order.domains.length,
        eventsToken: typeof events?.token === 'string' ? events.token : null,
        receipt: json,
      },
    };
  }
  const error = isObject(json) && isObject(json.error) ? json.error : null;
  const code = typeof error?.code === 'string' ? error.code : response.ok ? 'invalid_response' : `http_${response.status}`;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`;
  if (response.status === 409 && code === 'names_taken') {
    const details = isObject(error?.details) ? error.details : {};
    const taken = (Array.isArray(details.taken) ? details.taken : [])
      .filter(isObject)
      .map((t) => ({ domain: String(t.domain ?? ''), reason: String(t.reason ?? 'taken') }))
      .filter((t) => t.domain !== '');
    const r = isObject(details.replacement) ? details.replacement : null;
    const replacement: Replacement | null =
      r === null || !isObject(r.cost)
        ? null
        : {
            domains: strings(r.domains),
            removed: strings(r.removed),
            added: (Array.isArray(r.added) ? r.added : []).filter(isObject).map((a) => ({
              domain: String(a.domain ?? ''),
              price_cents: cents(a.price_cents),
              renewal_price_cents: cents(a.renewal_price_cents),
              currency: typeof a.currency === 'string' ? a.currency : null,
              usable_for: strings(a.usable_for).filter((p): p is 'google' | 'microsoft' => p === 'google' || p === 'microsoft'),
            })),
            cost: r.cost as unknown as SelectionCost,
            extra_cents: cents(r.extra_cents),
          };
    const s = isObject(details.shortfall) ? details.shortfall : null;
    const shortfall = s ? { google: cents(s.google) ?? 0, microsoft: cents(s.microsoft) ?? 0, total: cents(s.total) ?? 0 } : null;
    return { kind: 'taken', taken, replacement, shortfall };
  }
  return { kind: 'failed', code, message };
}

/** What the picker does after the order endpoint answered. */
export type PlaceOutcome =
  | { kind: 'placed'; event: PeekerOrderPlacedEvent; notice: Notice }
  | { kind: 'review'; review: Review }
  | { kind: 'failed'; notice: Notice };

/**
 * Sends the confirmed draft with the cheapest unchosen orderable names as alternates, and
 * applies the answer: placed → the confirmation and `peeker-order-placed`; 409 names taken →
 * the names marked taken, the server's replacement set selected (with its fresh prices), and
 * the review; anything else → the failure, selection unchanged.
 * @param ctx - the element's side of the flow
 * @param ready - the `peeker-order-ready` detail that was not cancelled
 * @param endpoint - the order endpoint
 * @param signal - aborts the request (the element was removed)
 * @returns what to show
 * @throws the signal's reason when aborted
 */
export async function placeOrder(ctx: ConfirmContext, ready: OrderReadyDetail, endpoint: string, signal: AbortSignal): Promise<PlaceOutcome> {
  const m = ctx.messages();
  const { order, cost, domains } = ready;
  if (order === null) return { kind: 'failed', notice: notice('error', m.orderInvalid(['order'])) };
  const chosen = new Set(domains);
  const years = ctx.years();
  const price = (r: AvailabilityRow): number => (r.price_cents ?? 0) + (years - 1) * (r.renewal_price_cents ?? r.price_cents ?? 0);
  const alternates = ctx
    .candidates()
    .filter((r) => isOrderable(r) && !chosen.has(r.domain))
    .sort((a, b) => price(a) - price(b) || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0))
    .slice(0, MAX_ALTERNATES)
    .map((r) => r.domain);
  const result = await submitOrder(endpoint, { order, alternates, cost: { total_cents: cost.total_cents, currency: cost.currency } }, signal);
  if (result.kind === 'placed') {
    return { kind: 'placed', event: new PeekerOrderPlacedEvent(result.detail), notice: notice('success', m.orderPlaced(result.detail.orderId)) };
  }
  if (result.kind === 'failed') {
    const error = new PeekerError(result.code, result.message, { retryable: true });
    ctx.emitError(error);
    return { kind: 'failed', notice: notice('error', m.orderNotPlaced(ctx.describe(error))) };
  }
  // 409 names_taken: mark the names, take the server's replacement set, ask again.
  const now = Date.now();
  ctx.mergeRows(result.taken.map((t) => ({ domain: t.domain, available: false, premium: false, reason: t.reason as UnavailableReason, checked_at: now })));
  const lost = new Set(result.taken.map((t) => t.domain));
  ctx.lose(lost);
  const replacement = result.replacement;
  if (replacement) {
    // The server's fresh prices for the replacements, so the new totals are what it will charge.
    ctx.mergeRows(
      replacement.added
        .filter((a) => a.price_cents !== null && a.usable_for.length > 0)
        .map((a): AvailabilityRow => ({
          domain: a.domain,
          available: true,
          premium: false,
          price_cents: a.price_cents!,
          renewal_price_cents: a.renewal_price_cents ?? a.price_cents!,
          ...(a.currency === null ? {} : { currency: a.currency }),
          usable_for: a.usable_for,
          checked_at: now,
        })),
    );
    ctx.select(replacement.domains, true);
  } else {
    ctx.select(domains.filter((d) => !lost.has(d)), true);
    ctx.searchMore();
  }
  const added = replacement ? replacement.added.map((a) => a.domain).sort() : [];
  return {
    kind: 'review',
    review: {
      source: 'taken',
      swaps: [...lost].sort().map((removed, i) => ({ removed, status: 'taken', added: added[i] ?? null })),
      prices: [],
      shortfall: result.shortfall,
      extra: replacement && replacement.extra_cents !== null ? { cents: replacement.extra_cents, currency: replacement.cost.currency } : null,
    },
  };
}
