import { isOrderable } from '../availability/row-status.ts';
import type { AvailabilityRow } from '../availability/availability-row.ts';
import { PeekerError } from '../errors/peeker-error.ts';
import { compareNames } from '../domains/compare-names.ts';
import type { OptimalSelection, SelectionProblem } from '../solver/selection-problem.ts';

/** Largest number of candidate rows {@link bruteForceSelection} accepts. */
export const BRUTE_FORCE_MAX_ROWS = 20;

/** A usable row as the exhaustive search sees it. */
interface Item {
  name: string;
  price: number;
  renewal: number;
  google: boolean;
  microsoft: boolean;
  group: string;
  currency: string | undefined;
}

const key = (name: string): string => {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
};

/**
 * Solves a small selection problem by trying **every** subset of the right size: slow,
 * obviously correct, and written independently of `solveSelection`, so tests can compare the
 * two. Same rules as `solveSelection` (orderable rows only, one slot per domain, pins, exclusions,
 * caps, `years`, a missing renewal price counts as the first-year price, names compared
 * lower-case without a trailing dot); ties between equally cheap answers are broken arbitrarily,
 * so compare costs, not domain lists.
 *
 * @param problem - a selection problem with at most {@link BRUTE_FORCE_MAX_ROWS} orderable,
 *   non-excluded rows usable for Google or Microsoft
 * @returns a cheapest valid selection, or `null` when none exists
 * @throws TypeError when there are more than {@link BRUTE_FORCE_MAX_ROWS} candidate rows
 *   (2^20 subsets is the practical limit)
 * @throws PeekerError `duplicate_domain` or `mixed_currency`, like `solveSelection`
 * @example
 * ```ts
 * import { bruteForceSelection } from '@peeker/core/testing';
 * const best = bruteForceSelection(problem);
 * expect(solveSelection(problem).status === 'optimal' ? total : null).toBe(best?.cost.total_cents ?? null);
 * ```
 */
export function bruteForceSelection(problem: SelectionProblem): OptimalSelection | null {
  const years = problem.years ?? 1;
  const excluded = new Set((problem.excluded ?? []).map(key));
  const seen = new Set<string>();
  const currencies = new Set<string>();
  const items: Item[] = [];
  for (const row of problem.rows) {
    if (!isOrderable(row)) continue;
    const name = key(row.domain);
    if (seen.has(name)) throw new PeekerError('duplicate_domain', `Duplicate orderable row for ${name}`);
    seen.add(name);
    if (typeof row.currency === 'string') currencies.add(row.currency.toLowerCase());
    const usable = row.usable_for ?? [];
    const google = usable.includes('google');
    const microsoft = usable.includes('microsoft');
    if ((!google && !microsoft) || excluded.has(name)) continue;
    items.push({
      name,
      price: row.price_cents as number,
      renewal: row.renewal_price_cents ?? (row.price_cents as number),
      google,
      microsoft,
      group: '',
      currency: typeof row.currency === 'string' ? row.currency.toLowerCase() : undefined,
    });
  }
  if (currencies.size > 1) throw new PeekerError('mixed_currency', 'Rows use more than one currency');
  if (items.length > BRUTE_FORCE_MAX_ROWS) {
    throw new TypeError(
      `Expected at most ${BRUTE_FORCE_MAX_ROWS} orderable rows for an exhaustive search, got ${items.length}`,
    );
  }
  const { groupOf, maxPerGroup } = problem;
  const capped = groupOf !== undefined && maxPerGroup !== undefined;
  if (capped) {
    const rowOf = new Map<string, AvailabilityRow>();
    for (const row of problem.rows) if (isOrderable(row)) rowOf.set(key(row.domain), row);
    for (const item of items) item.group = groupOf(rowOf.get(item.name) as AvailabilityRow);
  }
  const capOf = (group: string): number =>
    typeof maxPerGroup === 'function' ? maxPerGroup(group) : (maxPerGroup ?? Number.POSITIVE_INFINITY);

  // Pins: name → provider ('any' when none; 'conflict' when pinned to both).
  const pins = new Map<string, 'google' | 'microsoft' | 'any' | 'conflict'>();
  for (const pin of problem.pinned ?? []) {
    const name = key(typeof pin === 'string' ? pin : pin.domain);
    const provider = typeof pin === 'string' ? undefined : pin.provider;
    const before = pins.get(name);
    if (before === undefined || before === 'any') pins.set(name, provider ?? 'any');
    else if (provider !== undefined && provider !== before) pins.set(name, 'conflict');
  }
  const index = new Map(items.map((item, i) => [item.name, i]));
  for (const name of pins.keys()) if (!index.has(name) || pins.get(name) === 'conflict') return null;

  const needGoogle = problem.required.google;
  const needMicrosoft = problem.required.microsoft;
  const size = needGoogle + needMicrosoft;
  const n = items.length;
  if (size > n) return null;

  let best: { google: string[]; microsoft: string[]; first: number; renewal: number; total: number } | null = null;
  const visit = (mask: number): void => {
    const chosen: Item[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) chosen.push(items[i] as Item);
    for (const name of pins.keys()) if (!(mask & (1 << (index.get(name) as number)))) return;
    if (capped) {
      const counts = new Map<string, number>();
      for (const item of chosen) counts.set(item.group, (counts.get(item.group) ?? 0) + 1);
      for (const [group, count] of counts) if (count > capOf(group)) return;
    }
    // Explicit assignment: pinned providers first, then one-provider rows, then the rest.
    const google: string[] = [];
    const microsoft: string[] = [];
    const flexible: Item[] = [];
    for (const item of chosen) {
      const pin = pins.get(item.name);
      if (pin === 'google') {
        if (!item.google) return;
        google.push(item.name);
      } else if (pin === 'microsoft') {
        if (!item.microsoft) return;
        microsoft.push(item.name);
      } else if (!item.microsoft) google.push(item.name);
      else if (!item.google) microsoft.push(item.name);
      else flexible.push(item);
    }
    for (const item of flexible) (microsoft.length < needMicrosoft ? microsoft : google).push(item.name);
    if (google.length !== needGoogle || microsoft.length !== needMicrosoft) return;
    let first = 0;
    let renewal = 0;
    for (const item of chosen) {
      first += item.price;
      renewal += item.renewal;
    }
    const total = first + (years - 1) * renewal;
    if (best === null || total < best.total) best = { google, microsoft, first, renewal, total };
  };
  if (size === 0) visit(0);
  else {
    // Gosper's hack: every mask with exactly `size` bits below 2^n.
    const limit = 2 ** n;
    let mask = 2 ** size - 1;
    while (mask < limit) {
      visit(mask);
      const low = mask & -mask;
      const ripple = mask + low;
      mask = (((ripple ^ mask) >>> 2) / low) | ripple;
    }
  }
  if (best === null) return null;
  const found: { google: string[]; microsoft: string[]; first: number; renewal: number; total: number } = best;
  const google = found.google.slice().sort(compareNames);
  const microsoft = found.microsoft.slice().sort(compareNames);
  const domains = [...google, ...microsoft].sort(compareNames);
  const currency = items.find((item) => domains.includes(item.name) && item.currency !== undefined)?.currency ?? null;
  return {
    status: 'optimal',
    google,
    microsoft,
    domains,
    cost: {
      first_year_cents: found.first,
      renewal_cents: found.renewal,
      total_cents: found.total,
      currency,
    },
  };
}
