/**
 * The solver's one tie-break rule, the file to change to break ties differently. Internal:
 * never exported from the package.
 *
 * Among answers of equal total cost the solver is free to choose; it must still choose the
 * same way every time (the same rows in any order give the same answer, docs/domain-rules.md
 * §5). Every choice between equals goes through {@link tieBreak}:
 * - which of several equally cheap rows enters a pool first (select-cheapest.ts), and so
 *   which equally cheap name is chosen;
 * - the order diversity groups are visited in (selection-input.ts);
 * - which chosen dual-capable names fill the Microsoft slots (assign-slots.ts).
 */
import { compareNames } from '../domains/compare-names.ts';

/**
 * Orders two names (or group keys) that are otherwise equal: the one first in code-unit order
 * wins. Deterministic in every runtime (never `localeCompare`).
 * @param a - a name
 * @param b - another name
 * @returns negative when `a` wins, positive when `b` does, 0 when they are the same
 */
export const tieBreak: (a: string, b: string) => number = compareNames;
