/**
 * The picker shows the Unicode form of an internationalised name next to its ASCII name, and
 * flags a name that mixes scripts (issue 13). Real Chromium, the real element, names pasted
 * into its paste box.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deMessages, defaultMessages } from '@peeker/elements';
import { expectNoAxeViolations, mount, type Mounted } from './fixtures.ts';

afterEach(() => document.body.replaceChildren());

/** The option row of `domain` in the element's shadow root. */
function optionOf(m: Mounted, domain: string): HTMLElement {
  const option = m.element.shadowRoot?.querySelector<HTMLElement>(`[role="option"][data-domain="${domain}"]`);
  expect(option, domain).toBeTruthy();
  return option as HTMLElement;
}

describe('<peeker-domain-picker>: internationalised names', () => {
  let m: Mounted;
  beforeEach(async () => {
    m = await mount({ 'required-google': '1', 'required-microsoft': '0' });
  });

  it('has no axe violations with an IDN row and a flagged row', async () => {
    await m.harness.pasteList('bücher.com \u0430cme.com');
    await expectNoAxeViolations(m.element);
  });

  it('shows bücher.com next to xn--bcher-kva.com, without a flag', async () => {
    await m.harness.pasteList('https://Bücher.com/shop');
    const option = optionOf(m, 'xn--bcher-kva.com');
    expect(option.querySelector('.name')?.textContent).toContain('xn--bcher-kva.com');
    expect(option.querySelector('[data-unicode]')?.textContent).toBe('bücher.com');
    expect(option.querySelector('[data-flag]')).toBeNull();
  });

  it('flags аcme.com (Cyrillic а) and says which name it reads like, in the host language', async () => {
    const ascii = new URL('http://\u0430cme.com/').hostname;
    await m.harness.pasteList('\u0430cme.com');
    const flag = optionOf(m, ascii).querySelector('[data-flag="mixed-script"]');
    expect(flag?.textContent).toContain(defaultMessages.lookalikeFlag('acme.com'));
    m.element.messages = deMessages;
    await m.element.updateComplete;
    expect(optionOf(m, ascii).querySelector('[data-flag="mixed-script"]')?.textContent).toContain('liest sich wie acme.com');
  });

  it('adds nothing to an ASCII name', async () => {
    await m.harness.pasteList('mine-acme.com');
    const option = optionOf(m, 'mine-acme.com');
    expect(option.querySelector('[data-unicode]')).toBeNull();
    expect(option.querySelector('[data-flag]')).toBeNull();
  });
});
