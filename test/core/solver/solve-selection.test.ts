import { describe, expect, it } from 'vitest';
import { PeekerError, solveSelection } from '@peeker/core';
import type { AvailabilityRow, SelectionProblem, SelectionResult } from '@peeker/core';
import { checkSelection } from '@peeker/core/testing';
import { docsAvailabilityRows } from '../../fixtures/peeker-api-examples.ts';

/** An available row; `usable` 'both' (default), 'google' or 'microsoft'. */
function row(
  domain: string,
  price: number,
  options: { renewal?: number | null; usable?: 'both' | 'google' | 'microsoft'; currency?: string } = {},
): AvailabilityRow {
  const usable = options.usable ?? 'both';
  const r: AvailabilityRow = {
    domain,
    available: true,
    premium: false,
    price_cents: price,
    currency: options.currency ?? 'usd',
    usable_for: usable === 'both' ? ['google', 'microsoft'] : [usable],
  };
  if (options.renewal !== null) r.renewal_price_cents = options.renewal ?? price;
  return r;
}

const taken = (domain: string): AvailabilityRow => ({ domain, available: false, premium: false, reason: 'taken' });
const premium = (domain: string): AvailabilityRow => ({ domain, available: false, premium: true, reason: 'premium' });

/** Solves and asserts the answer passes the independent checker. */
function solve(problem: SelectionProblem): SelectionResult {
  const result = solveSelection(problem);
  expect(checkSelection(problem, result)).toEqual([]);
  return result;
}

function optimal(problem: SelectionProblem) {
  const result = solve(problem);
  if (result.status !== 'optimal') throw new Error(`expected optimal, got: ${result.message}`);
  return result;
}

function infeasible(problem: SelectionProblem) {
  const result = solve(problem);
  if (result.status !== 'infeasible') throw new Error(`expected infeasible, got ${result.domains.join(', ')}`);
  return result;
}

describe('solveSelection: published shapes and basic rules', () => {
  it('reads the rows of the availability example in the API reference', () => {
    const rows = docsAvailabilityRows();
    expect(optimal({ rows, required: { google: 0, microsoft: 1 } })).toEqual({
      status: 'optimal',
      google: [],
      microsoft: ['acme-mail.com'],
      domains: ['acme-mail.com'],
      cost: { first_year_cents: 1300, renewal_cents: 1500, total_cents: 1300, currency: 'usd' },
    });
    expect(infeasible({ rows, required: { google: 1, microsoft: 1 } }).shortfall).toEqual({
      google: 0,
      microsoft: 0,
      total: 1,
    });
  });

  it('answers 0 + 0 with an empty optimal selection', () => {
    expect(optimal({ rows: [row('a.com', 100)], required: { google: 0, microsoft: 0 } })).toEqual({
      status: 'optimal',
      google: [],
      microsoft: [],
      domains: [],
      cost: { first_year_cents: 0, renewal_cents: 0, total_cents: 0, currency: null },
    });
    expect(optimal({ rows: [], required: { google: 0, microsoft: 0 } }).domains).toEqual([]);
  });

  it('never puts a Google-only domain in a Microsoft slot', () => {
    const rows = [row('cheap-google.com', 100, { usable: 'google' }), row('dual.com', 500), row('dual2.com', 600)];
    const result = optimal({ rows, required: { google: 1, microsoft: 1 } });
    expect(result.google).toEqual(['cheap-google.com']);
    expect(result.microsoft).toEqual(['dual.com']);
    expect(result.cost.total_cents).toBe(600);
  });

  it('spends a dual-capable domain only where it is needed', () => {
    // G = 2, M = 1: one dual must go to Microsoft; the cheapest valid set is a, b (Google-only) + c (dual).
    const rows = [
      row('a.com', 100, { usable: 'google' }),
      row('b.com', 200, { usable: 'google' }),
      row('c.com', 150),
      row('d.com', 1000),
    ];
    const result = optimal({ rows, required: { google: 2, microsoft: 1 } });
    expect(result).toMatchObject({ google: ['a.com', 'b.com'], microsoft: ['c.com'] });
    expect(result.cost.total_cents).toBe(450);
  });

  it('ignores premium and unavailable rows, even cheap ones and "available" premium ones', () => {
    const rows: AvailabilityRow[] = [
      { ...row('premium-priced.com', 1), premium: true },
      premium('premium.com'),
      taken('taken.com'),
      { domain: 'stale.com', available: false, premium: false, reason: 'stale' },
      { domain: 'no-price.com', available: true, premium: false, usable_for: ['google', 'microsoft'] },
      { ...row('no-provider.com', 1), usable_for: [] },
      row('real.com', 900),
    ];
    expect(optimal({ rows, required: { google: 1, microsoft: 0 } }).domains).toEqual(['real.com']);
  });

  it('compares names lower-cased and without a trailing dot', () => {
    const rows = [row('a.com', 100), row('b.com', 200)];
    const result = optimal({ rows, required: { google: 1, microsoft: 0 }, pinned: ['B.COM.'], excluded: ['A.Com'] });
    expect(result.domains).toEqual(['b.com']);
  });

  it('gives Microsoft slots to the alphabetically first of equally good dual domains', () => {
    const rows = [row('b.com', 100), row('a.com', 100)];
    expect(optimal({ rows, required: { google: 1, microsoft: 1 } })).toMatchObject({
      google: ['b.com'],
      microsoft: ['a.com'],
    });
  });

  it('handles Microsoft-only rows (not sent by Peeker) on Microsoft slots only', () => {
    const rows = [row('m.com', 10, { usable: 'microsoft' }), row('g.com', 10, { usable: 'google' }), row('d.com', 500)];
    expect(optimal({ rows, required: { google: 1, microsoft: 1 } })).toMatchObject({
      google: ['g.com'],
      microsoft: ['m.com'],
    });
    expect(infeasible({ rows: [row('m.com', 10, { usable: 'microsoft' })], required: { google: 1, microsoft: 0 } }).shortfall)
      .toEqual({ google: 1, microsoft: 0, total: 0 });
  });

  it('does not mutate its input', () => {
    const rows: readonly AvailabilityRow[] = Object.freeze(
      [row('b.com', 300), row('a.com', 100), row('c.com', 200, { usable: 'google' })].map((r) => Object.freeze(r)),
    );
    const problem: SelectionProblem = Object.freeze({
      rows,
      required: Object.freeze({ google: 2, microsoft: 1 }),
      pinned: Object.freeze(['c.com']),
      excluded: Object.freeze([]),
    });
    const before = JSON.stringify(problem);
    optimal(problem);
    expect(JSON.stringify(problem)).toBe(before);
  });
});

describe('solveSelection: cost over years', () => {
  it('counts first year plus (years − 1) renewals, and renewal order can beat first-year order', () => {
    const rows = [row('promo.com', 100, { renewal: 5000 }), row('steady.com', 900, { renewal: 1000 })];
    expect(optimal({ rows, required: { google: 1, microsoft: 0 } }).domains).toEqual(['promo.com']);
    const two = optimal({ rows, required: { google: 1, microsoft: 0 }, years: 2 });
    expect(two.domains).toEqual(['steady.com']);
    expect(two.cost).toEqual({ first_year_cents: 900, renewal_cents: 1000, total_cents: 1900, currency: 'usd' });
  });

  it('takes a missing renewal price to be the first-year price', () => {
    const rows = [row('a.com', 1000, { renewal: null }), row('b.com', 1100, { renewal: 1050 })];
    const result = optimal({ rows, required: { google: 2, microsoft: 0 }, years: 3 });
    expect(result.cost).toEqual({ first_year_cents: 2100, renewal_cents: 2050, total_cents: 2100 + 2 * 2050, currency: 'usd' });
  });
});

describe('solveSelection: pins and exclusions', () => {
  const rows = [
    row('a.com', 100),
    row('b.com', 200),
    row('c.com', 300, { usable: 'google' }),
    row('d.com', 900),
    taken('gone.com'),
    premium('fancy.com'),
  ];

  it('keeps a pin without provider even when it is the most expensive', () => {
    const result = optimal({ rows, required: { google: 1, microsoft: 1 }, pinned: ['d.com'] });
    expect(result.domains).toEqual(['a.com', 'd.com']);
    expect(result.cost.total_cents).toBe(1000);
  });

  it('puts a pin with a provider on that provider', () => {
    const google = optimal({ rows, required: { google: 1, microsoft: 1 }, pinned: [{ domain: 'a.com', provider: 'google' }] });
    expect(google).toMatchObject({ google: ['a.com'], microsoft: ['b.com'] });
    const microsoft = optimal({ rows, required: { google: 1, microsoft: 1 }, pinned: [{ domain: 'd.com', provider: 'microsoft' }] });
    expect(microsoft).toMatchObject({ google: ['a.com'], microsoft: ['d.com'] });
  });

  it('merges a repeated pin and a pin with a provider', () => {
    const result = optimal({
      rows,
      required: { google: 1, microsoft: 1 },
      pinned: ['b.com', { domain: 'B.com', provider: 'microsoft' }, 'b.com.'],
    });
    expect(result).toMatchObject({ google: ['a.com'], microsoft: ['b.com'] });
  });

  it('never chooses an excluded domain', () => {
    const result = optimal({ rows, required: { google: 1, microsoft: 1 }, excluded: ['a.com', 'unknown.com'] });
    expect(result.domains).toEqual(['b.com', 'c.com']);
  });

  it.each([
    [{ pinned: ['nowhere.com'] }, /nowhere\.com is not among the checked domains/],
    [{ pinned: ['gone.com'] }, /gone\.com cannot be ordered \(taken\)/],
    [{ pinned: ['fancy.com'] }, /fancy\.com is premium/],
    [{ pinned: ['a.com'], excluded: ['a.com'] }, /a\.com is both pinned and excluded/],
    [{ pinned: [{ domain: 'c.com', provider: 'microsoft' as const }] }, /c\.com can only be used for Google/],
    [
      { pinned: [{ domain: 'a.com', provider: 'google' as const }, { domain: 'a.com', provider: 'microsoft' as const }] },
      /a\.com is pinned to both Google and Microsoft/,
    ],
    [
      { pinned: [{ domain: 'a.com', provider: 'google' as const }, { domain: 'b.com', provider: 'google' as const }] },
      /2 domains are pinned to Google, but the order needs only 1/,
    ],
    [{ pinned: ['a.com', 'b.com', 'd.com'] }, /3 domains are pinned, but the order needs only 2/],
  ])('explains an unusable pin (%j)', (extra, message) => {
    const result = infeasible({ rows, required: { google: 1, microsoft: 1 }, ...extra });
    expect(result.message).toMatch(message);
  });

  it('explains Google-only pins that outnumber the Google slots', () => {
    const more = [...rows, row('e.com', 50, { usable: 'google' })];
    const result = infeasible({ rows: more, required: { google: 1, microsoft: 1 }, pinned: ['c.com', 'e.com'] });
    expect(result.message).toMatch(/Google-only domains c\.com and e\.com need 2 Google slots, but only 1 is open/);
  });

  it('reports what is missing once a pin took the only dual domain to Google', () => {
    const few = [row('d.com', 100), row('g.com', 100, { usable: 'google' })];
    const result = infeasible({ rows: few, required: { google: 1, microsoft: 1 }, pinned: [{ domain: 'd.com', provider: 'google' }] });
    expect(result.shortfall).toEqual({ google: 0, microsoft: 1, total: 0 });
    expect(result.message).toBe('Add at least 1 more Microsoft-capable domain.');
  });
});

describe('solveSelection: diversity caps', () => {
  const tld = (r: AvailabilityRow): string => r.domain.slice(r.domain.lastIndexOf('.') + 1);
  const rows = [row('a.com', 100), row('b.com', 100), row('c.com', 120), row('d.net', 300), row('e.org', 500)];

  it('keeps every group within a numeric cap', () => {
    const result = optimal({ rows, required: { google: 2, microsoft: 1 }, groupOf: tld, maxPerGroup: 1 });
    expect(result.domains).toEqual(['a.com', 'd.net', 'e.org']);
    expect(result.cost.total_cents).toBe(900);
  });

  it('takes a per-group function', () => {
    const maxPerGroup = (group: string): number => (group === 'com' ? 2 : group === 'net' ? 1 : 0);
    const result = optimal({ rows, required: { google: 3, microsoft: 0 }, groupOf: tld, maxPerGroup });
    expect(result.domains).toEqual(['a.com', 'b.com', 'd.net']);
    expect(infeasible({ rows, required: { google: 4, microsoft: 0 }, groupOf: tld, maxPerGroup }).shortfall).toEqual({
      google: 1,
      microsoft: 0,
      total: 1,
    });
  });

  it('counts pins against their group', () => {
    const result = optimal({ rows, required: { google: 2, microsoft: 0 }, groupOf: tld, maxPerGroup: 1, pinned: ['c.com'] });
    expect(result.domains).toEqual(['c.com', 'd.net']);
    const over = infeasible({ rows, required: { google: 2, microsoft: 0 }, groupOf: tld, maxPerGroup: 1, pinned: ['a.com', 'b.com'] });
    expect(over.message).toMatch(/2 pinned domains are in group "com", but at most 1 is allowed per group/);
  });

  it('swaps inside a full group when the dual domain is needed there', () => {
    // x.com holds the cheapest Google-only row and the only dual row; .com may hold one domain.
    const swap = [row('x-google.com', 1, { usable: 'google' }), row('x-dual.com', 2), row('y-google.net', 5, { usable: 'google' })];
    const result = optimal({ rows: swap, required: { google: 1, microsoft: 1 }, groupOf: tld, maxPerGroup: 1 });
    expect(result).toMatchObject({ google: ['y-google.net'], microsoft: ['x-dual.com'] });
    expect(result.cost.total_cents).toBe(7);
  });

  it('says when the cap is what makes the order impossible', () => {
    const result = infeasible({ rows, required: { google: 3, microsoft: 1 }, groupOf: tld, maxPerGroup: 1 });
    expect(result.shortfall).toEqual({ google: 0, microsoft: 0, total: 1 });
    expect(result.message).toBe(
      'Add at least 1 more domain. The per-group limit applies too: add them to groups that still have room, or raise the limit.',
    );
  });

  it('handles many groups (more than a handful of keys)', () => {
    // 12 groups of two rows each; a cap of 1 forces one row per group, the cheaper one.
    const many = Array.from({ length: 12 }, (_, g) => [
      row(`a${g}.g${String(g).padStart(2, '0')}`, 100 + g),
      row(`b${g}.g${String(g).padStart(2, '0')}`, 50 + g, { usable: g % 3 === 0 ? 'google' : 'both' }),
    ]).flat();
    const result = optimal({ rows: many, required: { google: 8, microsoft: 2 }, groupOf: tld, maxPerGroup: 1 });
    expect(result.domains).toHaveLength(10);
    expect(new Set(result.domains.map((d) => d.slice(d.indexOf('.') + 1))).size).toBe(10);
    expect(result.cost.total_cents).toBe([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].reduce((sum, g) => sum + 50 + g, 0));
  });

  it('ignores groupOf without maxPerGroup', () => {
    expect(optimal({ rows, required: { google: 3, microsoft: 0 }, groupOf: tld }).domains).toEqual(['a.com', 'b.com', 'c.com']);
  });
});

describe('solveSelection: infeasible answers', () => {
  it('asks for Microsoft-capable domains when only Google-only ones are spare', () => {
    const rows = [
      ...['g1', 'g2', 'g3', 'g4', 'g5'].map((n) => row(`${n}.com`, 100, { usable: 'google' })),
      row('dual.com', 100),
    ];
    const result = infeasible({ rows, required: { google: 3, microsoft: 3 } });
    expect(result.shortfall).toEqual({ google: 0, microsoft: 2, total: 0 });
    expect(result.message).toBe('Add at least 2 more Microsoft-capable domains.');
  });

  it('asks for more domains in all, with the Microsoft share', () => {
    const result = infeasible({ rows: [taken('a.com')], required: { google: 2, microsoft: 1 } });
    expect(result.shortfall).toEqual({ google: 2, microsoft: 1, total: 3 });
    expect(result.message).toBe('Add at least 3 more domains, at least 1 of them Microsoft-capable.');
  });

  it('asks for Google-capable domains', () => {
    const rows = [row('m1.com', 1, { usable: 'microsoft' }), row('m2.com', 1, { usable: 'microsoft' })];
    const result = infeasible({ rows, required: { google: 2, microsoft: 0 } });
    expect(result.shortfall).toEqual({ google: 2, microsoft: 0, total: 0 });
    expect(result.message).toBe('Add at least 2 more Google-capable domains.');
  });
});

describe('solveSelection: errors', () => {
  it('throws mixed_currency when orderable rows use two currencies (case-insensitively)', () => {
    const same = [row('a.com', 1, { currency: 'usd' }), row('b.com', 2, { currency: 'USD' })];
    expect(optimal({ rows: same, required: { google: 2, microsoft: 0 } }).cost.currency).toBe('usd');
    const mixed = [row('a.com', 1, { currency: 'usd' }), row('b.com', 2, { currency: 'EUR' })];
    let caught: unknown;
    try {
      solveSelection({ rows: mixed, required: { google: 1, microsoft: 0 } });
    } catch (error) {
      caught = error;
    }
    expect(PeekerError.is(caught) && caught.code).toBe('mixed_currency');
    expect((caught as Error).message).toMatch(/eur, usd/);
  });

  it('compares names beyond ASCII lower-cased too', () => {
    const rows = [row('É.com', 100), row('b.com', 200)];
    expect(optimal({ rows, required: { google: 1, microsoft: 0 } }).domains).toEqual(['é.com']);
    expect(optimal({ rows, required: { google: 1, microsoft: 0 }, excluded: ['é.com'] }).domains).toEqual(['b.com']);
    expect(() => solveSelection({ rows: [...rows, row('é.com.', 300)], required: { google: 1, microsoft: 0 } })).toThrow(
      expect.objectContaining({ code: 'duplicate_domain', message: expect.stringContaining('é.com') }),
    );
  });

  it('throws duplicate_domain for two orderable rows of one name, naming it', () => {
    const rows = [row('a.com', 1), row('A.com.', 2), taken('b.com'), row('b.com', 3)];
    expect(() => solveSelection({ rows, required: { google: 1, microsoft: 0 } })).toThrow(
      expect.objectContaining({ code: 'duplicate_domain', message: expect.stringContaining('a.com') }),
    );
  });

  const good = { rows: [row('a.com', 1)], required: { google: 1, microsoft: 0 } };
  it.each<[string, unknown]>([
    ['problem null', null],
    ['rows not an array', { ...good, rows: 'a.com' }],
    ['a row without a domain', { ...good, rows: [{ available: true }] }],
    ['required missing', { rows: good.rows }],
    ['google negative', { ...good, required: { google: -1, microsoft: 0 } }],
    ['google fractional', { ...good, required: { google: 1.5, microsoft: 0 } }],
    ['microsoft a string', { ...good, required: { google: 1, microsoft: '1' } }],
    ['years 0', { ...good, years: 0 }],
    ['years fractional', { ...good, years: 1.5 }],
    ['pinned not an array', { ...good, pinned: 'a.com' }],
    ['a pin of the wrong type', { ...good, pinned: [42] }],
    ['a pin with an unknown provider', { ...good, pinned: [{ domain: 'a.com', provider: 'smtp' }] }],
    ['excluded with a number', { ...good, excluded: [1] }],
    ['maxPerGroup without groupOf', { ...good, maxPerGroup: 2 }],
    ['groupOf not a function', { ...good, groupOf: 'tld', maxPerGroup: 2 }],
    ['maxPerGroup negative', { ...good, groupOf: () => 'x', maxPerGroup: -1 }],
    ['maxPerGroup returning a string', { ...good, groupOf: () => 'x', maxPerGroup: () => 'many' }],
    ['groupOf returning a number', { ...good, groupOf: () => 7, maxPerGroup: 1 }],
    ['a renewal price that is a string', { ...good, rows: [{ ...row('a.com', 1), renewal_price_cents: '12' }] }],
    ['a currency that is a number', { ...good, rows: [{ ...row('a.com', 1), currency: 840 }] }],
  ])('throws TypeError "Expected …, got …" for %s', (_label, problem) => {
    expect(() => solveSelection(problem as SelectionProblem)).toThrow(TypeError);
    expect(() => solveSelection(problem as SelectionProblem)).toThrow(/^Expected .+, got .+/);
  });
});
