import { it, expect } from 'vitest';
import fc from 'fast-check';
import { solveSelection } from '@peeker/core';
import { checkSelection, selectionProblemArbitrary, bruteForceSelection } from '@peeker/core/testing';
it('smoke', () => {
  fc.assert(fc.property(selectionProblemArbitrary({ rows: { max: 12 }, withPins: true, withCaps: true, withExcluded: true, years: { min: 1, max: 3 }, missingRenewalShare: 0.2 }), (p) => {
    const r = solveSelection(p);
    expect(checkSelection(p, r)).toEqual([]);
  }), { numRuns: 2000 });
});
