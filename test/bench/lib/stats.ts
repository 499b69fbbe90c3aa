/**
 * Timing and summary helpers shared by the node and browser benchmarks (no Node built-ins:
 * the browser bench imports this too).
 */

/** Median, min and max of a sample. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Number of samples. */
  runs: number;
}

/**
 * Summarises samples (median of an even count = mean of the two middle values).
 * @param samples - at least one number
 * @returns median, min, max, count
 */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const s = samples.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return { median, min: s[0] as number, max: s[s.length - 1] as number, runs: s.length };
}

/**
 * Times a synchronous function: `warmup` untimed calls, then `runs` timed ones.
 * @param fn - the work
 * @param runs - timed repetitions
 * @param warmup - untimed repetitions first
 * @returns milliseconds per timed run
 */
export function timeSync(fn: () => unknown, runs: number, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** One line of the report table. */
export interface ReportRow {
  /** Section number and name, e.g. "1. Solver vs HiGHS". */
  section: string;
  metric: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  /** The reference figure, already formatted (e.g. "HiGHS 812 ms", "ideal 1000 ms"). */
  reference?: string;
  /** Ratio (e.g. HiGHS/ours, ours/ideal), with its meaning in `ratioLabel`. */
  ratio?: number;
  ratioLabel?: string;
  /** Printed instead of the number in the ratio column when set (e.g. "+0.34 % mean"). */
  ratioText?: string;
  /** The target, formatted (e.g. "≤ 10 ms", "≥ 50×"). */
  target?: string;
  /** Whether the target is met; undefined when the row has no target. */
  met?: boolean;
  note?: string;
}

/** The JSON each bench part writes to test/bench/results/<part>.json. */
export interface PartResult {
  part: string;
  startedAt: string;
  finishedAt: string;
  environment: Record<string, unknown>;
  rows: ReportRow[];
  /** Extra facts (counts checked, mismatches, parameters). */
  facts: Record<string, unknown>;
}

/**
 * Builds a report row from samples.
 * @param base - everything but the summary figures
 * @param samples - measured values
 * @returns the row
 */
export function row(base: Omit<ReportRow, 'median' | 'min' | 'max' | 'runs'>, samples: readonly number[]): ReportRow {
  return { ...base, ...summarize(samples) };
}
