import { it, expect } from 'vitest';
import fc from 'fast-check';
import { solveSelection } from '@peeker/core';
import type { AvailabilityRow } from '@peeker/core';
import { checkSelection } from '@peeker/core/testing';
const rowArb = fc.record({
  letter: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  kind: fc.constantFrom('both', 'google', 'google', 'microsoft'),
  price: fc.integer({ min: 1, max: 30 }),
});
it('cov', () => {
  let withMoves = 0, withLong = 0, feasible = 0;
  fc.assert(fc.property(fc.array(rowArb, { minLength: 8, maxLength: 16 }), fc.integer({min:0,max:100}), fc.integer({min:0,max:100}), fc.integer({min:1,max:3}), (specs, gf, mf, cap) => {
    const rows: AvailabilityRow[] = specs.map((s, i) => ({ domain: `${s.letter}${i}.com`, available: true, premium: false,
      price_cents: s.price, renewal_price_cents: 0, currency: 'usd',
      usable_for: s.kind === 'both' ? ['google', 'microsoft'] : [s.kind as 'google'] }));
    const groups = new Set(specs.map(s => s.letter)).size;
    const K = Math.min(rows.length, groups * cap);
    const G = Math.floor(K * gf / 100 ); const M = Math.min(K - G, Math.floor(K * mf / 100));
    const p = { rows, required: { google: G, microsoft: M }, groupOf: (r: AvailabilityRow) => r.domain[0] as string, maxPerGroup: cap };
    (globalThis as any).__moves = 0; (globalThis as any).__long = 0;
    const r = solveSelection(p);
    if (r.status === 'optimal') feasible++;
    if ((globalThis as any).__moves > 0) withMoves++;
    if ((globalThis as any).__long > 0) withLong++;
    expect(checkSelection(p, r)).toEqual([]);
  }), { numRuns: 5000 });
  console.log({ withMoves, withLong, feasible });
});
