/**
 * Registers `<peeker-order-status>`. Loading it twice is harmless. To use another tag or a
 * scoped registry, import the class from `@peeker/elements` and define it yourself.
 *
 * @example
 * ```ts
 * import '@peeker/elements/define/peeker-order-status.js';
 * ```
 * @packageDocumentation
 */
import { PeekerOrderStatus } from '../order-status/order-status.ts';

if (!customElements.get('peeker-order-status')) {
  customElements.define('peeker-order-status', PeekerOrderStatus);
}

export { PeekerOrderStatus };

declare global {
  interface HTMLElementTagNameMap {
    'peeker-order-status': PeekerOrderStatus;
  }
}
