/**
 * Part 4: candidate generation. Time to produce 5,000 candidates for a one-word and a
 * three-word brand (median after warm-up; target ≤ 20 ms).
 */
import { expect, it } from 'vitest';
import { loadavg } from 'node:os';
import { generateCandidates } from '@peeker/core';
import { row, summarize, timeSync, type ReportRow } from './lib/stats.ts';
import { writePart } from './lib/write-part.ts';

const SECTION = '4. Candidate generation';
const LIMIT = 5_000;
const RUNS = process.env['BENCH_QUICK'] === '1' ? 5 : 21;

it('generateCandidates 5,000', () => {
  const startedAt = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  const rows: ReportRow[] = [];
  const counts: Record<string, number> = {};
  for (const brand of ['acme', 'blue river labs']) {
    let produced = 0;
    const samples = timeSync(() => (produced = generateCandidates({ brand, limit: LIMIT }).length), RUNS, 3);
    counts[brand] = produced;
    const { median } = summarize(samples);
    rows.push(
      row(
        {
          section: SECTION,
          metric: `generateCandidates({ brand: '${brand}', limit: 5000 })`,
          unit: 'ms',
          target: '≤ 20 ms',
          met: median <= 20 && produced === LIMIT,
          note: produced === LIMIT ? `${produced} candidates` : `only ${produced} candidates produced`,
        },
        samples,
      ),
    );
  }
  writePart('candidates', startedAt, rows, { loadavg1mAtStart: Number(loadAtStart.toFixed(2)), runs: RUNS, warmup: 3, produced: counts });
  expect(Object.values(counts).every((n) => n > 0)).toBe(true);
});
