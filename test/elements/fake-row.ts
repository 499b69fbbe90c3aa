/**
 * The element suites' deterministic availability answer, in a module without browser
 * imports, so the Node side of a browser command (the test order backend) answers exactly
 * like the in-browser fake transport.
 */
import type { AvailabilityRow } from '@peeker/core';

/** FNV-1a, so every name gets the same fake answer on every run. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The fake's answer for a name: about 1 in 6 taken, 1 in 13 premium, 1 in 4 of the rest
 * Google-only, prices 9.00–15.00 with renewal 2.00 higher.
 * @param domain - a normalised name
 * @returns Peeker's row for it
 */
export function fakeRow(domain: string): AvailabilityRow {
  const h = hash(domain);
  if (h % 6 === 0) return { domain, available: false, premium: false, reason: 'taken' };
  if (h % 13 === 0) return { domain, available: false, premium: true, reason: 'premium' };
  const price = 900 + (h % 7) * 100;
  return {
    domain,
    available: true,
    premium: false,
    price_cents: price,
    renewal_price_cents: price + 200,
    currency: 'usd',
    usable_for: h % 4 === 1 ? ['google'] : ['google', 'microsoft'],
  };
}
