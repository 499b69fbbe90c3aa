import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { isOrderable, solveSelection } from '@peeker/core';
import type { AvailabilityRow, SelectionProblem } from '@peeker/core';
import { bruteForceSelection, checkSelection, selectionProblemArbitrary } from '@peeker/core/testing';

/** Everything switched on: pins, caps, exclusions, years 1–3, rows without a renewal price. */
const rich = selectionProblemArbitrary({
  rows: { max: 14 },
  withPins: true,
  withCaps: true,
  withExcluded: true,
  years: { min: 1, max: 3 },
  missingRenewalShare: 0.2,
});

/** Cheap Google-only rows, tight caps: the solver has to trade dual-capable rows between groups. */
const tight = selectionProblemArbitrary({
  rows: { min: 4, max: 14 },
  withCaps: true,
  withPins: true,
  googleOnlyShare: 0.45,
  microsoftOnlyShare: 0.1,
  premiumShare: 0.05,
  unavailableShare: 0.05,
  prices: { min: -3, max: 30 },
  renewalPrices: { min: 0, max: 30 },
  years: { min: 1, max: 2 },
});

const plain = selectionProblemArbitrary({ rows: { max: 14 } });

const permute = <T,>(items: readonly T[], keys: readonly number[]): T[] =>
  items
    .map((item, i) => ({ item, key: keys[i] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map(({ item }) => item);

describe('solveSelection properties', () => {
  test.prop([fc.oneof(rich, tight)], { numRuns: 400 })('every answer passes the independent checker', (problem) => {
    expect(checkSelection(problem, solveSelection(problem))).toEqual([]);
  });

  test.prop([fc.oneof(rich, tight)], { numRuns: 400 })(
    'costs exactly what exhaustive search finds, and is infeasible exactly when it finds nothing',
    (problem) => {
      const result = solveSelection(problem);
      const best = bruteForceSelection(problem);
      if (best === null) {
        expect(result.status).toBe('infeasible');
      } else {
        expect(result.status).toBe('optimal');
        if (result.status === 'optimal') expect(result.cost.total_cents).toBe(best.cost.total_cents);
      }
    },
  );

  test.prop([fc.oneof(rich, tight), fc.array(fc.integer(), { maxLength: 20 }), fc.array(fc.integer(), { maxLength: 5 })], {
    numRuns: 300,
  })('gives the same answer, to the byte, for rows (and pins) in any order', (problem, rowKeys, pinKeys) => {
    const shuffled: SelectionProblem = {
      ...problem,
      rows: permute(problem.rows, rowKeys),
      ...(problem.pinned === undefined ? {} : { pinned: permute(problem.pinned, pinKeys) }),
      ...(problem.excluded === undefined ? {} : { excluded: problem.excluded.slice().reverse() }),
    };
    expect(solveSelection(shuffled)).toStrictEqual(solveSelection(problem));
  });

  test.prop([fc.oneof(rich, tight), fc.array(fc.nat(), { maxLength: 20 })], { numRuns: 200 })(
    'gives the same answer when row names come upper-cased or with a trailing dot',
    (problem, styles) => {
      const restyle = (name: string, style: number): string =>
        style % 4 === 1 ? name.toUpperCase() : style % 4 === 2 ? `${name}.` : style % 4 === 3 ? `${name.toUpperCase()}.` : name;
      const restyled: SelectionProblem = {
        ...problem,
        rows: problem.rows.map((row, i) => ({ ...row, domain: restyle(row.domain, styles[i] ?? 0) })),
      };
      // groupOf sees the rows as given: keep it on the original names.
      const original = new Map(restyled.rows.map((row, i) => [row, problem.rows[i] as AvailabilityRow]));
      const { groupOf } = problem;
      if (groupOf !== undefined) restyled.groupOf = (row) => groupOf(original.get(row) ?? row);
      expect(solveSelection(restyled)).toStrictEqual(solveSelection(problem));
    },
  );

  test.prop([plain], { numRuns: 300 })('without pins and caps the shortfall is the counting formula', (problem) => {
    const usable = problem.rows.filter(isOrderable);
    const can = (row: AvailabilityRow, provider: 'google' | 'microsoft'): boolean => row.usable_for?.includes(provider) === true;
    const { google, microsoft } = problem.required;
    const expected = {
      google: Math.max(0, google - usable.filter((r) => can(r, 'google')).length),
      microsoft: Math.max(0, microsoft - usable.filter((r) => can(r, 'microsoft')).length),
      total: Math.max(0, google + microsoft - usable.filter((r) => can(r, 'google') || can(r, 'microsoft')).length),
    };
    const result = solveSelection(problem);
    const short = expected.google + expected.microsoft + expected.total > 0;
    expect(result.status).toBe(short ? 'infeasible' : 'optimal');
    if (result.status === 'infeasible') {
      expect(result.shortfall).toEqual(expected);
      expect(result.message).toMatch(/^Add at least \d+ more /);
    }
  });

  test.prop([selectionProblemArbitrary({ rows: { min: 30, max: 80 }, withCaps: true, withPins: true, withExcluded: true })], {
    numRuns: 60,
  })('answers on larger problems obey every rule (no exhaustive search)', (problem) => {
    expect(checkSelection(problem, solveSelection(problem))).toEqual([]);
  });
});
