import { describe, expect, it } from 'vitest';
import { test } from '@fast-check/vitest';
import { solveSelection } from '@peeker/core';
import type { AvailabilityRow, OptimalSelection, SelectionProblem, SelectionResult } from '@peeker/core';
import { SelectionRule, checkSelection, selectionProblemArbitrary } from '@peeker/core/testing';
import type { SelectionViolation } from '@peeker/core/testing';

function row(domain: string, price: number, usable: 'both' | 'google' | 'microsoft' = 'both'): AvailabilityRow {
  return {
    domain,
    available: true,
    premium: false,
    price_cents: price,
    renewal_price_cents: price + 1,
    currency: 'USD',
    usable_for: usable === 'both' ? ['google', 'microsoft'] : [usable],
  };
}

const tld = (r: AvailabilityRow): string => r.domain.slice(r.domain.lastIndexOf('.') + 1);

/** A small problem with every kind of row; its optimum is a.com + g.com (Google), b.com (Microsoft). */
const problem: SelectionProblem = {
  rows: [
    row('a.com', 100),
    row('b.net', 200),
    row('c.org', 400),
    row('d.com', 190),
    row('g.io', 50, 'google'),
    row('m.io', 40, 'microsoft'),
    row('x.io', 1),
    { domain: 'p.io', available: false, premium: true, reason: 'premium' },
    { domain: 't.io', available: false, premium: false, reason: 'taken' },
  ],
  required: { google: 2, microsoft: 1 },
  pinned: [{ domain: 'b.net', provider: 'microsoft' }],
  excluded: ['x.io'],
  years: 2,
  groupOf: tld,
  maxPerGroup: 1,
};

const answer = solveSelection(problem) as OptimalSelection;

/** Builds a copy of the solver's answer with some lists replaced and the cost recomputed. */
function variant(google: string[], microsoft: string[], cost?: Partial<OptimalSelection['cost']>): OptimalSelection {
  const chosen = [...google, ...microsoft];
  const rows = problem.rows.filter((r) => chosen.includes(r.domain));
  const first = rows.reduce((sum, r) => sum + (r.price_cents ?? 0), 0);
  const renewal = rows.reduce((sum, r) => sum + (r.renewal_price_cents ?? 0), 0);
  return {
    status: 'optimal',
    google: google.slice().sort(),
    microsoft: microsoft.slice().sort(),
    domains: chosen.slice().sort(),
    cost: { first_year_cents: first, renewal_cents: renewal, total_cents: first + renewal, currency: 'usd', ...cost },
  };
}

const rules = (violations: SelectionViolation[]): string[] => violations.map((v) => v.rule);

describe('checkSelection', () => {
  it('accepts the solver answer of the sample problem', () => {
    expect(answer).toMatchObject({ google: ['a.com', 'g.io'], microsoft: ['b.net'] });
    expect(checkSelection(problem, answer)).toEqual([]);
    expect(checkSelection(problem, variant(['a.com', 'g.io'], ['b.net']))).toEqual([]);
  });

  it.each<[SelectionRule, SelectionResult]>([
    [SelectionRule.shape, { ...answer, google: ['g.io', 'a.com'] }],
    [SelectionRule.shape, { ...answer, domains: ['a.com', 'b.net'] }],
    [SelectionRule.shape, { ...answer, status: 'done' } as unknown as SelectionResult],
    [SelectionRule.shape, { status: 'infeasible', shortfall: { google: -1, microsoft: 0, total: 0 }, message: 'x' }],
    [SelectionRule.shape, { status: 'infeasible', shortfall: { google: 0, microsoft: 0, total: 0 }, message: ' ' }],
    [SelectionRule.duplicateDomain, variant(['a.com', 'b.net'], ['b.net'])],
    [SelectionRule.unknownDomain, variant(['a.com', 'zzz.com'], ['b.net'])],
    [SelectionRule.notOrderable, variant(['a.com', 'p.io'], ['b.net'])],
    [SelectionRule.notOrderable, variant(['a.com', 't.io'], ['b.net'])],
    [SelectionRule.excluded, variant(['a.com', 'x.io'], ['b.net'])],
    [SelectionRule.googleCount, variant(['a.com'], ['b.net'])],
    [SelectionRule.microsoftCount, variant(['a.com', 'g.io'], ['b.net', 'c.org'])],
    [SelectionRule.googleCapability, variant(['a.com', 'm.io'], ['b.net'])],
    [SelectionRule.microsoftCapability, variant(['a.com', 'b.net'], ['g.io'])],
    [SelectionRule.pinMissing, variant(['a.com', 'g.io'], ['c.org'])],
    [SelectionRule.pinProvider, variant(['b.net', 'g.io'], ['a.com'])],
    [SelectionRule.groupCap, variant(['a.com', 'd.com'], ['b.net'])],
    [SelectionRule.cost, variant(['a.com', 'g.io'], ['b.net'], { total_cents: 1 })],
    [SelectionRule.cost, variant(['a.com', 'g.io'], ['b.net'], { first_year_cents: 349 })],
    [SelectionRule.cost, variant(['a.com', 'g.io'], ['b.net'], { renewal_cents: 0 })],
    [SelectionRule.cost, variant(['a.com', 'g.io'], ['b.net'], { currency: 'USD' })],
    [SelectionRule.notCheapest, variant(['c.org', 'g.io'], ['b.net'])],
    [
      SelectionRule.wronglyInfeasible,
      { status: 'infeasible', shortfall: { google: 0, microsoft: 0, total: 0 }, message: 'No valid selection.' },
    ],
  ])('reports %s', (rule, selection) => {
    const violations = checkSelection(problem, selection);
    expect(rules(violations)).toContain(rule);
    for (const v of violations) expect(v.message).toEqual(expect.any(String));
  });

  it('reports every violation, not only the first', () => {
    const bad = variant(['x.io', 'm.io', 'p.io'], ['g.io'], { total_cents: 0 });
    expect(new Set(rules(checkSelection(problem, bad)))).toEqual(
      new Set([
        SelectionRule.googleCount,
        SelectionRule.excluded,
        SelectionRule.googleCapability,
        SelectionRule.notOrderable,
        SelectionRule.microsoftCapability,
        SelectionRule.pinMissing,
        SelectionRule.groupCap,
        SelectionRule.cost,
      ]),
    );
  });

  it('accepts a correct infeasible answer', () => {
    const impossible: SelectionProblem = { rows: [row('a.com', 1)], required: { google: 0, microsoft: 2 } };
    expect(checkSelection(impossible, solveSelection(impossible))).toEqual([]);
  });

  it('does not run the exhaustive search above 16 candidate rows', () => {
    const rows = Array.from({ length: 17 }, (_, i) => row(`n${String(i).padStart(2, '0')}.com`, 100 + i));
    const pricey: OptimalSelection = {
      status: 'optimal',
      google: ['n16.com'],
      microsoft: [],
      domains: ['n16.com'],
      cost: { first_year_cents: 116, renewal_cents: 117, total_cents: 116, currency: 'usd' },
    };
    const big: SelectionProblem = { rows, required: { google: 1, microsoft: 0 } };
    expect(checkSelection(big, pricey)).toEqual([]);
    // One excluded row leaves 16 candidates: now the search runs and finds n01.com.
    const small: SelectionProblem = { ...big, excluded: ['n00.com'] };
    expect(rules(checkSelection(small, pricey))).toEqual([SelectionRule.notCheapest]);
  });

  test.prop([selectionProblemArbitrary({ rows: { max: 10 }, withPins: true, withCaps: true, withExcluded: true })], {
    numRuns: 150,
  })('flags a solver answer once a Google domain is swapped for a differently priced one', (p) => {
    const result = solveSelection(p);
    if (result.status !== 'optimal' || result.google.length === 0) return;
    const removed = p.rows.find((r) => r.domain === result.google[0]) as AvailabilityRow;
    const chosen = new Set(result.domains);
    const outsider = p.rows.find((r) => !chosen.has(r.domain) && r.price_cents !== removed.price_cents);
    if (outsider === undefined) return;
    const google = [...result.google.slice(1), outsider.domain].sort();
    const mutated: OptimalSelection = { ...result, google, domains: [...google, ...result.microsoft].sort() };
    expect(checkSelection(p, mutated).length).toBeGreaterThan(0);
  });
});
