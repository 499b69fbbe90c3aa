/**
 * Each row shows its real age: a row the partner's handler served from its cache carries
 * `checked_at` (when Peeker answered), and the picker says "checked 3 minutes ago" for it,
 * never "now". Only a row answered just now reads "now".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeRow, mount } from './fixtures.ts';

afterEach(() => document.body.replaceChildren());

const ageOf = (root: ShadowRoot, domain: string): string =>
  root.querySelector(`[role="option"][data-domain="${domain}"] .age`)?.textContent?.trim() ?? '';

describe('<peeker-domain-picker>: the age of each answer', () => {
  it('shows a cached row’s real age from checked_at, and "now" only for a row answered now', async () => {
    const { element, harness, fake } = await mount({ 'required-google': '15', 'required-microsoft': '4', locale: 'en' });
    const threeMinutesAgo = Date.now() - 3 * 60_000 - 5_000;
    let cachedName = '';
    fake.rowFor = (domain) => {
      cachedName ||= domain; // the first name asked is "from the server's cache"
      return domain === cachedName ? { ...fakeRow(domain), checked_at: threeMinutesAgo } : fakeRow(domain);
    };
    await harness.typeBrand('acme');
    const root = element.shadowRoot!;
    expect(ageOf(root, cachedName)).toBe('checked 3 minutes ago');
    const other = harness.domains().find((d) => d !== cachedName)!;
    expect(ageOf(root, other)).toBe('checked now');
  });
});
