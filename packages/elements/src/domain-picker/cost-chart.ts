/**
 * The cost picture of `<peeker-domain-picker>`'s summary: the first year against the renewals
 * over the cost horizon, as two bars, the way the meters show slots. Internal.
 */
import { html, type TemplateResult } from 'lit';
import type { PeekerMessages } from '../messages.ts';

/** What the picture shows. */
export interface CostChartState {
  m: PeekerMessages;
  /** First-year total of the selection, in cents. */
  firstYear: number;
  /** Yearly renewal total of the selection, in cents. */
  renewal: number;
  /** Cost horizon in years (≥ 1). */
  years: number;
  /** Formats cents in the selection's currency. */
  money: (cents: number) => string;
}

/**
 * @param s - totals, horizon and texts
 * @returns the picture: an image for assistive technology, labelled with both amounts
 */
export function renderCostChart({ m, firstYear, renewal, years, money }: CostChartState): TemplateResult {
  // with a one-year horizon the second bar is the year after, so renewals are never hidden
  const renewals = renewal * Math.max(1, years - 1);
  const largest = Math.max(firstYear, renewals, 1);
  const bar = (which: string, label: string, cents: number): TemplateResult =>
    html`<div class="cost-row" data-cost=${which}>
      <span class="cost-label">${label}</span>
      <span class="cost-track"><span class="cost-bar" style=${`inline-size: ${(100 * cents) / largest}%`}></span></span>
      <span class="cost-amount">${money(cents)}</span>
    </div>`;
  return html`<div class="cost-chart" part="cost-chart" role="img"
    aria-label=${m.costPictureLabel(money(firstYear), money(renewals), years)}>
    ${bar('first-year', m.costFirstYear, firstYear)} ${bar('renewals', m.costRenewals(years), renewals)}
  </div>`;
}
