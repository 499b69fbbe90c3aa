import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { isOrderable } from '@peeker/core';
import type { AvailabilityRow } from '@peeker/core';
import { availabilityRowArbitrary, bundleArbitrary, selectionProblemArbitrary } from '@peeker/core/testing';

const sample = <T,>(arbitrary: fc.Arbitrary<T>, numRuns = 1000): T[] => fc.sample(arbitrary, { numRuns, seed: 42 });
const share = <T,>(items: readonly T[], predicate: (item: T) => boolean): number =>
  items.filter(predicate).length / items.length;
const reasons = ['taken', 'invalid', 'errored', 'stale', 'premium'];

describe('availabilityRowArbitrary', () => {
  test.prop([availabilityRowArbitrary()])('produces rows in Peeker’s wire shape', (row) => {
    expect(typeof row.domain).toBe('string');
    expect(typeof row.premium).toBe('boolean');
    if (row.available) {
      expect(row.reason).toBeUndefined();
      expect(Number.isSafeInteger(row.price_cents)).toBe(true);
      expect(row.currency).toBe('usd');
      expect([['google'], ['google', 'microsoft']]).toContainEqual(row.usable_for);
    } else {
      expect(reasons).toContain(row.reason);
      expect(row.price_cents).toBeUndefined();
      expect(row.reason === 'premium').toBe(row.premium);
    }
  });

  it('respects the shares at 0 and 1', () => {
    const none = sample(availabilityRowArbitrary({ premiumShare: 0, unavailableShare: 0, googleOnlyShare: 0 }));
    expect(none.every(isOrderable)).toBe(true);
    expect(none.every((r) => r.usable_for?.length === 2)).toBe(true);
    const googleOnly = sample(availabilityRowArbitrary({ premiumShare: 0, unavailableShare: 0, googleOnlyShare: 1 }));
    expect(googleOnly.every((r) => r.usable_for?.join() === 'google')).toBe(true);
    const microsoftOnly = sample(availabilityRowArbitrary({ googleOnlyShare: 0, microsoftOnlyShare: 1, premiumShare: 0, unavailableShare: 0 }));
    expect(microsoftOnly.every((r) => r.usable_for?.join() === 'microsoft')).toBe(true);
    const unavailable = sample(availabilityRowArbitrary({ unavailableShare: 1, premiumShare: 0 }));
    expect(unavailable.every((r) => !r.available && !r.premium && reasons.includes(r.reason as string))).toBe(true);
    const premium = sample(availabilityRowArbitrary({ unavailableShare: 0, premiumShare: 1 }));
    expect(premium.every((r) => r.premium === true && !isOrderable(r))).toBe(true);
    // both premium shapes appear: the published one and a priced "available" one
    expect(premium.some((r) => r.available)).toBe(true);
    expect(premium.some((r) => !r.available)).toBe(true);
  });

  it('draws shares close to the knobs', () => {
    const rows = sample(availabilityRowArbitrary({ googleOnlyShare: 0.5, premiumShare: 0.2, unavailableShare: 0.3 }), 4000);
    expect(share(rows, (r) => r.premium === true)).toBeCloseTo(0.2, 1);
    expect(share(rows, (r) => !r.available && r.premium === false)).toBeCloseTo(0.3, 1);
    const orderable = rows.filter(isOrderable);
    expect(share(orderable, (r) => r.usable_for?.length === 1)).toBeCloseTo(0.5, 1);
  });

  it('uses the given price points, ranges, currency and missing renewals', () => {
    const options = { premiumShare: 0, unavailableShare: 0, prices: [700, 1100], renewalPrices: { min: 10, max: 20 }, currency: 'EUR' };
    const rows = sample(availabilityRowArbitrary(options));
    expect(new Set(rows.map((r) => r.price_cents))).toEqual(new Set([700, 1100]));
    expect(rows.every((r) => (r.renewal_price_cents as number) >= 10 && (r.renewal_price_cents as number) <= 20)).toBe(true);
    expect(rows.every((r) => r.currency === 'EUR')).toBe(true);
    const missing = sample(availabilityRowArbitrary({ premiumShare: 0, unavailableShare: 0, missingRenewalShare: 1 }));
    expect(missing.every((r) => !('renewal_price_cents' in r))).toBe(true);
  });

  it('takes a domain arbitrary', () => {
    expect(sample(availabilityRowArbitrary({ domain: fc.constant('acme-mail.com') }), 50).every((r) => r.domain === 'acme-mail.com')).toBe(true);
  });

  it.each([
    [{ googleOnlyShare: 1.5 }],
    [{ premiumShare: -0.1 }],
    [{ premiumShare: 0.6, unavailableShare: 0.6 }],
    [{ googleOnlyShare: 0.7, microsoftOnlyShare: 0.7 }],
    [{ prices: [] }],
    [{ prices: { min: 10, max: 5 } }],
  ])('rejects malformed options %j with a TypeError', (options) => {
    expect(() => availabilityRowArbitrary(options)).toThrow(/^Expected .+, got .+/);
  });
});

describe('bundleArbitrary', () => {
  test.prop([bundleArbitrary()])('produces bundles in the API shape with consistent fields', (bundle) => {
    expect(bundle.id).toMatch(/^bun_[0-9A-Z]{24}$/);
    expect(['active', 'archived']).toContain(bundle.status);
    expect(bundle.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect([2, 3]).toContain(bundle.google_inboxes_per_domain);
    if (bundle.google_percent === null) expect(bundle.microsoft_percent).toBeNull();
    else expect((bundle.google_percent ?? 0) + (bundle.microsoft_percent ?? 0)).toBe(100);
    expect((bundle.effective?.google_percent ?? 0) + (bundle.effective?.microsoft_percent ?? 0)).toBe(100);
    const { google, microsoft, total } = bundle.required_domains;
    expect(total).toBe(google + microsoft);
    expect(Number.isSafeInteger(google) && google >= 0 && Number.isSafeInteger(microsoft) && microsoft >= 0).toBe(true);
  });

  it('sizes the published examples like Peeker (15 + 4 for 25k, 80 + 10 for 100k at 70/30)', () => {
    const small = sample(bundleArbitrary({ volume: { min: 25_000, max: 25_000 } }), 400).find(
      (b) => b.google_percent === null && !b.send_on_weekends && b.google_inboxes_per_domain === 2,
    );
    expect(small?.required_domains).toEqual({ google: 15, microsoft: 4, total: 19 });
    const large = sample(bundleArbitrary({ volume: { min: 100_000, max: 100_000 } }), 6000).find(
      (b) => b.google_percent === 70 && !b.send_on_weekends && b.google_inboxes_per_domain === 2,
    );
    expect(large?.required_domains).toEqual({ google: 80, microsoft: 10, total: 90 });
  });

  it('respects the volume range and statuses, and rejects a bad range', () => {
    const bundles = sample(bundleArbitrary({ volume: { min: 10, max: 20 }, statuses: ['active'] }), 200);
    expect(bundles.every((b) => b.monthly_sending_volume >= 10 && b.monthly_sending_volume <= 20 && b.status === 'active')).toBe(true);
    expect(() => bundleArbitrary({ volume: { min: 5, max: 1 } })).toThrow(TypeError);
  });
});

describe('selectionProblemArbitrary', () => {
  const tldOf = (r: AvailabilityRow): string => r.domain.slice(r.domain.lastIndexOf('.') + 1);

  test.prop([selectionProblemArbitrary({ rows: { min: 2, max: 9 } })])('keeps the row range with unique names and one currency', (problem) => {
    expect(problem.rows.length).toBeGreaterThanOrEqual(2);
    expect(problem.rows.length).toBeLessThanOrEqual(9);
    expect(new Set(problem.rows.map((r) => r.domain)).size).toBe(problem.rows.length);
    expect(new Set(problem.rows.filter(isOrderable).map((r) => r.currency?.toLowerCase())).size).toBeLessThanOrEqual(1);
    expect(problem.required.google).toBeLessThanOrEqual(Math.ceil(problem.rows.length / 2));
    expect(problem.required.microsoft).toBeLessThanOrEqual(Math.ceil(problem.rows.length / 3));
    expect(problem.pinned).toBeUndefined();
    expect(problem.excluded).toBeUndefined();
    expect(problem.groupOf).toBeUndefined();
    expect(problem.years).toBeUndefined();
  });

  it('adds pins, exclusions, caps and years when asked', () => {
    const problems = sample(
      selectionProblemArbitrary({ rows: { min: 3, max: 8 }, withPins: true, withExcluded: true, withCaps: true, years: { min: 2, max: 3 }, maxRequired: 2 }),
      300,
    );
    expect(problems.every((p) => Array.isArray(p.pinned) && Array.isArray(p.excluded))).toBe(true);
    expect(problems.some((p) => (p.pinned?.length ?? 0) > 0)).toBe(true);
    expect(problems.some((p) => p.pinned?.some((pin) => typeof pin === 'object' && pin.provider !== undefined))).toBe(true);
    expect(problems.some((p) => (p.excluded?.length ?? 0) > 0)).toBe(true);
    expect(problems.every((p) => typeof p.groupOf === 'function' && p.maxPerGroup !== undefined)).toBe(true);
    expect(problems.some((p) => typeof p.maxPerGroup === 'function')).toBe(true);
    expect(problems.some((p) => p.rows.length > 0 && p.groupOf?.(p.rows[0] as AvailabilityRow) === tldOf(p.rows[0] as AvailabilityRow))).toBe(true);
    expect(problems.every((p) => p.years === 2 || p.years === 3)).toBe(true);
    expect(problems.every((p) => p.required.google <= 2 && p.required.microsoft <= 2)).toBe(true);
  });

  it('produces both feasible-looking and over-asking problems', () => {
    const problems = sample(selectionProblemArbitrary({ rows: { max: 10 } }), 300);
    const orderable = (p: (typeof problems)[number]): number => p.rows.filter(isOrderable).length;
    expect(problems.some((p) => p.required.google + p.required.microsoft <= orderable(p))).toBe(true);
    expect(problems.some((p) => p.required.google + p.required.microsoft > orderable(p))).toBe(true);
  });

  it.each([[{ rows: { min: 5, max: 2 } }], [{ maxRequired: -1 }], [{ years: 0 }], [{ googleOnlyShare: 2 }]])(
    'rejects malformed options %j with a TypeError',
    (options) => {
      expect(() => selectionProblemArbitrary(options)).toThrow(TypeError);
    },
  );
});
