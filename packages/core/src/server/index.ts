/**
 * `@peeker/core/server`: the Node-side parts that hold secrets. The Peeker API client (on
 * undici), the availability handler the browser element talks to, and the webhook handler.
 * Never import this entry from browser code.
 *
 * Every public name is listed here by hand (no `export *`).
 * @packageDocumentation
 */

// client
export { createPeekerClient, DEFAULT_BASE_URL } from './client/create-peeker-client.ts';
export type {
  PeekerClient,
  PeekerClientOptions,
  CallOptions,
  CreateOrderOptions,
  CreateOrderResult,
  CancelOrderOptions,
  RawRequestOptions,
  RawResponse,
} from './client/create-peeker-client.ts';
export type { ListOptions } from './client/paginate.ts';
export type { GetRetryOptions, PeekerClientLogEntry } from './client/peeker-http.ts';
export type {
  PeekerMe,
  BundleCreateInput,
  BundleUpdateInput,
  BundleDeleteResult,
  BundleFilters,
  OrderStatus,
  OrderLineItem,
  OrderCosts,
  OrderReceipt,
  PeekerOrder,
  OrderFilters,
  CancelOrderResult,
  PendingAction,
  PendingActionFilters,
  UserSequencer,
  PeekerUser,
  UserCreateInput,
  UserUpdateInput,
  UserFilters,
  PeekerDomain,
  DomainFilters,
  ForwardingJob,
} from './client/peeker-resources.ts';

// availability handler
export { createAvailabilityHandler } from './availability/create-availability-handler.ts';
export type {
  AvailabilityHandler,
  AvailabilityHandlerClient,
  AvailabilityHandlerOptions,
  AvailabilityClientInfo,
} from './availability/create-availability-handler.ts';

// webhook handler
export { createWebhookHandler } from './webhooks/create-webhook-handler.ts';
export type { WebhookHandler, WebhookHandlerOptions, WebhookDeliveryInfo } from './webhooks/create-webhook-handler.ts';
export { createMemoryDedupeStore } from './webhooks/create-memory-dedupe-store.ts';
export type { WebhookDedupeStore, WebhookClaimState, MemoryDedupeStoreOptions } from './webhooks/create-memory-dedupe-store.ts';

// order handler
export { createMemoryOrderIdempotencyStore } from './order/order-idempotency-store.ts';
export type {
  OrderClaim,
  OrderIdempotencyStore,
  MemoryOrderIdempotencyStoreOptions,
} from './order/order-idempotency-store.ts';
export { createOrderHandler } from './order/create-order-handler.ts';
export type {
  OrderHandler,
  OrderHandlerClient,
  OrderHandlerOptions,
  OrderRequestInfo,
  SequencerInput,
} from './order/create-order-handler.ts';

// live order status
export { createOrderEventsHandler } from './order/create-order-events-handler.ts';
export type { OrderEventsHandler, OrderEventsHandlerOptions } from './order/create-order-events-handler.ts';
export { createMemoryOrderEventBus, toOrderStatusEvent } from './order/order-event-bus.ts';
export type { OrderEventBus, OrderStatusEvent, MemoryOrderEventBusOptions } from './order/order-event-bus.ts';
