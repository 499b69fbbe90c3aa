/**
 * assignSlots: the one slot-assignment rule (solver, sandbox, element meters). Examples, an
 * exhaustive check that it fills as many slots as any assignment can, input-order
 * independence, and agreement with solveSelection's provider split.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { assignSlots, classifyRow, solveSelection, type AvailabilityRow } from '@peeker/core';
import { availabilityRowArbitrary } from '@peeker/core/testing';

const row = (domain: string, usable: AvailabilityRow['usable_for']): AvailabilityRow => ({
  domain, available: true, premium: false, price_cents: 1000, renewal_price_cents: 1000, currency: 'usd', usable_for: usable,
});
const BOTH = ['google', 'microsoft'] as const;

describe('assignSlots', () => {
  it('puts one-provider names on their side and dual names on open Microsoft slots first, by name', () => {
    const chosen = [
      { domain: 'd.com', row: row('d.com', [...BOTH]) },
      { domain: 'b.com', row: row('b.com', ['google']) },
      { domain: 'a.com', row: row('a.com', [...BOTH]) },
      { domain: 'c.com', row: null },
      { domain: 'e.com', row: { domain: 'e.com', available: false, reason: 'taken' } },
    ];
    expect(assignSlots(chosen, { google: 2, microsoft: 1 })).toEqual({
      google: ['b.com', 'd.com'],
      microsoft: ['a.com'],
      extra: [],
      unusable: ['c.com', 'e.com'],
    });
  });

  it('lists what goes beyond the requirement as extra, Google-only names kept before dual ones', () => {
    const chosen = ['a.com', 'b.com', 'c.com', 'd.com'].map((d, i) => ({ domain: d, row: row(d, i === 3 ? ['google'] : [...BOTH]) }));
    expect(assignSlots(chosen, { google: 1, microsoft: 1 })).toEqual({ google: ['d.com'], microsoft: ['a.com'], extra: ['b.com', 'c.com'], unusable: [] });
    const microsoftOnly = ['m1.com', 'm2.com'].map((d) => ({ domain: d, row: row(d, ['microsoft']) }));
    expect(assignSlots(microsoftOnly, { google: 1, microsoft: 1 })).toEqual({ google: [], microsoft: ['m1.com'], extra: ['m2.com'], unusable: [] });
  });

  const chosenList = fc
    .uniqueArray(
      fc.record({
        domain: fc.constantFrom('a.com', 'b.com', 'c.com', 'd.com', 'e.com', 'f.com', 'g.com'),
        row: fc.option(availabilityRowArbitrary({ googleOnlyShare: 0.3, microsoftOnlyShare: 0.2, unavailableShare: 0.2 }), { nil: null }),
      }),
      { selector: (c) => c.domain, maxLength: 7 },
    )
    .map((list) => list.map((c) => ({ domain: c.domain, row: c.row === null ? null : { ...c.row, domain: c.domain } })));
  const required = fc.record({ google: fc.integer({ min: 0, max: 5 }), microsoft: fc.integer({ min: 0, max: 4 }) });

  test.prop({ chosen: chosenList, required })('fills as many slots as the best assignment (exhaustive)', ({ chosen, required }) => {
    const slots = assignSlots(chosen, required);
    expect(slots.google.length).toBeLessThanOrEqual(required.google);
    expect(slots.microsoft.length).toBeLessThanOrEqual(required.microsoft);
    for (const name of slots.google) expect(classifyRow(chosen.find((c) => c.domain === name)!.row).google).toBe(true);
    for (const name of slots.microsoft) expect(classifyRow(chosen.find((c) => c.domain === name)!.row).microsoft).toBe(true);
    const all = [...slots.google, ...slots.microsoft, ...slots.extra, ...slots.unusable].sort();
    expect(all).toEqual(chosen.map((c) => c.domain).sort());
    // Best possible: try every side (Google, Microsoft, none) for every usable name.
    const usable = chosen.map((c) => classifyRow(c.row));
    let best = 0;
    const walk = (i: number, g: number, m: number): void => {
      if (i === usable.length) return void (best = Math.max(best, g + m));
      walk(i + 1, g, m);
      if (usable[i]!.google && g < required.google) walk(i + 1, g + 1, m);
      if (usable[i]!.microsoft && m < required.microsoft) walk(i + 1, g, m + 1);
    };
    walk(0, 0, 0);
    expect(slots.google.length + slots.microsoft.length).toBe(best);
  });

  test.prop({ chosen: chosenList, required, seed: fc.integer() })('does not depend on the input order', ({ chosen, required, seed }) => {
    const shuffled = [...chosen].sort((a, b) => ((a.domain.charCodeAt(0) * seed) % 7) - ((b.domain.charCodeAt(0) * seed) % 7));
    expect(assignSlots(shuffled, required)).toEqual(assignSlots(chosen, required));
  });

  test.prop({
    rows: fc.uniqueArray(availabilityRowArbitrary({ googleOnlyShare: 0.3, microsoftOnlyShare: 0.2 }), { selector: (r) => r.domain, maxLength: 12 }),
    required,
  })("is the split of solveSelection's answer", ({ rows, required }) => {
    const result = solveSelection({ rows, required });
    if (result.status !== 'optimal') return;
    const byName = new Map(rows.map((r) => [r.domain, r]));
    const slots = assignSlots(result.domains.map((d) => ({ domain: d, row: byName.get(d) })), required);
    expect(slots).toEqual({ google: result.google, microsoft: result.microsoft, extra: [], unusable: [] });
  });
});
