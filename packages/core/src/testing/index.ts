/**
 * `@peeker/core/testing`: fast-check arbitraries and invariant checkers for testing code that
 * uses `@peeker/core` (and for testing the core itself). Needs `fast-check` (an optional peer
 * dependency of `@peeker/core`). Every public name is listed here by hand.
 * @packageDocumentation
 */

// arbitraries
export { availabilityRowArbitrary } from './availability-row-arbitrary.ts';
export type { AvailabilityRowArbitraryOptions, PriceSpread } from './availability-row-arbitrary.ts';
export { bundleArbitrary } from './bundle-arbitrary.ts';
export type { BundleArbitraryOptions } from './bundle-arbitrary.ts';
export { selectionProblemArbitrary } from './selection-problem-arbitrary.ts';
export type { SelectionProblemArbitraryOptions } from './selection-problem-arbitrary.ts';

// invariant checks
export { checkSelection, SelectionRule } from './check-selection.ts';
export type { SelectionViolation } from './check-selection.ts';
export { bruteForceSelection, BRUTE_FORCE_MAX_ROWS } from './brute-force-selection.ts';
