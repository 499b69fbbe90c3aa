import { it } from 'vitest';
import { solveSelection } from '@peeker/core';
import { generateProblem } from '../../bench/lib/problems.ts';
function time(label: string, f: () => any, reps = 9) {
  for (let i = 0; i < 3; i++) f();
  const t: number[] = [];
  let res: any;
  for (let i = 0; i < reps; i++) { const s = performance.now(); res = f(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(label.padEnd(40), 'median', t[reps >> 1]!.toFixed(2).padStart(8), 'min', t[0]!.toFixed(2).padStart(8), res.status, res.cost?.total_cents ?? res.message);
}
it('bench2', () => {
  for (const [rows, google, microsoft] of [[10_000, 150, 40], [100_000, 1500, 400]] as const) {
    for (const [label, shape] of [['plain', {}], ['tld-cap', { cap: 'tld' }], ['pattern-cap', { cap: 'pattern' }], ['pins', { pins: 5, fixedPins: 3 }], ['cap-pins', { cap: 'tld', pins: 5, fixedPins: 3 }], ['years3', { years: 3 }]] as const) {
      const p = generateProblem(rows * 10 + 7, { rows, google, microsoft, ...(shape as object) });
      time(`${rows} ${label}`, () => solveSelection(p), rows > 10_000 ? 7 : 21);
    }
  }
}, 300_000);
