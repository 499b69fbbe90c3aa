/**
 * Seeded random selection problems shaped like real Peeker availability answers: several TLD
 * price points with per-name noise and some first-year promotions (so renewal order differs
 * from first-year order), about 30 % Google-only rows, some taken, premium and
 * "available but premium" rows (the solver must skip both), pattern families in the names.
 */
import type { AvailabilityRow, Pin, SelectionProblem } from '@peeker/core';
import { createRng, type Rng } from './rng.ts';

/** First-year / renewal list prices per TLD, in cents (usd). */
export const TLD_PRICES = {
  com: { first: 1300, renewal: 1500 },
  org: { first: 1000, renewal: 1800 },
  net: { first: 1200, renewal: 1700 },
  co: { first: 2500, renewal: 3000 },
  io: { first: 3500, renewal: 4500 },
} as const;

type Tld = keyof typeof TLD_PRICES;

/** Share of rows per TLD (a pool from a candidate generator is .com-heavy). */
const TLD_WEIGHTS: readonly (readonly [Tld, number])[] = [
  ['com', 0.4],
  ['org', 0.15],
  ['net', 0.15],
  ['co', 0.15],
  ['io', 0.15],
];

/** Pattern families, as in docs/domain-rules.md §2 (verb prefixes, noun suffixes). */
export const PATTERNS = ['get', 'try', 'use', 'join', 'go', 'hq', 'team', 'mail'] as const;

/** Share of rows per pattern: a generator's best-scored families dominate a pool. */
const PATTERN_WEIGHTS: readonly number[] = [0.3, 0.2, 0.15, 0.1, 0.08, 0.07, 0.05, 0.05];

/** Which diversity cap a problem carries. */
export type CapKind = 'none' | 'tld' | 'pattern';

/** How to shape one random problem. */
export interface ProblemShape {
  /** Number of availability rows (all kinds). */
  rows: number;
  google: number;
  microsoft: number;
  /** Share of available rows that are Google-only. @default 0.3 */
  googleOnlyShare?: number;
  /** Diversity cap: none, per TLD or per pattern family, each ceil(K/3). @default 'none' */
  cap?: CapKind;
  /** Pinned names (random orderable rows). @default 0 */
  pins?: number;
  /** How many of the pins carry a fixed provider. @default 0 */
  fixedPins?: number;
  /** Cost horizon. @default 1 */
  years?: number;
}

/** Group key = TLD. */
export const tldOf = (row: AvailabilityRow): string => row.domain.slice(row.domain.lastIndexOf('.') + 1);
/** Group key = pattern family (names are `<pattern>-<brand><n>.<tld>`). */
export const patternOf = (row: AvailabilityRow): string => row.domain.slice(0, row.domain.indexOf('-'));

function pickPattern(rng: Rng): string {
  let x = rng.next();
  for (let i = 0; i < PATTERNS.length; i++) {
    const w = PATTERN_WEIGHTS[i] as number;
    if (x < w) return PATTERNS[i] as string;
    x -= w;
  }
  return PATTERNS[0];
}

function pickTld(rng: Rng): Tld {
  let x = rng.next();
  for (const [tld, w] of TLD_WEIGHTS) {
    if (x < w) return tld;
    x -= w;
  }
  return 'com';
}

/**
 * Builds the availability rows of one instance.
 * @param rng - seeded generator
 * @param count - number of rows
 * @param googleOnlyShare - share of available rows that are Google-only
 * @returns rows in Peeker's wire shape
 */
export function generateRows(rng: Rng, count: number, googleOnlyShare = 0.3): AvailabilityRow[] {
  const rows: AvailabilityRow[] = [];
  for (let i = 0; i < count; i++) {
    const tld = pickTld(rng);
    const domain = `${pickPattern(rng)}-acme${i}.${tld}`;
    const roll = rng.next();
    if (roll < 0.12) {
      rows.push({ domain, available: false, premium: false, reason: 'taken' });
      continue;
    }
    if (roll < 0.14) {
      rows.push({ domain, available: false, premium: true, reason: 'premium' });
      continue;
    }
    const base = TLD_PRICES[tld];
    // per-name noise (whole dimes), and a first-year promotion on ~12 % of names
    const promo = rng.next() < 0.12;
    let first = base.first + 10 * rng.int(-5, 25);
    if (promo) first = Math.round((first * rng.int(50, 80)) / 1000) * 10;
    const renewal = base.renewal + 10 * rng.int(-5, 25);
    const usable_for = rng.next() < googleOnlyShare ? (['google'] as const) : (['google', 'microsoft'] as const);
    // a few rows are "available" but premium: never orderable, the solver must skip them
    const premium = roll < 0.15;
    rows.push({
      domain,
      available: true,
      premium,
      price_cents: premium ? first * 40 : first,
      renewal_price_cents: renewal,
      currency: 'usd',
      usable_for,
    });
  }
  return rows;
}

/** Whether a generated row may be chosen (same rule as the core's `isOrderable`). */
export function orderable(row: AvailabilityRow): boolean {
  return row.available === true && row.premium !== true && Number.isSafeInteger(row.price_cents) && (row.usable_for?.length ?? 0) > 0;
}

/**
 * Builds one seeded problem.
 * @param seed - instance seed
 * @param shape - size, requirement and constraints
 * @returns a `SelectionProblem` for `solveSelection`
 */
export function generateProblem(seed: number, shape: ProblemShape): SelectionProblem {
  const rng = createRng(seed);
  const rows = generateRows(rng, shape.rows, shape.googleOnlyShare ?? 0.3);
  const k = shape.google + shape.microsoft;
  const problem: SelectionProblem = { rows, required: { google: shape.google, microsoft: shape.microsoft } };
  if ((shape.years ?? 1) !== 1) problem.years = shape.years;
  const cap = shape.cap ?? 'none';
  if (cap !== 'none') {
    problem.groupOf = cap === 'tld' ? tldOf : patternOf;
    problem.maxPerGroup = Math.ceil(k / 3);
  }
  const pinCount = shape.pins ?? 0;
  if (pinCount > 0) {
    const candidates = rng.shuffle(rows.filter(orderable));
    const pins: Pin[] = [];
    let pinnedMicrosoft = 0;
    let pinnedGoogle = 0;
    for (const row of candidates.slice(0, pinCount)) {
      if (pins.length < (shape.fixedPins ?? 0)) {
        const msCapable = row.usable_for?.includes('microsoft') === true;
        const wantMs = msCapable && pinnedMicrosoft < shape.microsoft && (rng.next() < 0.5 || pinnedGoogle >= shape.google);
        if (wantMs) pinnedMicrosoft++;
        else pinnedGoogle++;
        pins.push({ domain: row.domain, provider: wantMs ? 'microsoft' : 'google' });
      } else {
        pins.push(row.domain);
      }
    }
    problem.pinned = pins;
  }
  return problem;
}

/** Cost of one row under the problem's horizon. */
export function rowCost(row: AvailabilityRow, years: number): number {
  return (row.price_cents ?? 0) + (years - 1) * (row.renewal_price_cents ?? row.price_cents ?? 0);
}

/** The cap of a group under a problem, or Infinity. */
export function capOf(problem: SelectionProblem, group: string): number {
  const m = problem.maxPerGroup;
  if (m === undefined) return Number.POSITIVE_INFINITY;
  return typeof m === 'number' ? m : m(group);
}
