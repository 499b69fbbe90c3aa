/**
 * Part 1: `solveSelection` against HiGHS (the same model as an integer program) on seeded
 * problems of 1,000 / 10,000 / 100,000 rows. Times are medians after a warm-up; the objective
 * values must agree on every instance (a mismatch fails the run).
 */
import { expect, it } from 'vitest';
import { loadavg } from 'node:os';
import { solveSelection } from '@peeker/core';
import type { SelectionProblem } from '@peeker/core';
import { checkAssignment } from './lib/check-selection.ts';
import { buildLpModel, HIGHS_OPTIONS, loadHighs, solveReference } from './lib/highs-model.ts';
import { generateProblem, type ProblemShape } from './lib/problems.ts';
import { row, summarize, timeSync, type ReportRow } from './lib/stats.ts';
import { writePart } from './lib/write-part.ts';

const SECTION = '1. Solver vs HiGHS (MIP)';

interface Size {
  rows: number;
  google: number;
  microsoft: number;
  /** Seeded instances per scenario. */
  instances: number;
  /** Timed runs of ours per instance (after 2 warm-up runs). */
  oursRuns: number;
  /** Timed runs of HiGHS per instance (HiGHS is warmed up once globally). */
  highsRuns: number;
  /** Median-time targets in ms: without caps, with caps (10×). */
  target?: { plain: number; capped: number };
}

/** BENCH_QUICK=1: a fast smoke run (1,000 and 10,000 rows, one instance each) while developing. */
const QUICK = process.env['BENCH_QUICK'] === '1';

const ALL_SIZES: readonly Size[] = [
  { rows: 1_000, google: 15, microsoft: 4, instances: 5, oursRuns: 9, highsRuns: 3 },
  { rows: 10_000, google: 150, microsoft: 40, instances: 3, oursRuns: 9, highsRuns: 2, target: { plain: 10, capped: 100 } },
  { rows: 100_000, google: 1_500, microsoft: 400, instances: 2, oursRuns: 7, highsRuns: 1, target: { plain: 150, capped: 1_500 } },
];
const SIZES: readonly Size[] = QUICK
  ? ALL_SIZES.filter((s) => s.rows <= 10_000).map((s) => ({ ...s, instances: 1, oursRuns: 3, highsRuns: 1 }))
  : ALL_SIZES;

interface Scenario {
  id: string;
  label: string;
  shape: Pick<ProblemShape, 'cap' | 'pins' | 'fixedPins'>;
  capped: boolean;
}

const SCENARIOS: readonly Scenario[] = [
  { id: 'plain', label: 'no caps', shape: {}, capped: false },
  { id: 'tld-cap', label: 'per-TLD cap ⌈K/3⌉', shape: { cap: 'tld' }, capped: true },
  { id: 'pins', label: '5 pins (3 with provider)', shape: { pins: 5, fixedPins: 3 }, capped: false },
  { id: 'cap-pins', label: 'per-TLD cap + 5 pins', shape: { cap: 'tld', pins: 5, fixedPins: 3 }, capped: true },
];

const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

it('solveSelection vs HiGHS', async () => {
  const startedAt = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  const highs = await loadHighs();
  // warm HiGHS (WebAssembly compile, first-call costs) on a throw-away instance
  for (let i = 0; i < 3; i++) solveReference(highs, buildLpModel(generateProblem(999_000 + i, { rows: 1_000, google: 15, microsoft: 4 })));
  // warm ours the same way: without it the first timed scenario measures V8 tiering up the
  // solver (medians of 0.1–1.4 ms for the same 1,000-row problems, run to run)
  for (let i = 0; i < 30; i++) {
    const shape = SCENARIOS[i % SCENARIOS.length]!.shape;
    solveSelection(generateProblem(998_000 + i, { rows: 1_000, google: 15, microsoft: 4, ...shape }));
  }

  const rows: ReportRow[] = [];
  const mismatches: string[] = [];
  const perConfig: Record<string, unknown>[] = [];
  let checked = 0;

  for (const size of SIZES) {
    for (const scenario of SCENARIOS) {
      const ours: number[] = [];
      const ref: number[] = [];
      const objectives: number[] = [];
      for (let n = 0; n < size.instances; n++) {
        const seed = size.rows * 10 + n * 7919 + SCENARIOS.indexOf(scenario) * 131;
        const problem: SelectionProblem = generateProblem(seed, {
          rows: size.rows,
          google: size.google,
          microsoft: size.microsoft,
          ...scenario.shape,
        });
        // ours
        let result = solveSelection(problem);
        ours.push(...timeSync(() => (result = solveSelection(problem)), size.oursRuns, 2));
        // reference (LP text built outside the timing)
        const model = buildLpModel(problem);
        let reference = solveReference(highs, model);
        ref.push(...timeSync(() => (reference = solveReference(highs, model)), size.highsRuns, 0));
        // the objective check, on every instance
        checked++;
        const where = `${size.rows} rows, ${scenario.id}, seed ${seed}`;
        if (result.status !== reference.status) {
          mismatches.push(`${where}: ours ${result.status}, HiGHS ${reference.status}`);
        } else if (result.status === 'optimal' && reference.status === 'optimal') {
          if (result.cost.total_cents !== reference.total) {
            mismatches.push(`${where}: ours ${result.cost.total_cents}, HiGHS ${reference.total}`);
          }
          try {
            const own = checkAssignment(problem, result);
            if (own !== result.cost.total_cents) mismatches.push(`${where}: reported ${result.cost.total_cents}, recomputed ${own}`);
          } catch (error) {
            mismatches.push(`${where}: our answer is invalid: ${(error as Error).message}`);
          }
          objectives.push(result.cost.total_cents);
        }
      }
      const o = summarize(ours);
      const h = summarize(ref);
      const ratio = h.median / o.median;
      const timeTarget = size.target === undefined ? undefined : scenario.capped ? size.target.capped : size.target.plain;
      const timeMet = timeTarget === undefined || o.median <= timeTarget;
      const ratioMet = ratio >= 50;
      const missed = [timeMet ? null : 'time', ratioMet ? null : 'ratio'].filter((x) => x !== null).join(', ');
      const runs = `${size.instances} instances; ours ${size.oursRuns} runs each after 2 warm-ups, HiGHS ${size.highsRuns} run${size.highsRuns > 1 ? 's' : ''} each${size.highsRuns === 1 ? ' (HiGHS is slow here: fewer repetitions, objective still checked on every instance)' : ''}`;
      rows.push(
        row(
          {
            section: SECTION,
            metric: `solveSelection ${size.rows.toLocaleString('en-US')} rows, ${size.google}+${size.microsoft}, ${scenario.label}`,
            unit: 'ms',
            reference: `HiGHS ${fmtMs(h.median)} ms (${fmtMs(h.min)}–${fmtMs(h.max)}, n=${h.runs})`,
            ratio,
            ratioLabel: 'HiGHS/ours',
            target: `${timeTarget === undefined ? '' : `≤ ${timeTarget} ms, `}≥ 50×`,
            met: timeMet && ratioMet,
            note: missed === '' ? runs : `missed: ${missed}; ${runs}`,
          },
          ours,
        ),
      );
      perConfig.push({
        rows: size.rows,
        required: { google: size.google, microsoft: size.microsoft },
        scenario: scenario.id,
        instances: size.instances,
        oursRunsPerInstance: size.oursRuns,
        highsRunsPerInstance: size.highsRuns,
        oursMs: o,
        highsMs: h,
        objectives,
      });
    }
  }
  rows.push({
    section: SECTION,
    metric: 'objective checks solveSelection = HiGHS (instances above)',
    unit: 'instances',
    median: checked,
    min: checked,
    max: checked,
    runs: 1,
    reference: `${mismatches.length} mismatches`,
    target: '0 mismatches',
    met: mismatches.length === 0,
  });
  writePart('solver', startedAt, rows, {
    loadavg1mAtStart: Number(loadAtStart.toFixed(2)),
    highsOptions: HIGHS_OPTIONS,
    highsTiming: 'highs.solve(lpText) only: LP-text parse + solve + result extraction; building the LP text is not timed',
    oursTiming: 'solveSelection(problem) on the raw rows (filtering, validation, solving, output)',
    objectiveChecks: checked,
    mismatches,
    configs: perConfig,
  });
  expect(mismatches, 'solveSelection and HiGHS disagree').toEqual([]);
});
