/**
 * `@peeker/elements`: the `<peeker-domain-picker>` class, its events and types. Registers
 * nothing: import `@peeker/elements/define/peeker-domain-picker.js` for the tag.
 * @packageDocumentation
 */
export { PeekerDomainPicker, RowStatus } from './domain-picker/domain-picker.ts';
export type { OrderFields } from './domain-picker/order-fields.ts';
export { PeekerOrderReadyEvent } from './events/peeker-order-ready.ts';
export type { OrderReadyDetail } from './events/peeker-order-ready.ts';
export { PeekerErrorEvent } from './events/peeker-error.ts';
export type { PeekerErrorDetail } from './events/peeker-error.ts';
export { PeekerOrderPlacedEvent } from './events/peeker-order-placed.ts';
export type { OrderPlacedDetail } from './events/peeker-order-placed.ts';
export { PeekerOrderStatus } from './order-status/order-status.ts';
export type { OrderStatusEventData } from './order-status/order-status.ts';
export { defaultMessages } from './messages.ts';
export { deMessages } from './locales/de.ts';
export type { PeekerMessages } from './messages.ts';
