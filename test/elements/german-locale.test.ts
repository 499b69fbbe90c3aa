import { afterEach, describe, expect, it } from 'vitest';
import { PeekerError } from '@peeker/core';
import { deMessages, defaultMessages, type PeekerMessages } from '@peeker/elements';
import { expectNoAxeViolations, mount, type Mounted } from './fixtures.ts';

afterEach(() => document.body.replaceChildren());

/**
 * Every string the picker shows or announces, in document order: text nodes (outside
 * `aria-hidden` icons) and the attributes people read or hear (placeholder, aria-label).
 */
function strings(root: ShadowRoot): string[] {
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node instanceof Element) {
      if (node.getAttribute('aria-hidden') === 'true') return;
      for (const name of ['placeholder', 'aria-label']) {
        const value = node.getAttribute(name);
        if (value) out.push(value);
      }
    } else if (node.nodeType === Node.TEXT_NODE && !(node.parentElement?.classList.contains('name') ?? false)) {
      // (a row's name is split at dots and hyphens into text nodes: names are not translated)
      const text = node.textContent!.replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
    }
    node.childNodes.forEach(walk);
  };
  root.childNodes.forEach(walk);
  return out;
}

/**
 * Whether a string has words a translation must change: not only names, TLDs, amounts,
 * numbers, product names and file formats.
 */
function hasWords(text: string): boolean {
  const rest = text
    .replace(/\b[\w-]+(\.[\w-]+)+\b/g, ' ') // names
    .replace(/\.[a-z]{2,}\b/g, ' ') // TLDs
    .replace(/\b(Google|Microsoft|CSV|JSON|USD)\b/g, ' ');
  return /\p{L}{2,}/u.test(rest);
}

/** One picker in a rich state: rows of every kind, a partial selection, notices, open paste box. */
async function render(messages: PeekerMessages | null, locale: string): Promise<Mounted> {
  const m = await mount({ 'required-google': '3', 'required-microsoft': '2', years: '3', locale });
  m.element.messages = messages;
  m.fake.failWhen = (domains) =>
    domains.includes('broken-acme.com') ? new PeekerError('network_error', 'down', { retryable: false }) : null;
  m.fake.overrides.set('acmeco.com', { available: false, premium: true, reason: 'premium' });
  await m.harness.typeBrand('acme');
  await m.harness.pasteList('broken-acme.com not_a_name!');
  const available = m.harness.availableDomains();
  await m.harness.toggle(available[0]!);
  await m.harness.toggle(available[1]!);
  return m;
}

describe('<peeker-domain-picker>: German', () => {
  it('every string on screen goes through the messages: all of them change in German', async () => {
    const en = await render(null, 'en-US');
    const de = await render(deMessages, 'de-DE');
    const english = strings(en.harness.root);
    const german = strings(de.harness.root);
    expect(german).toHaveLength(english.length);
    const worded = english.map((text, i) => [text, german[i]!] as const).filter(([text]) => hasWords(text));
    // the state shows a good part of the catalogue
    expect(worded.length).toBeGreaterThan(60);
    const unchanged = worded.filter(([a, b]) => a === b).map(([a]) => a);
    expect(unchanged).toEqual([]);
    // spot checks: German plurals and prices through Intl in the de-DE locale
    expect(de.harness.meterText('google')).toMatch(/^Google: \d von 3$/);
    expect(de.harness.total('first-year')).toMatch(/^\d+,\d{2}\s\$$/);
    expect(german).toContain(deMessages.failedCount(1));
    expect(german.some((s) => s.startsWith('Wählen Sie'))).toBe(true);
  });

  it('the German catalogue has every key of the English one, each of the same kind', () => {
    const keys = Object.keys(defaultMessages).sort();
    expect(Object.keys(deMessages).sort()).toEqual(keys);
    for (const key of keys) {
      expect(typeof deMessages[key as keyof PeekerMessages], key).toBe(typeof defaultMessages[key as keyof PeekerMessages]);
    }
    expect(deMessages.chosenCount(1, 1)).toBe('1 von 1 Domain gewählt');
    expect(deMessages.chosenCount(2, 19)).toBe('2 von 19 Domains gewählt');
  });

  it('has no axe violations in German', async () => {
    const de = await render(deMessages, 'de-DE');
    await expectNoAxeViolations(de.element);
  });
});
