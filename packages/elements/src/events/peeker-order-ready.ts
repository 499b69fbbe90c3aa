import type { OrderDraft, SelectionCost } from '@peeker/core';

/** Detail of {@link PeekerOrderReadyEvent}. */
export interface OrderReadyDetail {
  /** Every chosen domain, sorted. */
  domains: string[];
  /** The domains that fill Google slots (an exact assignment from `solveSelection`), sorted. */
  google: string[];
  /** The domains that fill Microsoft slots, sorted. */
  microsoft: string[];
  /** First-year, renewal and horizon totals in integer cents, as `solveSelection` reports them. */
  cost: SelectionCost;
  /**
   * The order body without `sequencer` (built by `buildOrderRequest` in draft mode from the
   * element's `order` property and the chosen domains), or `null` when `order` is not set.
   * The partner's server adds the Smartlead `sequencer` and sends it to Peeker.
   */
  order: OrderDraft | null;
}

/**
 * Fired when the customer confirms a complete selection, after the chosen names were
 * re-checked fresh and are all still orderable. Cancelable: calling `preventDefault()`
 * keeps the element in editing state.
 *
 * @example
 * ```ts
 * picker.addEventListener('peeker-order-ready', async (event) => {
 *   await fetch('/api/orders', { method: 'POST', body: JSON.stringify(event.detail.order) });
 * });
 * ```
 */
export class PeekerOrderReadyEvent extends Event {
  /** The event's type string. */
  static readonly eventName = 'peeker-order-ready' as const;
  /** What the customer confirmed. */
  readonly detail: OrderReadyDetail;

  /**
   * @param detail - the confirmed selection
   */
  constructor(detail: OrderReadyDetail) {
    super(PeekerOrderReadyEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'peeker-order-ready': PeekerOrderReadyEvent;
  }
}
