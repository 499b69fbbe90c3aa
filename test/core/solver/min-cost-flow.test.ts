import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { minCostPooledFlow } from '../../../packages/core/src/solver/min-cost-flow.ts';
import type { FlowGroup } from '../../../packages/core/src/solver/min-cost-flow.ts';

/** Cheapest cost of pushing `units` by trying every prefix count of every pool; null when impossible. */
function exhaustive(groups: readonly FlowGroup[], kindCaps: readonly number[], units: number): number | null {
  let best: number | null = null;
  const cells: [number, number][] = [];
  groups.forEach((group, g) => group.pools.forEach((_, k) => cells.push([g, k])));
  const used = groups.map(() => [0, 0, 0]);
  const visit = (i: number, total: number, cost: number): void => {
    if (i === cells.length) {
      if (total !== units) return;
      for (let k = 0; k < 3; k++) if (used.reduce((sum, u) => sum + (u[k] as number), 0) > (kindCaps[k] as number)) return;
      for (let g = 0; g < groups.length; g++) {
        if ((used[g] as number[]).reduce((a, b) => a + b, 0) > (groups[g] as FlowGroup).cap) return;
      }
      if (best === null || cost < best) best = cost;
      return;
    }
    const [g, k] = cells[i] as [number, number];
    const pool = (groups[g] as FlowGroup).pools[k] as readonly number[];
    let prefix = 0;
    for (let n = 0; n <= pool.length && total + n <= units; n++) {
      (used[g] as number[])[k] = n;
      visit(i + 1, total + n, cost + prefix);
      prefix += pool[n] ?? 0;
    }
    (used[g] as number[])[k] = 0;
  };
  visit(0, 0, 0);
  return best;
}

const pool = fc.array(fc.integer({ min: -5, max: 20 }), { maxLength: 3 }).map((costs) => costs.sort((a, b) => a - b));
const group = fc.record({
  cap: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(Number.POSITIVE_INFINITY)),
  pools: fc.tuple(pool, pool, pool),
});

describe('minCostPooledFlow (internal)', () => {
  test.prop(
    [
      fc.array(group, { minLength: 1, maxLength: 4 }),
      fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })),
      fc.integer({ min: 0, max: 10 }),
    ],
    { numRuns: 1500 },
  )('pushes the units at the exhaustive minimum cost, or reports that they do not fit', (groups, kindCaps, units) => {
    const used = minCostPooledFlow({ groups, kindCaps, units });
    const best = exhaustive(groups, kindCaps, units);
    if (used === null) {
      expect(best).toBeNull();
      return;
    }
    let cost = 0;
    let total = 0;
    used.forEach((counts, g) =>
      counts.forEach((n, k) => {
        total += n;
        expect(n).toBeLessThanOrEqual(((groups[g] as FlowGroup).pools[k] as number[]).length);
        for (let i = 0; i < n; i++) cost += ((groups[g] as FlowGroup).pools[k] as number[])[i] as number;
      }),
    );
    expect(total).toBe(units);
    expect(cost).toBe(best);
  });

  it('moves a unit between kinds inside a full group when that is cheapest', () => {
    // Group 0 (cap 1): Google-only 1, dual 2. Group 1: Google-only 5. One Google-only unit at most.
    const groups: FlowGroup[] = [
      { cap: 1, pools: [[2], [1], []] },
      { cap: 1, pools: [[], [5], []] },
    ];
    expect(minCostPooledFlow({ groups, kindCaps: [2, 1, 1], units: 2 })).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });
});
