/**
 * classifyRow: the one decision of "can this row be ordered, and why not". Example rows from
 * each status, and properties tying it to isOrderable, the solver's candidates and
 * buildOrderRequest's `not_orderable` reasons.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  OrderValidationError,
  buildOrderRequest,
  classifyRow,
  isOrderable,
  solveSelection,
  type AvailabilityRow,
} from '@peeker/core';
import { availabilityRowArbitrary } from '@peeker/core/testing';

const priced = { available: true, premium: false, price_cents: 1300, renewal_price_cents: 1500, currency: 'usd' } as const;

describe('classifyRow', () => {
  it.each([
    ['no row yet', null, 'unchecked', 'not_checked', true],
    ['dual-capable', { domain: 'a.com', ...priced, usable_for: ['google', 'microsoft'] }, 'available', null, false],
    ['taken', { domain: 'a.com', available: false, premium: false, reason: 'taken' }, 'taken', 'taken', false],
    ['premium, unavailable', { domain: 'a.com', available: false, premium: true, reason: 'premium' }, 'premium', 'premium', false],
    ['premium, priced', { domain: 'a.com', ...priced, premium: true, usable_for: ['google'] }, 'premium', 'premium', false],
    ['reason premium without the flag', { domain: 'a.com', available: false, reason: 'premium' }, 'premium', 'premium', false],
    ['invalid', { domain: 'a', available: false, reason: 'invalid', message: 'no TLD' }, 'invalid', 'invalid', false],
    ['errored', { domain: 'a.com', available: false, reason: 'errored' }, 'errored', 'errored', true],
    ['stale', { domain: 'a.com', available: false, premium: false, reason: 'stale' }, 'stale', 'stale', true],
    ['unknown reason', { domain: 'a.com', available: false, reason: 'reserved' }, 'taken', 'reserved', false],
    ['no reason', { domain: 'a.com', available: false }, 'taken', 'unavailable', false],
    ['available but unpriced', { domain: 'a.com', available: true, premium: false, usable_for: ['google'] }, 'unpriced', 'unpriced', false],
    ['no providers', { domain: 'a.com', ...priced, usable_for: [] }, 'unusable', 'no_usable_provider', false],
    ['unknown provider only', { domain: 'a.com', ...priced, usable_for: ['yahoo'] }, 'unusable', 'no_usable_provider', false],
  ] as const)('%s → %s', (_label, row, status, reason, needsCheck) => {
    const c = classifyRow(row as AvailabilityRow | null);
    expect(c.status).toBe(status);
    expect(c.reason).toBe(reason);
    expect(c.orderable).toBe(status === 'available');
    expect(c.needsCheck).toBe(needsCheck);
  });

  it('reads the providers of orderable rows only', () => {
    expect(classifyRow({ domain: 'a.com', ...priced, usable_for: ['google'] })).toMatchObject({ google: true, microsoft: false });
    expect(classifyRow({ domain: 'a.com', ...priced, usable_for: ['microsoft', 'google'] })).toMatchObject({ google: true, microsoft: true });
    expect(classifyRow({ domain: 'a.com', available: false, reason: 'taken', usable_for: ['google'] })).toMatchObject({ google: false, microsoft: false });
  });

  const rows = availabilityRowArbitrary({ googleOnlyShare: 0.3, microsoftOnlyShare: 0.1, premiumShare: 0.2, unavailableShare: 0.3 });

  test.prop({ row: rows })('is isOrderable, and `reason` is null exactly for orderable rows', ({ row }) => {
    const c = classifyRow(row);
    expect(c.orderable).toBe(isOrderable(row));
    expect(c.reason === null).toBe(c.orderable);
    if (c.orderable) expect([c.google, c.microsoft]).toEqual([row.usable_for!.includes('google'), row.usable_for!.includes('microsoft')]);
  });

  test.prop({ generated: rows })("gives buildOrderRequest's not_orderable reason", ({ generated }) => {
    // A name normalizeDomain accepts, so only availability can stop it.
    const row = { ...generated, domain: 'getacme.com' };
    const input = { user: 'client@example.com', bundle_id: 'bun_1', domains: [row.domain], personas: [{ first_name: 'A', last_name: 'B' }] };
    let reason: unknown = null;
    try {
      buildOrderRequest(input, { draft: true, rows: [row] });
    } catch (error) {
      if (!(error instanceof OrderValidationError)) throw error;
      reason = error.issues.find((i) => i.code === 'not_orderable')?.details?.['reason'] ?? null;
    }
    expect(reason).toBe(classifyRow(row).reason);
  });

  test.prop({ row: rows })('the solver can pick a row exactly when it is orderable', ({ row }) => {
    const result = solveSelection({ rows: [row], required: { google: 1, microsoft: 0 } });
    const pickable = classifyRow(row).google;
    expect(result.status === 'optimal').toBe(pickable);
  });
});
