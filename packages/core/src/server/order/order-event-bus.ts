import { describeValue } from '../../internal/describe-value.ts';
import type { WebhookEvent } from '../../webhooks/webhook-event.ts';
import type { OrderStatusEvent } from '../../webhooks/order-status-event.ts';

export type { OrderStatusEvent };

/**
 * Where order events go between the webhook handler and the event streams. The default,
 * {@link createMemoryOrderEventBus}, works inside one process; with several server
 * processes behind a load balancer plug a shared one (Redis pub/sub plus a short list per
 * order), since the webhook and the browser's stream may land on different processes.
 */
export interface OrderEventBus {
  /**
   * Records an event for its order and hands it to current subscribers of that order.
   * @param event - the event
   */
  publish(event: OrderStatusEvent): void | Promise<void>;
  /**
   * Subscribes to one order. Events published before the call are in `history` (webhooks
   * often arrive before the browser opens its stream), later ones go to `listener`.
   * @param orderId - the order
   * @param listener - called once per later event
   * @returns the earlier events, in arrival order, and the way to stop listening
   */
  subscribe(
    orderId: string,
    listener: (event: OrderStatusEvent) => void,
  ): { history: OrderStatusEvent[]; unsubscribe(): void } | Promise<{ history: OrderStatusEvent[]; unsubscribe(): void }>;
}

/** Options of {@link createMemoryOrderEventBus}. */
export interface MemoryOrderEventBusOptions {
  /**
   * How many orders' histories to keep; the least recently published are dropped first.
   * @default 1000
   */
  maxOrders?: number;
  /**
   * How many events to keep per order (an order of n domains sends about n + 2).
   * @default 500
   */
  maxEventsPerOrder?: number;
}

/**
 * An in-process {@link OrderEventBus}: a bounded history per order and live listeners.
 * @param options - see {@link MemoryOrderEventBusOptions}
 * @returns the bus
 * @throws TypeError when a limit is not a positive integer
 * @example
 * ```ts
 * const orderEvents = createOrderEventsHandler({ secret, bus: createMemoryOrderEventBus({ maxOrders: 5000 }) });
 * ```
 */
export function createMemoryOrderEventBus(options: MemoryOrderEventBusOptions = {}): OrderEventBus {
  const maxOrders = options.maxOrders ?? 1000;
  const maxEvents = options.maxEventsPerOrder ?? 500;
  for (const [name, value] of [['maxOrders', maxOrders], ['maxEventsPerOrder', maxEvents]] as const) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw new TypeError(`Expected ${name} to be a positive integer, got ${describeValue(value)}`);
    }
  }
  // Insertion order = least recently published first.
  const histories = new Map<string, OrderStatusEvent[]>();
  const listeners = new Map<string, Set<(event: OrderStatusEvent) => void>>();
  return {
    publish(event) {
      const history = histories.get(event.order_id) ?? [];
      histories.delete(event.order_id);
      histories.set(event.order_id, history);
      if (history.some((e) => e.id === event.id)) return; // a webhook retry
      history.push(event);
      if (history.length > maxEvents) history.shift();
      while (histories.size > maxOrders) histories.delete(histories.keys().next().value as string);
      for (const listener of listeners.get(event.order_id) ?? []) {
        try {
          listener(event);
        } catch {
          // one broken stream must not stop the others
        }
      }
    },
    subscribe(orderId, listener) {
      let set = listeners.get(orderId);
      if (!set) listeners.set(orderId, (set = new Set()));
      set.add(listener);
      return {
        history: [...(histories.get(orderId) ?? [])],
        unsubscribe() {
          set.delete(listener);
          if (set.size === 0 && listeners.get(orderId) === set) listeners.delete(orderId);
        },
      };
    },
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The order a webhook event belongs to: `data.id` (or the older `data.order.id`) for
 * `order.*` events, `data.order_id` for `domain.*` events; null for anything else.
 * @param event - a verified webhook event
 * @returns the order id, or null
 */
export function orderIdOfEvent(event: WebhookEvent): string | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const nested = typeof data.order === 'object' && data.order !== null ? (data.order as Record<string, unknown>) : undefined;
  if (event.type.startsWith('order.')) {
    const id = text(nested?.id) ?? text(data.id) ?? text(data.order_id);
    return id?.startsWith('ord_') ? id : null;
  }
  const id = text(data.order_id) ?? text(nested?.id);
  return id?.startsWith('ord_') ? id : null;
}

/**
 * The browser's view of a webhook event: only the non-secret facts it shows, never the raw
 * payload (which may grow fields a page should not see).
 * @param event - a verified webhook event
 * @returns the status event, or null when the event belongs to no order
 */
export function toOrderStatusEvent(event: WebhookEvent): OrderStatusEvent | null {
  const orderId = orderIdOfEvent(event);
  if (orderId === null) return null;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const source = typeof data.order === 'object' && data.order !== null ? (data.order as Record<string, unknown>) : data;
  const count = source.domain_count;
  return {
    id: event.id,
    type: event.type,
    created_at: text(event.created_at),
    order_id: orderId,
    status: text(source.status),
    domain: event.type.startsWith('domain.') ? text(data.domain) : null,
    domain_count: typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : null,
    reason: text(source.reason) ?? text(source.message),
  };
}
