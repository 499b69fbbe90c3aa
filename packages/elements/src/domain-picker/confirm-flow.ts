/**
 * The fresh re-check behind "Confirm selection", loaded on first use by the confirm
 * controller: re-checks the chosen names bypassing every cache, swaps names that were lost,
 * reports price changes, and builds the `peeker-order-ready` event once nothing changed.
 * Internal.
 */
import { OrderValidationError, PeekerError, buildOrderDraft, compareNames, isOrderable, normalizeHostname, type AvailabilityRow } from '@peeker/core';
import { PeekerOrderReadyEvent, type OrderReadyDetail } from '../events/peeker-order-ready.ts';
import type { ConfirmContext, Review } from './confirm-types.ts';
import { notice, type Notice } from './notice.ts';
import { statusOf } from './row-status.ts';
import { loadEngine } from './engine-loader.ts';
import { isAbort } from '../internal/is-abort.ts';

/** What the re-check decided. */
export type RecheckOutcome =
  | { kind: 'ready'; event: PeekerOrderReadyEvent }
  | { kind: 'review'; review: Review }
  | { kind: 'failed'; notice: Notice | null };



/**
 * Re-checks the chosen names fresh and decides what happens next.
 * @param ctx - the element's side of the flow
 * @param signal - aborts the re-check (the element was removed)
 * @returns the event to fire, the review to show, or the failure to show (null: nothing to say)
 */
export async function recheckSelection(ctx: ConfirmContext, signal: AbortSignal): Promise<RecheckOutcome> {
  const checker = ctx.checker();
  const m = ctx.messages();
  if (checker === null) return { kind: 'failed', notice: null };
  try {
    await loadEngine(); // long loaded when names were checked; a page that lost it tries again
  } catch (error) {
    ctx.emitError(error);
    return { kind: 'failed', notice: notice('error', m.checkFailed(ctx.describe(error))) };
  }
  const before = new Map(ctx.chosenRows().map(({ domain, row }) => [domain, row]));
  const names = [...before.keys()];
  let fresh: AvailabilityRow[];
  let batchError: unknown = null;
  try {
    fresh = await checker.check(names, { signal, fresh: true, onBatchError: (error) => (batchError = error) });
  } catch (error) {
    if (isAbort(error)) return { kind: 'failed', notice: null };
    ctx.emitError(error);
    return { kind: 'failed', notice: notice('error', m.checkFailed(ctx.describe(error))) };
  }
  ctx.mergeRows(fresh);
  const errored = fresh.find((row) => row.reason === 'errored');
  if (errored) {
    const error = batchError ?? new PeekerError('check_failed', errored.message ?? 'Re-check failed', { retryable: true });
    ctx.emitError(error);
    return { kind: 'failed', notice: notice('error', m.checkFailed(ctx.describe(error))) };
  }
  const lost = fresh.filter((row) => !isOrderable(row));
  const prices = fresh.flatMap((after) => {
    const prior = before.get(after.domain);
    return prior && isOrderable(after) &&
      (prior.price_cents !== after.price_cents || prior.renewal_price_cents !== after.renewal_price_cents)
      ? [{ domain: after.domain, before: prior, after }]
      : [];
  });
  if (lost.length + prices.length === 0) return finish(ctx);

  const review: Review = { swaps: [], prices, shortfall: null };
  if (lost.length > 0) {
    const lostNames = new Set(lost.map((row) => row.domain));
    ctx.lose(lostNames);
    const kept = names.filter((d) => !lostNames.has(d));
    const result = ctx.solveDiverse(kept);
    const solved = result?.status === 'optimal';
    const added = solved ? result.domains.filter((d) => !before.has(d)).sort(compareNames) : [];
    review.swaps = lost
      .sort((a, b) => compareNames(a.domain, b.domain))
      .map((row, i) => ({ removed: row.domain, status: statusOf(row), added: added[i] ?? null }));
    if (!solved) {
      review.shortfall = result?.status === 'infeasible' ? result.shortfall : null;
      ctx.searchMore();
    }
    ctx.select(solved ? result.domains : kept, true);
  }
  return { kind: 'review', review };
}

/** Nothing changed: the exact assignment, the order draft, and the event. */
function finish(ctx: ConfirmContext): RecheckOutcome {
  const m = ctx.messages();
  const solved = ctx.solveChosen();
  if (solved?.status !== 'optimal') {
    return { kind: 'failed', notice: solved ? notice('infeasible', m.shortfall(solved.shortfall)) : null };
  }
  let order: OrderReadyDetail['order'] = null;
  const fields = ctx.order();
  try {
    if (fields) order = buildOrderDraft({ ...fields, domains: [...solved.domains] }, { normalize: normalizeHostname });
  } catch (error) {
    ctx.emitError(error);
    const text = error instanceof OrderValidationError ? m.orderInvalid(error.issues.map((i) => i.path)) : ctx.describe(error);
    return { kind: 'failed', notice: notice('error', text) };
  }
  const { domains, google, microsoft, cost } = solved;
  const detail: OrderReadyDetail = { domains: [...domains], google: [...google], microsoft: [...microsoft], cost: { ...cost }, order };
  return { kind: 'ready', event: new PeekerOrderReadyEvent(detail) };
}
