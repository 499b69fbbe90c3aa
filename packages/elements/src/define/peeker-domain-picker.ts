/**
 * Registers `<peeker-domain-picker>`. The only module of `@peeker/elements` with a side
 * effect; loading it twice (two bundles, a hot reload) is harmless. To use another tag or a
 * scoped registry, import the class from `@peeker/elements` and define it yourself.
 *
 * @example
 * ```ts
 * import '@peeker/elements/define/peeker-domain-picker.js';
 * ```
 * @packageDocumentation
 */
import { PeekerDomainPicker } from '../domain-picker/domain-picker.ts';

if (!customElements.get('peeker-domain-picker')) {
  customElements.define('peeker-domain-picker', PeekerDomainPicker);
}

export { PeekerDomainPicker };

declare global {
  interface HTMLElementTagNameMap {
    'peeker-domain-picker': PeekerDomainPicker;
  }
}
