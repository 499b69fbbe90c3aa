/**
 * The solver as `<peeker-domain-picker>` uses it. Loaded by solver-loader.ts while the first
 * names are being checked (nothing needs it before answers arrive), so it is not part of the
 * first load. Internal.
 */
import { solveSelection, type AvailabilityRow, type SelectionResult } from '@peeker/core';

/** Inputs of {@link solveRelaxed}. */
export interface RelaxedProblem {
  rows: readonly AvailabilityRow[];
  required: { google: number; microsoft: number };
  pinned: readonly string[];
  excluded: readonly string[];
  years: number;
  /** Most chosen names per naming-pattern family; 0: no cap. */
  cap: number;
  groupOf: (row: AvailabilityRow) => string;
}

/**
 * Solves with the diversity cap, and without it when the cap makes the order impossible.
 * @param problem - rows, requirement, pins, exclusions, horizon and cap
 * @returns the result, and whether the cap was relaxed to reach it
 * @throws PeekerError from `solveSelection` (`mixed_currency`, `duplicate_domain`)
 */
export function solveRelaxed(problem: RelaxedProblem): { result: SelectionResult; relaxed: boolean } {
  const { rows, required, pinned, excluded, years, cap, groupOf } = problem;
  if (cap > 0) {
    const capped = solveSelection({ rows, required, pinned, excluded, years, groupOf, maxPerGroup: cap });
    if (capped.status !== 'infeasible') return { result: capped, relaxed: false };
  }
  const free = solveSelection({ rows, required, pinned, excluded, years });
  return { result: free, relaxed: cap > 0 && free.status === 'optimal' };
}

/**
 * Solves exactly the given rows with every one of them pinned: the final slot assignment and
 * cost of a selection the customer confirms.
 * @param rows - the chosen rows
 * @param required - slots per provider
 * @param years - cost horizon
 * @returns the result
 * @throws PeekerError from `solveSelection`
 */
export function solveExact(
  rows: readonly AvailabilityRow[],
  required: { google: number; microsoft: number },
  years: number,
): SelectionResult {
  const pinned = rows.map((row) => row.domain).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return solveSelection({ rows, required, pinned, years });
}
