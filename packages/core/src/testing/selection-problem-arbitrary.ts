import * as fc from 'fast-check';
import type { AvailabilityRow } from '../availability/availability-row.ts';
import type { Pin, SelectionProblem } from '../solver/selection-problem.ts';
import { describeValue } from '../internal/describe-value.ts';
import { availabilityRowArbitrary } from './availability-row-arbitrary.ts';
import type { AvailabilityRowArbitraryOptions } from './availability-row-arbitrary.ts';

/** Options of {@link selectionProblemArbitrary}; row options are passed to `availabilityRowArbitrary`. */
export interface SelectionProblemArbitraryOptions extends Omit<AvailabilityRowArbitraryOptions, 'domain'> {
  /** How many rows (names are unique). @default { min: 0, max: 10 } */
  rows?: { min?: number; max?: number };
  /** Upper bound of `required.google` and of `required.microsoft`. @default about half (Google) and a third (Microsoft) of the drawn row count */
  maxRequired?: number;
  /** Add `pinned`: up to 3 names (plain, upper-case with a trailing dot, or `{ domain, provider? }`), now and then an unchecked one. @default false */
  withPins?: boolean;
  /** Add `groupOf` (by TLD or by first letter) and `maxPerGroup` (0–4, a per-group function, or Infinity). @default false */
  withCaps?: boolean;
  /** Add `excluded`: up to 3 names, now and then an unchecked one. @default false */
  withExcluded?: boolean;
  /** `years` of the problem: a fixed value or a range. @default undefined (no `years` field, i.e. 1) */
  years?: number | { min: number; max: number };
}

const TLDS = ['com', 'net', 'org', 'io'] as const;

/** Attaches a readable name for fast-check's counterexample output. */
function named<T extends object>(value: T, text: string): T {
  return Object.assign(value, { [fc.toStringMethod]: () => text });
}

const tldOf = (row: AvailabilityRow): string => row.domain.slice(row.domain.lastIndexOf('.') + 1);
const firstLetterOf = (row: AvailabilityRow): string => row.domain.slice(0, 1);

function capsArbitrary(): fc.Arbitrary<Pick<SelectionProblem, 'groupOf' | 'maxPerGroup'>> {
  const groupOf = fc.constantFrom(
    named((row: AvailabilityRow) => tldOf(row), 'groupByTld'),
    named((row: AvailabilityRow) => firstLetterOf(row), 'groupByFirstLetter'),
  );
  const maxPerGroup: fc.Arbitrary<number | ((group: string) => number)> = fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 4 },
    {
      arbitrary: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }).map((caps) => {
        const capOf = (group: string): number => {
          let hash = 0;
          for (let i = 0; i < group.length; i++) hash += group.charCodeAt(i);
          return caps[hash % caps.length] as number;
        };
        return named(capOf, `capByGroupHash(${JSON.stringify(caps)})`);
      }),
      weight: 2,
    },
    { arbitrary: fc.constant(Number.POSITIVE_INFINITY), weight: 1 },
  );
  return fc.record({ groupOf, maxPerGroup });
}

/** `[name]` about one time in eight, else `[]`. */
function rarely(name: string): fc.Arbitrary<string[]> {
  return fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 7 }, { arbitrary: fc.constant<string[]>([name]), weight: 1 });
}

function pinArbitrary(name: string): fc.Arbitrary<Pin> {
  return fc.oneof(
    fc.constant(name),
    fc.constant(`${name.toUpperCase()}.`),
    fc.constant({ domain: name }),
    fc.constantFrom<'google' | 'microsoft'>('google', 'microsoft').map((provider) => ({ domain: name, provider })),
  );
}

/**
 * fast-check arbitrary of small selection problems for property tests: unique names over a few
 * TLDs, rows from `availabilityRowArbitrary` (Google-only, premium, unavailable, rows without a
 * renewal price…), required counts around what the rows can supply (so both feasible and
 * infeasible problems appear), and optional pins, exclusions, caps and a cost horizon.
 * Keep `rows.max` ≤ 16 when the answers go to `checkSelection`, which then proves optimality
 * by exhaustive search. Deterministic for a seed; never produces duplicate or mixed-currency rows.
 *
 * @param options - knobs; see {@link SelectionProblemArbitraryOptions}
 * @returns an arbitrary of `SelectionProblem`
 * @throws TypeError for malformed knobs (ranges, shares, prices)
 * @example
 * ```ts
 * import { fc } from '@fast-check/vitest';
 * import { solveSelection } from '@peeker/core';
 * import { checkSelection, selectionProblemArbitrary } from '@peeker/core/testing';
 * fc.assert(fc.property(selectionProblemArbitrary({ rows: { max: 12 }, withPins: true, withCaps: true }), (p) => {
 *   expect(checkSelection(p, solveSelection(p))).toEqual([]);
 * }), { numRuns: 300 });
 * ```
 */
export function selectionProblemArbitrary(options: SelectionProblemArbitraryOptions = {}): fc.Arbitrary<SelectionProblem> {
  const { rows: rowRange, maxRequired, withPins, withCaps, withExcluded, years, ...rowOptions } = options;
  const minRows = rowRange?.min ?? 0;
  const maxRows = rowRange?.max ?? Math.max(10, minRows);
  if (!Number.isSafeInteger(minRows) || !Number.isSafeInteger(maxRows) || minRows < 0 || minRows > maxRows) {
    throw new TypeError(`Expected rows to be { min, max } non-negative integers with min ≤ max, got ${describeValue(rowRange)}`);
  }
  if (maxRequired !== undefined && (!Number.isSafeInteger(maxRequired) || maxRequired < 0)) {
    throw new TypeError(`Expected maxRequired to be a non-negative integer, got ${describeValue(maxRequired)}`);
  }
  let yearsArbitrary: fc.Arbitrary<number | undefined> = fc.constant(undefined);
  if (years !== undefined) {
    const range = typeof years === 'number' ? { min: years, max: years } : years;
    if (!Number.isSafeInteger(range.min) || !Number.isSafeInteger(range.max) || range.min < 1 || range.min > range.max) {
      throw new TypeError(`Expected years to be a positive integer or { min, max }, got ${describeValue(years)}`);
    }
    yearsArbitrary = fc.integer(range);
  }
  // Validate row options once, eagerly.
  availabilityRowArbitrary(rowOptions);

  const nameArbitrary = fc
    .tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.constantFrom(...TLDS))
    .map(([label, tld]) => `${label}.${tld}`);
  return fc.uniqueArray(nameArbitrary, { minLength: minRows, maxLength: maxRows }).chain((names) =>
    fc
      .record({
        rows: fc.tuple(...names.map((name) => availabilityRowArbitrary({ ...rowOptions, domain: fc.constant(name) }))),
        google: fc.integer({ min: 0, max: maxRequired ?? Math.ceil(names.length / 2) }),
        microsoft: fc.integer({ min: 0, max: maxRequired ?? Math.ceil(names.length / 3) }),
        pinned: withPins
          ? fc
              .tuple(fc.subarray(names, { maxLength: Math.min(3, names.length) }), rarely('unchecked-pin.com'))
              .chain(([picked, unchecked]) => fc.tuple(...[...picked, ...unchecked].map(pinArbitrary)))
          : fc.constant(undefined),
        excluded: withExcluded
          ? fc
              .tuple(fc.subarray(names, { maxLength: Math.min(3, names.length) }), rarely('unchecked-exclude.com'))
              .map(([picked, unchecked]) => [...picked, ...unchecked])
          : fc.constant(undefined),
        caps: withCaps ? capsArbitrary() : fc.constant(undefined),
        years: yearsArbitrary,
      })
      .map(({ rows, google, microsoft, pinned, excluded, caps, years: y }): SelectionProblem => {
        const problem: SelectionProblem = { rows, required: { google, microsoft } };
        if (pinned !== undefined) problem.pinned = pinned;
        if (excluded !== undefined) problem.excluded = excluded;
        if (caps !== undefined) {
          problem.groupOf = caps.groupOf;
          problem.maxPerGroup = caps.maxPerGroup;
        }
        if (y !== undefined) problem.years = y;
        return problem;
      }),
  );
}
