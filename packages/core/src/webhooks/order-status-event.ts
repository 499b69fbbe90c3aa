/**
 * What the browser that placed an order is told about it: one verified webhook, reduced to its
 * non-secret facts (docs/peeker-api.md §10). `createOrderEventsHandler` (`@peeker/core/server`)
 * streams these; `<peeker-order-status>` reads them. Type only: browser-safe.
 */

/**
 * One order event as the browser that placed the order sees it: the verified webhook's id,
 * type and time, the order it belongs to, and a few non-secret facts of its `data`.
 */
export interface OrderStatusEvent {
  /** The webhook event id (`evt_…`): the browser dedupes on it. */
  id: string;
  /** `order.in_progress`, `domain.connected`, `order.completed`, `order.failed`, … */
  type: string;
  /** When Peeker created the event (ISO 8601), when it said so. */
  created_at: string | null;
  /** The order (`ord_…`). */
  order_id: string;
  /** Status of the order or domain, when the event carried one. */
  status: string | null;
  /** The domain of a `domain.*` event. */
  domain: string | null;
  /** Number of domains in the order, when the event carried it. */
  domain_count: number | null;
  /** Peeker's reason or message on failures, when the event carried one. */
  reason: string | null;
}
