import { it } from 'vitest';
import { solveSelection } from '@peeker/core';
import { generateProblem } from '../../bench/lib/problems.ts';
it('prof2', () => {
  for (const [rows, google, microsoft, cap] of [[10_000, 150, 40, undefined], [10_000, 150, 40, 'tld'], [100_000, 1500, 400, undefined], [100_000, 1500, 400, 'pattern']] as const) {
    const p = generateProblem(rows * 10 + 7, { rows, google, microsoft, ...(cap ? { cap } : {}) });
    for (let i = 0; i < 60; i++) solveSelection(p);
    (globalThis as any).__pt = {};
    const n = 20;
    const s = performance.now();
    for (let i = 0; i < n; i++) solveSelection(p);
    console.log(rows, cap, ((performance.now() - s) / n).toFixed(2), JSON.stringify(Object.fromEntries(Object.entries((globalThis as any).__pt).map(([k, v]) => [k, +((v as number) / n).toFixed(2)]))));
  }
}, 300_000);
