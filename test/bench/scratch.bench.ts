import { it } from 'vitest';
import { generateProblem } from './lib/problems.ts';
import { buildLpModel, loadHighs, solveReference } from './lib/highs-model.ts';

it('highs timing', async () => {
  const highs = await loadHighs();
  for (const [rows, g, m] of [[1000, 15, 4], [10000, 150, 40], [100000, 1500, 400]] as const) {
    for (const cap of ['none', 'tld'] as const) {
      for (const pins of [0, 5]) {
        const p = generateProblem(rows + (cap === 'tld' ? 1 : 0) + pins, { rows, google: g, microsoft: m, cap, pins, fixedPins: pins ? 3 : 0 });
        let t0 = performance.now();
        const model = buildLpModel(p);
        const tb = performance.now() - t0;
        t0 = performance.now();
        const r = solveReference(highs, model);
        const ts = performance.now() - t0;
        console.log(rows, cap, pins, 'build', tb.toFixed(1), 'solve', ts.toFixed(1), JSON.stringify(r), model.text.length);
      }
    }
  }
});
