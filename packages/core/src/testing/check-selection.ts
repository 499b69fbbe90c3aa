import { isOrderable } from '../availability/row-status.ts';
import type { AvailabilityRow } from '../availability/availability-row.ts';
import { PeekerError } from '../errors/peeker-error.ts';
import type { SelectionProblem, SelectionResult } from '../solver/selection-problem.ts';
import { bruteForceSelection } from './brute-force-selection.ts';

/** Every rule {@link checkSelection} enforces. */
export const SelectionRule = {
  /** The answer is malformed: unknown status, unsorted lists, `domains` ≠ google ∪ microsoft, bad shortfall… */
  shape: 'shape',
  /** A domain appears more than once. */
  duplicateDomain: 'duplicate_domain',
  /** A chosen domain has no row in the problem. */
  unknownDomain: 'unknown_domain',
  /** A chosen domain is unavailable, premium, unpriced or usable for neither provider. */
  notOrderable: 'not_orderable',
  /** A chosen domain is in `excluded`. */
  excluded: 'excluded',
  /** `google.length` differs from `required.google`. */
  googleCount: 'google_count',
  /** `microsoft.length` differs from `required.microsoft`. */
  microsoftCount: 'microsoft_count',
  /** A Google slot holds a domain without `"google"` in `usable_for`. */
  googleCapability: 'google_capability',
  /** A Microsoft slot holds a domain without `"microsoft"` in `usable_for` (e.g. a Google-only one). */
  microsoftCapability: 'microsoft_capability',
  /** A pinned domain is not in the answer. */
  pinMissing: 'pin_missing',
  /** A domain pinned to one provider fills the other's slot. */
  pinProvider: 'pin_provider',
  /** A group holds more chosen domains than `maxPerGroup` allows. */
  groupCap: 'group_cap',
  /** `cost` does not match the chosen rows (first year, renewal, total, currency). */
  cost: 'cost',
  /** Exhaustive search found a cheaper valid answer (checked with ≤ 16 candidate rows). */
  notCheapest: 'not_cheapest',
  /** The answer says infeasible but exhaustive search found a valid one (≤ 16 candidate rows). */
  wronglyInfeasible: 'wrongly_infeasible',
} as const;
/** One of {@link SelectionRule}. */
export type SelectionRule = (typeof SelectionRule)[keyof typeof SelectionRule];

/** One broken rule, with a readable explanation. */
export interface SelectionViolation {
  rule: SelectionRule;
  message: string;
}

/** Exhaustive search runs only up to this many candidate rows. */
const EXHAUSTIVE_LIMIT = 16;

const key = (name: string): string => {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
};

const isSorted = (list: readonly string[]): boolean => {
  for (let i = 1; i < list.length; i++) if (!((list[i - 1] as string) < (list[i] as string))) return false;
  return true;
};

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

const usableFor = (row: AvailabilityRow, provider: 'google' | 'microsoft'): boolean =>
  Array.isArray(row.usable_for) && row.usable_for.includes(provider);

/**
 * Checks a `solveSelection` answer against every rule of the problem and returns **all**
 * violations (an empty array means the answer is valid). Independent of the solver: it reads
 * the rows itself, and for problems with at most 16 candidate rows (orderable, usable, not
 * excluded) it runs {@link bruteForceSelection} to prove the cost is minimal, or that an
 * `infeasible` answer is right.
 *
 * Rules: see {@link SelectionRule}. An `infeasible` answer is checked for shape (non-negative
 * integer shortfalls, a non-empty message) and, on small problems, for really being infeasible.
 *
 * @param problem - the problem given to the solver (assumed valid: no duplicate or mixed-currency rows)
 * @param selection - the solver's answer
 * @returns every violated rule, in a fixed order; `[]` when the answer is valid
 * @example
 * ```ts
 * import { fc } from '@fast-check/vitest';
 * import { checkSelection, selectionProblemArbitrary } from '@peeker/core/testing';
 * fc.assert(fc.property(selectionProblemArbitrary({ withPins: true }), (problem) => {
 *   expect(checkSelection(problem, solveSelection(problem))).toEqual([]);
 * }));
 * ```
 */
export function checkSelection(problem: SelectionProblem, selection: SelectionResult): SelectionViolation[] {
  const violations: SelectionViolation[] = [];
  const report = (rule: SelectionRule, message: string): void => {
    violations.push({ rule, message });
  };
  const years = problem.years ?? 1;
  const excluded = new Set((problem.excluded ?? []).map(key));

  // Rows by name: an orderable row wins over unorderable ones.
  const rowOf = new Map<string, AvailabilityRow>();
  for (const row of problem.rows) {
    const name = key(row.domain);
    const before = rowOf.get(name);
    if (before === undefined || (!isOrderable(before) && isOrderable(row))) rowOf.set(name, row);
  }
  const candidateCount = [...rowOf.entries()].filter(
    ([name, row]) =>
      isOrderable(row) && !excluded.has(name) && (usableFor(row, 'google') || usableFor(row, 'microsoft')),
  ).length;
  const exhaustive = (): ReturnType<typeof bruteForceSelection> | 'skipped' => {
    if (candidateCount > EXHAUSTIVE_LIMIT) return 'skipped';
    try {
      return bruteForceSelection(problem);
    } catch (error) {
      if (PeekerError.is(error)) return 'skipped';
      throw error;
    }
  };

  if (selection === null || typeof selection !== 'object') {
    report(SelectionRule.shape, `Expected a selection object, got ${String(selection)}`);
    return violations;
  }
  if (selection.status === 'infeasible') {
    const s = selection.shortfall as Partial<Record<'google' | 'microsoft' | 'total', unknown>> | undefined;
    for (const side of ['google', 'microsoft', 'total'] as const) {
      const value = s?.[side];
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        report(SelectionRule.shape, `shortfall.${side} should be a non-negative integer, got ${String(value)}`);
      }
    }
    if (typeof selection.message !== 'string' || selection.message.trim() === '') {
      report(SelectionRule.shape, 'An infeasible answer needs a message that says what to do');
    }
    const best = exhaustive();
    if (best !== 'skipped' && best !== null) {
      report(
        SelectionRule.wronglyInfeasible,
        `Answer is infeasible, but ${best.domains.join(', ') || 'the empty selection'} is valid (total ${best.cost.total_cents})`,
      );
    }
    return violations;
  }
  if (selection.status !== 'optimal') {
    report(SelectionRule.shape, `Unknown status ${JSON.stringify((selection as { status?: unknown }).status)}`);
    return violations;
  }
  const { google, microsoft, domains, cost } = selection;
  if (!isStringList(google) || !isStringList(microsoft) || !isStringList(domains)) {
    report(SelectionRule.shape, 'google, microsoft and domains must be arrays of names');
    return violations;
  }

  // Shape: sorted lists, domains = google ∪ microsoft.
  for (const [label, list] of [['google', google], ['microsoft', microsoft], ['domains', domains]] as const) {
    if (!isSorted(list)) report(SelectionRule.shape, `${label} is not sorted by name without repeats`);
  }
  const union = [...google, ...microsoft].sort();
  if (union.length !== domains.length || union.some((name, i) => name !== domains[i])) {
    report(SelectionRule.shape, 'domains is not the sorted union of google and microsoft');
  }

  // One slot per domain.
  const counts = new Map<string, number>();
  for (const name of [...google, ...microsoft]) counts.set(key(name), (counts.get(key(name)) ?? 0) + 1);
  for (const [name, count] of counts) {
    if (count > 1) report(SelectionRule.duplicateDomain, `${name} fills ${count} slots`);
  }

  // Counts.
  if (google.length !== problem.required.google) {
    report(SelectionRule.googleCount, `${google.length} Google domains, required ${problem.required.google}`);
  }
  if (microsoft.length !== problem.required.microsoft) {
    report(
      SelectionRule.microsoftCount,
      `${microsoft.length} Microsoft domains, required ${problem.required.microsoft}`,
    );
  }

  // Each chosen domain.
  const chosenRows: AvailabilityRow[] = [];
  const slots: [string, 'google' | 'microsoft'][] = [
    ...google.map((name) => [name, 'google'] as [string, 'google']),
    ...microsoft.map((name) => [name, 'microsoft'] as [string, 'microsoft']),
  ];
  for (const [raw, side] of slots) {
    const name = key(raw);
    const row = rowOf.get(name);
    if (row === undefined) {
      report(SelectionRule.unknownDomain, `${name} is not in the availability rows`);
      continue;
    }
    chosenRows.push(row);
    if (!isOrderable(row) || (!usableFor(row, 'google') && !usableFor(row, 'microsoft'))) {
      const why = row.premium === true ? 'premium' : row.available !== true ? (row.reason ?? 'unavailable') : 'not orderable';
      report(SelectionRule.notOrderable, `${name} cannot be ordered (${why})`);
    }
    if (excluded.has(name)) report(SelectionRule.excluded, `${name} is excluded but was chosen`);
    if (side === 'google' && !usableFor(row, 'google')) {
      report(SelectionRule.googleCapability, `${name} fills a Google slot without "google" in usable_for`);
    }
    if (side === 'microsoft' && !usableFor(row, 'microsoft')) {
      report(SelectionRule.microsoftCapability, `${name} fills a Microsoft slot without "microsoft" in usable_for`);
    }
  }

  // Pins.
  const googleSet = new Set(google.map(key));
  const microsoftSet = new Set(microsoft.map(key));
  for (const pin of problem.pinned ?? []) {
    const name = key(typeof pin === 'string' ? pin : pin.domain);
    const provider = typeof pin === 'string' ? undefined : pin.provider;
    if (!googleSet.has(name) && !microsoftSet.has(name)) {
      report(SelectionRule.pinMissing, `Pinned ${name} is not in the answer`);
    } else if (provider === 'google' && !googleSet.has(name)) {
      report(SelectionRule.pinProvider, `${name} is pinned to Google but fills a Microsoft slot`);
    } else if (provider === 'microsoft' && !microsoftSet.has(name)) {
      report(SelectionRule.pinProvider, `${name} is pinned to Microsoft but fills a Google slot`);
    }
  }

  // Caps.
  const { groupOf, maxPerGroup } = problem;
  if (groupOf !== undefined && maxPerGroup !== undefined) {
    const perGroup = new Map<string, string[]>();
    for (const row of chosenRows) {
      const group = groupOf(row);
      const list = perGroup.get(group) ?? [];
      list.push(key(row.domain));
      perGroup.set(group, list);
    }
    for (const [group, names] of perGroup) {
      const cap = typeof maxPerGroup === 'function' ? maxPerGroup(group) : maxPerGroup;
      if (names.length > cap) {
        report(SelectionRule.groupCap, `Group ${JSON.stringify(group)} holds ${names.length} (${names.join(', ')}), cap ${cap}`);
      }
    }
  }

  // Cost.
  let first = 0;
  let renewal = 0;
  let currency: string | null = null;
  for (const row of chosenRows) {
    first += row.price_cents ?? 0;
    renewal += row.renewal_price_cents ?? row.price_cents ?? 0;
    if (currency === null && typeof row.currency === 'string') currency = row.currency.toLowerCase();
  }
  const total = first + (years - 1) * renewal;
  if (typeof cost !== 'object' || cost === null) {
    report(SelectionRule.cost, 'cost is missing');
  } else {
    if (cost.first_year_cents !== first) report(SelectionRule.cost, `first_year_cents ${cost.first_year_cents}, rows say ${first}`);
    if (cost.renewal_cents !== renewal) report(SelectionRule.cost, `renewal_cents ${cost.renewal_cents}, rows say ${renewal}`);
    if (cost.total_cents !== total) report(SelectionRule.cost, `total_cents ${cost.total_cents}, rows say ${total}`);
    if (cost.currency !== currency) report(SelectionRule.cost, `currency ${String(cost.currency)}, rows say ${String(currency)}`);
  }

  // Optimality (small problems only).
  const best = exhaustive();
  if (best !== 'skipped' && best !== null && best.cost.total_cents < total) {
    report(
      SelectionRule.notCheapest,
      `${best.domains.join(', ')} costs ${best.cost.total_cents}, less than ${total}`,
    );
  }
  return violations;
}
