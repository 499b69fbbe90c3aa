/**
 * Part 2: what greedy pickers cost over the exact answer, and how often they find nothing
 * where an answer exists. 200 seeded instances per scenario. Pools are small (25–80 checked
 * names for 15 + 4, 40–70 for a Microsoft-heavy 10 + 25): the element checks ideas only until
 * an answer exists, so pools close to the feasibility edge are the normal case. Every exact
 * answer is also checked against HiGHS.
 */
import { expect, it } from 'vitest';
import { loadavg } from 'node:os';
import { solveSelection } from '@peeker/core';
import type { SelectionProblem } from '@peeker/core';
import { checkAssignment, type Assignment } from './lib/check-selection.ts';
import { greedyCheapestThenSwap, greedyMicrosoftFirst } from './lib/greedy.ts';
import { buildLpModel, loadHighs, solveReference } from './lib/highs-model.ts';
import { generateProblem, type ProblemShape } from './lib/problems.ts';
import { createRng } from './lib/rng.ts';
import { summarize, type ReportRow } from './lib/stats.ts';
import { writePart } from './lib/write-part.ts';

const SECTION = '2. Solver vs greedy';
const INSTANCES = process.env['BENCH_QUICK'] === '1' ? 40 : 200;

interface Scenario {
  id: string;
  label: string;
  required: { google: number; microsoft: number };
  /** Pool size range (rows per instance, all kinds). */
  pool: readonly [number, number];
  shape: Omit<ProblemShape, 'rows' | 'google' | 'microsoft'>;
}

/** The usual bundle (25,000/month → 15 + 4) and a Microsoft-heavy one (≈ 10 % / 90 % split). */
const STD = { google: 15, microsoft: 4 } as const;
const MS_HEAVY = { google: 10, microsoft: 25 } as const;

const SCENARIOS: readonly Scenario[] = [
  { id: 'plain', label: '15+4, no caps/pins, 1 year', required: STD, pool: [25, 80], shape: {} },
  { id: 'tld-cap', label: '15+4, per-TLD cap 7', required: STD, pool: [25, 80], shape: { cap: 'tld' } },
  { id: 'pattern-cap', label: '15+4, per-pattern cap 7', required: STD, pool: [25, 80], shape: { cap: 'pattern' } },
  { id: 'pins', label: '15+4, 5 pins (3 fixed provider)', required: STD, pool: [25, 80], shape: { pins: 5, fixedPins: 3 } },
  { id: 'years3', label: '15+4, 3-year horizon', required: STD, pool: [25, 80], shape: { years: 3 } },
  {
    id: 'all',
    label: '15+4, pattern cap + pins + 3 years',
    required: STD,
    pool: [25, 80],
    shape: { cap: 'pattern', pins: 5, fixedPins: 3, years: 3 },
  },
  { id: 'ms-tld-cap', label: '10+25, per-TLD cap 12', required: MS_HEAVY, pool: [40, 70], shape: { cap: 'tld' } },
  {
    id: 'ms-pattern-pins',
    label: '10+25, per-pattern cap 12 + 5 pins',
    required: MS_HEAVY,
    pool: [40, 70],
    shape: { cap: 'pattern', pins: 5, fixedPins: 3 },
  },
];

const VARIANTS: readonly { id: string; label: string; pick: (p: SelectionProblem) => Assignment | null }[] = [
  { id: 'A', label: 'greedy A (Microsoft slots first)', pick: greedyMicrosoftFirst },
  { id: 'B', label: 'greedy B (cheapest overall, then swap)', pick: greedyCheapestThenSwap },
];

it('solveSelection vs greedy pickers', async () => {
  const startedAt = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  const highs = await loadHighs();
  const rows: ReportRow[] = [];
  const problems: string[] = [];
  const facts: Record<string, unknown> = {
    instancesPerScenario: INSTANCES,
    scenarios: SCENARIOS.map((s) => ({ id: s.id, required: s.required, poolRows: s.pool, ...s.shape })),
  };
  const perScenario: Record<string, unknown>[] = [];
  let checked = 0;

  for (const scenario of SCENARIOS) {
    let feasible = 0;
    let infeasible = 0;
    const exactTotals: number[] = [];
    const stats = VARIANTS.map(() => ({ extra: [] as number[], extraPct: [] as number[], worse: 0, failed: 0 }));
    for (let n = 0; n < INSTANCES; n++) {
      const seed = 50_000 + SCENARIOS.indexOf(scenario) * 10_007 + n;
      const poolRows = createRng(seed ^ 0x5bd1e995).int(scenario.pool[0], scenario.pool[1]);
      const problem = generateProblem(seed, { rows: poolRows, ...scenario.required, ...scenario.shape });
      const exact = solveSelection(problem);
      const reference = solveReference(highs, buildLpModel(problem));
      checked++;
      const where = `${scenario.id} seed ${seed}`;
      if (exact.status !== reference.status) {
        problems.push(`${where}: ours ${exact.status}, HiGHS ${reference.status}`);
        continue;
      }
      if (exact.status !== 'optimal' || reference.status !== 'optimal') {
        infeasible++;
        // a greedy answer where the exact solver finds none would be a solver bug
        for (const v of VARIANTS) {
          const g = v.pick(problem);
          if (g !== null) {
            try {
              checkAssignment(problem, g);
              problems.push(`${where}: greedy ${v.id} found an answer, exact says infeasible`);
            } catch {
              // invalid greedy answer: treat as none
            }
          }
        }
        continue;
      }
      if (exact.cost.total_cents !== reference.total) {
        problems.push(`${where}: ours ${exact.cost.total_cents}, HiGHS ${reference.total}`);
      }
      feasible++;
      const best = checkAssignment(problem, exact);
      exactTotals.push(best);
      VARIANTS.forEach((v, i) => {
        const s = stats[i] as (typeof stats)[number];
        const g = v.pick(problem);
        if (g === null) {
          s.failed++;
          return;
        }
        let cost: number;
        try {
          cost = checkAssignment(problem, g);
        } catch (error) {
          problems.push(`${where}: greedy ${v.id} produced an invalid answer: ${(error as Error).message}`);
          return;
        }
        if (cost < best) problems.push(`${where}: greedy ${v.id} (${cost}) beat the exact solver (${best})`);
        s.extra.push(cost - best);
        s.extraPct.push(((cost - best) / best) * 100);
        if (cost > best) s.worse++;
      });
    }
    const exactMean = exactTotals.reduce((a, b) => a + b, 0) / Math.max(1, exactTotals.length);
    VARIANTS.forEach((v, i) => {
      const s = stats[i] as (typeof stats)[number];
      const mean = s.extra.reduce((a, b) => a + b, 0) / Math.max(1, s.extra.length);
      const meanPct = s.extraPct.reduce((a, b) => a + b, 0) / Math.max(1, s.extraPct.length);
      const failPct = (s.failed / Math.max(1, feasible)) * 100;
      const sum = s.extra.length > 0 ? summarize(s.extra) : { median: 0, min: 0, max: 0, runs: 0 };
      const claimOptimal = scenario.id === 'plain' && v.id === 'A';
      rows.push({
        section: SECTION,
        metric: `${v.label}, ${scenario.label}: extra cost`,
        unit: '¢',
        ...sum,
        reference: `exact mean ${Math.round(exactMean).toLocaleString('en-US')} ¢`,
        ratioText: `+${mean.toFixed(0)} ¢ / +${meanPct.toFixed(2)} % mean`,
        ...(claimOptimal ? { target: '0 extra, 0 fails (optimal)', met: s.worse === 0 && s.failed === 0 } : {}),
        note: `worse on ${s.worse}/${feasible}; no answer on ${s.failed}/${feasible} (${failPct.toFixed(1)} %) where one exists`,
      });
      perScenario.push({
        scenario: scenario.id,
        variant: v.id,
        feasibleInstances: feasible,
        infeasibleInstances: infeasible,
        meanExtraCents: mean,
        meanExtraPercent: meanPct,
        worse: s.worse,
        failed: s.failed,
        failRatePercent: failPct,
        extraCents: sum,
      });
    });
  }
  rows.push({
    section: SECTION,
    metric: 'objective checks solveSelection = HiGHS (greedy instances)',
    unit: 'instances',
    median: checked,
    min: checked,
    max: checked,
    runs: 1,
    reference: `${problems.length} problems`,
    target: '0 mismatches',
    met: problems.length === 0,
  });
  writePart('greedy', startedAt, rows, {
    ...facts,
    loadavg1mAtStart: Number(loadAtStart.toFixed(2)),
    objectiveChecks: checked,
    problems,
    results: perScenario,
  });
  expect(problems, 'solver/greedy consistency').toEqual([]);
});
