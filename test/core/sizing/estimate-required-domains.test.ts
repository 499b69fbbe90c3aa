import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { estimateRequiredDomains } from '../../../packages/core/src/sizing/estimate-required-domains.ts';
import type { BundleSizing } from '../../../packages/core/src/sizing/bundle.ts';

describe('estimateRequiredDomains', () => {
  it.each([
    // Peeker's two published examples (docs/peeker-api.md §3.1)
    [{ monthly_sending_volume: 25_000 }, { google: 15, microsoft: 4, total: 19 }],
    [
      { monthly_sending_volume: 25_000, google_percent: null, microsoft_percent: null, send_on_weekends: false, google_inboxes_per_domain: 2 },
      { google: 15, microsoft: 4, total: 19 },
    ],
    [
      { monthly_sending_volume: 100_000, google_percent: 70, microsoft_percent: 30 },
      { google: 80, microsoft: 10, total: 90 },
    ],
    // weekends: 30 days. 1,250,000 / 120,000 = 10.4 → 11; 1,250,000 / 450,000 = 2.8 → 3
    [{ monthly_sending_volume: 25_000, send_on_weekends: true }, { google: 11, microsoft: 3, total: 14 }],
    // 3 inboxes: 1,250,000 / 132,000 = 9.5 → 10
    [{ monthly_sending_volume: 25_000, google_inboxes_per_domain: 3 }, { google: 10, microsoft: 4, total: 14 }],
    // 0 % / 100 % splits
    [{ monthly_sending_volume: 25_000, google_percent: 100, microsoft_percent: 0 }, { google: 29, microsoft: 0, total: 29 }],
    [{ monthly_sending_volume: 25_000, google_percent: 0, microsoft_percent: 100 }, { google: 0, microsoft: 8, total: 8 }],
    [{ monthly_sending_volume: 0 }, { google: 0, microsoft: 0, total: 0 }],
    // exact multiples do not round up: 880 × 100 / 88,000 = 1 exactly; 881 needs 2
    [{ monthly_sending_volume: 1_760, google_percent: 100, microsoft_percent: 0 }, { google: 2, microsoft: 0, total: 2 }],
    [{ monthly_sending_volume: 880, google_percent: 100, microsoft_percent: 0 }, { google: 1, microsoft: 0, total: 1 }],
    [{ monthly_sending_volume: 881, google_percent: 100, microsoft_percent: 0 }, { google: 2, microsoft: 0, total: 2 }],
    [{ monthly_sending_volume: 1 }, { google: 1, microsoft: 1, total: 2 }],
  ] as [BundleSizing, object][])('%j → %j', (sizing, expected) => {
    expect(estimateRequiredDomains(sizing)).toEqual(expected);
  });

  it('uses the documented 250/day Microsoft capacity when asked (3 and 6 domains)', () => {
    expect(estimateRequiredDomains({ monthly_sending_volume: 25_000 }, { microsoftSendsPerDomain: 250 }))
      .toEqual({ google: 15, microsoft: 3, total: 18 });
    expect(
      estimateRequiredDomains(
        { monthly_sending_volume: 100_000, google_percent: 70, microsoft_percent: 30 },
        { microsoftSendsPerDomain: 250 },
      ),
    ).toEqual({ google: 80, microsoft: 6, total: 86 });
  });

  it('honours googleSendsPerInbox', () => {
    // 1,250,000 / (100 × 22 × 10 × 2) = 28.4 → 29
    expect(estimateRequiredDomains({ monthly_sending_volume: 25_000 }, { googleSendsPerInbox: 10 }).google).toBe(29);
  });

  it('stays exact beyond 2^53 intermediate products', () => {
    const volume = Number.MAX_SAFE_INTEGER; // × 100 would lose precision in floating point
    const result = estimateRequiredDomains({ monthly_sending_volume: volume, google_percent: 100, microsoft_percent: 0 });
    const expected = (BigInt(volume) * 100n + 88_000n - 1n) / 88_000n;
    expect(BigInt(result.google)).toBe(expected);
  });

  it('ignores the other fields of a whole bundle', () => {
    const bundle = {
      id: 'bun_1', name: 'Starter', status: 'active', monthly_sending_volume: 25_000,
      required_domains: { google: 1, microsoft: 1, total: 2 },
    };
    expect(estimateRequiredDomains(bundle)).toEqual({ google: 15, microsoft: 4, total: 19 });
  });

  it.each([
    ['not an object', null, /bundle sizing to be an object/],
    ['an array', [], /bundle sizing to be an object/],
    ['missing volume', {}, /monthly_sending_volume to be a non-negative integer/],
    ['negative volume', { monthly_sending_volume: -1 }, /monthly_sending_volume/],
    ['fractional volume', { monthly_sending_volume: 1.5 }, /monthly_sending_volume/],
    ['string volume', { monthly_sending_volume: '25000' }, /monthly_sending_volume/],
    ['NaN volume', { monthly_sending_volume: Number.NaN }, /monthly_sending_volume/],
    ['unsafe volume', { monthly_sending_volume: 2 ** 60 }, /monthly_sending_volume/],
    ['google percent alone', { monthly_sending_volume: 1, google_percent: 70 }, /both set or both null/],
    ['microsoft percent alone', { monthly_sending_volume: 1, google_percent: null, microsoft_percent: 30 }, /both set or both null/],
    ['percents not summing to 100', { monthly_sending_volume: 1, google_percent: 70, microsoft_percent: 20 }, /summing to 100/],
    ['fractional percents', { monthly_sending_volume: 1, google_percent: 50.5, microsoft_percent: 49.5 }, /integers from 0 to 100/],
    ['percent over 100', { monthly_sending_volume: 1, google_percent: 110, microsoft_percent: -10 }, /integers from 0 to 100/],
    ['string percents', { monthly_sending_volume: 1, google_percent: '50', microsoft_percent: '50' }, /integers/],
    ['inboxes 1', { monthly_sending_volume: 1, google_inboxes_per_domain: 1 }, /google_inboxes_per_domain to be 2 or 3/],
    ['inboxes 4', { monthly_sending_volume: 1, google_inboxes_per_domain: 4 }, /2 or 3/],
    ['inboxes as string', { monthly_sending_volume: 1, google_inboxes_per_domain: '2' }, /2 or 3/],
    ['inboxes null', { monthly_sending_volume: 1, google_inboxes_per_domain: null }, /2 or 3/],
    ['weekends as string', { monthly_sending_volume: 1, send_on_weekends: 'yes' }, /send_on_weekends to be a boolean/],
  ])('throws a TypeError for %s', (_name, sizing, message) => {
    expect(() => estimateRequiredDomains(sizing as unknown as BundleSizing)).toThrow(TypeError);
    expect(() => estimateRequiredDomains(sizing as unknown as BundleSizing)).toThrow(message);
  });

  it.each([
    [{ googleSendsPerInbox: 0 }, /googleSendsPerInbox to be a positive integer/],
    [{ googleSendsPerInbox: 2.5 }, /googleSendsPerInbox/],
    [{ microsoftSendsPerDomain: -150 }, /microsoftSendsPerDomain to be a positive integer/],
    [{ microsoftSendsPerDomain: '150' }, /microsoftSendsPerDomain/],
  ])('throws a TypeError for options %j', (options, message) => {
    expect(() => estimateRequiredDomains({ monthly_sending_volume: 1 }, options as never)).toThrow(TypeError);
    expect(() => estimateRequiredDomains({ monthly_sending_volume: 1 }, options as never)).toThrow(message);
  });

  const sizingArb = fc.record({
    volume: fc.integer({ min: 0, max: 50_000_000 }),
    google: fc.integer({ min: 0, max: 100 }),
    weekends: fc.boolean(),
    inboxes: fc.constantFrom(2 as const, 3 as const),
  });

  test.prop([sizingArb], { numRuns: 300 })(
    'never under-provisions and is minimal on each side',
    ({ volume, google, weekends, inboxes }) => {
      const result = estimateRequiredDomains({
        monthly_sending_volume: volume,
        google_percent: google,
        microsoft_percent: 100 - google,
        send_on_weekends: weekends,
        google_inboxes_per_domain: inboxes,
      });
      const days = weekends ? 30 : 22;
      // capacity × 100 ≥ volume × share (exact integers, no division)
      const googleNeed = volume * google;
      const microsoftNeed = volume * (100 - google);
      expect(result.google * 20 * inboxes * days * 100).toBeGreaterThanOrEqual(googleNeed);
      expect(result.microsoft * 150 * days * 100).toBeGreaterThanOrEqual(microsoftNeed);
      // one domain fewer would not be enough
      if (result.google > 0) expect((result.google - 1) * 20 * inboxes * days * 100).toBeLessThan(googleNeed);
      if (result.microsoft > 0) expect((result.microsoft - 1) * 150 * days * 100).toBeLessThan(microsoftNeed);
      expect(result.total).toBe(result.google + result.microsoft);
    },
  );
});
