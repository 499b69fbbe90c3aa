/**
 * The review shown after the final re-check changed the selection (swapped names, changed
 * prices, new totals), loaded on first use with the confirm flow. Internal.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PeekerMessages } from '../messages.ts';
import { actionButton } from './action-button.ts';
import type { Review } from './confirm-types.ts';
import { statusText } from './domain-option.ts';
import { formatMoney } from './formatters.ts';

/** What the panel shows besides the review. */
export interface ReviewOptions {
  m: PeekerMessages;
  /** The new totals, formatted. */
  totals: { firstYear: string; renewal: string };
  locale: string | undefined;
  /** The changed selection is complete ("Confirm again" enabled). */
  canConfirm: boolean;
  onConfirm: () => void;
  onKeepEditing: () => void;
}

/** The panel's renderer, as the confirm controller holds it once loaded. */
export interface ReviewView {
  /**
   * @param review - what changed
   * @param options - texts, totals and actions
   * @returns the panel (focusable, so focus lands on it when it replaces the Confirm button)
   */
  renderReview(review: Review, options: ReviewOptions): TemplateResult;
}

/** The review panel renderer. */
export const reviewView: ReviewView = {
  renderReview(review, { m, totals, locale, canConfirm, onConfirm, onKeepEditing }) {
    const money = (row: { price_cents?: number; currency?: string }): string => formatMoney(row.price_cents, row.currency, locale);
    return html`<div class="review notice" data-kind="warning" data-role="review" tabindex="-1" role="group"
        aria-labelledby="review-title">
      <p class="summary-title" id="review-title">${review.source === 'taken' ? m.namesTakenTitle : m.reviewTitle}</p>
      <ul>
        ${review.swaps.map(({ removed, status, added }) => {
          const reason = statusText(status, null, m);
          return html`<li>${added === null ? m.removed(removed, reason) : m.swapped(removed, reason, added)}</li>`;
        })}
        ${review.prices.map(({ domain, before, after }) => html`<li>${m.priceChanged(domain, money(before), money(after))}</li>`)}
      </ul>
      ${review.shortfall !== null ? html`<p>${m.shortfall(review.shortfall)}</p>` : nothing}
      ${review.extra
        ? html`<p data-role="cost-difference">${m.costDifference(
            formatMoney(Math.abs(review.extra.cents), review.extra.currency ?? undefined, locale),
            review.extra.cents > 0 ? 'more' : review.extra.cents < 0 ? 'less' : 'same',
          )}</p>`
        : nothing}
      <p>${m.newTotal(totals.firstYear, totals.renewal)}</p>
      <div class="actions">
        ${actionButton('confirm-again', m.confirmAgain, !canConfirm, onConfirm, true)}
        ${actionButton('keep-editing', m.keepEditing, false, onKeepEditing)}
      </div>
    </div>`;
  },
};
