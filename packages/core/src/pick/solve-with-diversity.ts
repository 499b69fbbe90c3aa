/**
 * The diversity rule of docs/domain-rules.md §5 ("no naming pattern fills more than a third
 * of the order") as the solver applies it: a cap per group, dropped only when no selection
 * can keep it.
 */
import type { AvailabilityRow } from '../availability/availability-row.ts';
import { solveSelection } from '../solver/solve-selection.ts';
import type { SelectionProblem, SelectionResult } from '../solver/selection-problem.ts';

/** Input of {@link solveWithDiversity}: a selection problem with one cap for every group. */
export interface DiversityProblem extends Omit<SelectionProblem, 'maxPerGroup' | 'groupOf'> {
  /** The group of a row (its naming pattern, for generated names). */
  groupOf: (row: AvailabilityRow) => string;
  /**
   * Most chosen names per group; `0` means no cap.
   * @default defaultPatternCap(required)
   */
  maxPerGroup?: number;
}

/** Output of {@link solveWithDiversity}. */
export interface DiversityResult {
  /** The cheapest valid selection (with the cap when `relaxed` is false). */
  result: SelectionResult;
  /** The cap made the order impossible, and `result` is the cheapest selection without it. */
  relaxed: boolean;
  /** The cap that was applied or relaxed (`0`: none). */
  cap: number;
}

/**
 * The default cap: a third of the order, rounded up (docs/domain-rules.md §5).
 * @param required - slots per provider
 * @returns the most names one naming pattern may fill
 * @example
 * ```ts
 * defaultPatternCap({ google: 15, microsoft: 4 }); // 7
 * ```
 */
export function defaultPatternCap(required: { readonly google: number; readonly microsoft: number }): number {
  return Math.ceil((required.google + required.microsoft) / 3);
}

/**
 * Solves with the diversity cap, and without it when the cap makes the order impossible.
 * Both answers are exact: the cap is a constraint of the solver, not a post-filter.
 * @param problem - rows, requirement, pins, exclusions, horizon, groups and cap
 * @returns the result, the cap and whether it had to be relaxed
 * @throws PeekerError from `solveSelection` (`mixed_currency`, `duplicate_domain`); TypeError
 *   for malformed input
 * @example
 * ```ts
 * const { result, relaxed } = solveWithDiversity({ rows, required: { google: 15, microsoft: 4 }, groupOf: (row) => patternOf.get(row.domain) ?? row.domain });
 * ```
 */
export function solveWithDiversity(problem: DiversityProblem): DiversityResult {
  const { maxPerGroup, groupOf, ...rest } = problem;
  const cap = maxPerGroup ?? defaultPatternCap(problem.required);
  if (!Number.isSafeInteger(cap) || cap < 0) {
    throw new TypeError(`Expected maxPerGroup to be a non-negative integer, got ${String(cap)}`);
  }
  if (cap > 0) {
    const capped = solveSelection({ ...rest, groupOf, maxPerGroup: cap });
    if (capped.status === 'optimal') return { result: capped, relaxed: false, cap };
  }
  const free = solveSelection(rest);
  return { result: free, relaxed: cap > 0 && free.status === 'optimal', cap };
}
