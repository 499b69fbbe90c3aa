/** Detail of {@link PeekerOrderPlacedEvent}. */
export interface OrderPlacedDetail {
  /** The order's id (`ord_…`). */
  orderId: string;
  /** The order's status when it was accepted (`in_progress` for a new order). */
  status: string;
  /** How many domains the order has. */
  domainCount: number;
  /**
   * The order-scoped token for the live status stream (`createOrderEventsHandler`), when the
   * backend gave one: pass it to `<peeker-order-status>`.
   */
  eventsToken: string | null;
  /** The whole answer of the partner's order endpoint (`{ data: receipt, request_id, events }`). */
  receipt: unknown;
}

/**
 * Fired by `<peeker-domain-picker order-endpoint="…">` once the partner's order endpoint
 * accepted the order (a replayed receipt of the same order fires it too). Not cancelable:
 * the order exists.
 *
 * @example
 * ```ts
 * picker.addEventListener('peeker-order-placed', (event) => {
 *   status.orderId = event.detail.orderId;
 *   status.token = event.detail.eventsToken ?? '';
 * });
 * ```
 */
export class PeekerOrderPlacedEvent extends Event {
  /** The event's type string. */
  static readonly eventName = 'peeker-order-placed' as const;
  /** The accepted order. */
  readonly detail: OrderPlacedDetail;

  /**
   * @param detail - the accepted order
   */
  constructor(detail: OrderPlacedDetail) {
    super(PeekerOrderPlacedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'peeker-order-placed': PeekerOrderPlacedEvent;
  }
}
