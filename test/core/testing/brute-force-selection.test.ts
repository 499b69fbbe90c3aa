import { describe, expect, it } from 'vitest';
import type { AvailabilityRow } from '@peeker/core';
import { BRUTE_FORCE_MAX_ROWS, bruteForceSelection } from '@peeker/core/testing';

const row = (domain: string, price: number, usable: 'both' | 'google' = 'both'): AvailabilityRow => ({
  domain,
  available: true,
  premium: false,
  price_cents: price,
  renewal_price_cents: price * 2,
  currency: 'usd',
  usable_for: usable === 'both' ? ['google', 'microsoft'] : ['google'],
});

describe('bruteForceSelection', () => {
  it('finds the cheapest valid selection', () => {
    const rows = [row('a.com', 100, 'google'), row('b.com', 200, 'google'), row('c.com', 150), row('d.com', 1000)];
    expect(bruteForceSelection({ rows, required: { google: 2, microsoft: 1 } })).toEqual({
      status: 'optimal',
      google: ['a.com', 'b.com'],
      microsoft: ['c.com'],
      domains: ['a.com', 'b.com', 'c.com'],
      cost: { first_year_cents: 450, renewal_cents: 900, total_cents: 450, currency: 'usd' },
    });
  });

  it('returns null when nothing fits, and an empty selection for 0 + 0', () => {
    const rows = [row('a.com', 100, 'google')];
    expect(bruteForceSelection({ rows, required: { google: 0, microsoft: 1 } })).toBeNull();
    expect(bruteForceSelection({ rows, required: { google: 1, microsoft: 0 }, pinned: ['missing.com'] })).toBeNull();
    expect(bruteForceSelection({ rows, required: { google: 0, microsoft: 0 } })?.domains).toEqual([]);
  });

  it('honours pins with a provider, exclusions, caps and years', () => {
    const rows = [row('a.com', 100), row('b.com', 100), row('c.net', 500), row('d.org', 50)];
    const result = bruteForceSelection({
      rows,
      required: { google: 1, microsoft: 2 },
      pinned: [{ domain: 'a.com', provider: 'google' }],
      excluded: ['d.org'],
      groupOf: (r) => r.domain.slice(r.domain.lastIndexOf('.') + 1),
      maxPerGroup: 2,
      years: 2,
    });
    expect(result).toMatchObject({ google: ['a.com'], microsoft: ['b.com', 'c.net'] });
    expect(result?.cost.total_cents).toBe(700 + 1400);
  });

  it(`refuses more than ${BRUTE_FORCE_MAX_ROWS} candidate rows with a TypeError`, () => {
    const rows = Array.from({ length: BRUTE_FORCE_MAX_ROWS + 1 }, (_, i) => row(`n${i}.com`, i));
    expect(() => bruteForceSelection({ rows, required: { google: 1, microsoft: 0 } })).toThrow(TypeError);
    expect(bruteForceSelection({ rows, required: { google: 1, microsoft: 0 }, excluded: ['n0.com'] })?.domains).toEqual([
      'n1.com',
    ]);
  });
});
