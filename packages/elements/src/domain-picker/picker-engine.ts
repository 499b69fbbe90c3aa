/**
 * The part of `@peeker/core` that `<peeker-domain-picker>` loads after its first render: the
 * pick workflow (candidate generation with its word lists, and the exact solver). Loaded by
 * engine-loader.ts as soon as a search starts; nothing on screen needs it before that, so it
 * is not part of the first load. Internal.
 */
import { compareNames, solveSelection, type AvailabilityRow, type SelectionResult } from '@peeker/core';

export { pickDomains, solveWithDiversity, defaultPatternCap } from '@peeker/core';

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
  const pinned = rows.map((row) => row.domain).sort(compareNames);
  return solveSelection({ rows, required, pinned, years });
}
