/**
 * `@peeker/elements/events`: one class per event `<peeker-domain-picker>` fires, besides
 * the native `change`.
 * @packageDocumentation
 */
export { PeekerOrderReadyEvent } from './peeker-order-ready.ts';
export type { OrderReadyDetail } from './peeker-order-ready.ts';
export { PeekerErrorEvent } from './peeker-error.ts';
export type { PeekerErrorDetail } from './peeker-error.ts';
export { PeekerOrderPlacedEvent } from './peeker-order-placed.ts';
export type { OrderPlacedDetail } from './peeker-order-placed.ts';
