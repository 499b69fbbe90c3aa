/**
 * Two greedy pickers to compare the exact solver with. Both order rows by first-year price
 * (what a customer sees first), ties by name, and skip rows that would break a cap.
 *
 * A. "Microsoft slots first": place the pins, fill the open Microsoft slots with the cheapest
 *    Microsoft-capable rows, then the Google slots with the cheapest of the rest.
 * B. A customer's typical way: take the cheapest names overall, then, while too few of them
 *    can go to Microsoft, swap the dearest Google-only pick for the cheapest Microsoft-capable
 *    name left.
 *
 * Without pins and caps and with a one-year horizon, A is optimal (exchange argument: a
 * Microsoft-capable row can fill either slot, a Google-only one only Google, and slot choice
 * does not change a row's cost), so the money lives in the constrained problems.
 */
import type { AvailabilityRow, SelectionProblem } from '@peeker/core';
import type { Assignment } from './check-selection.ts';
import { capOf, orderable } from './problems.ts';

type Side = 'google' | 'microsoft';

interface Prepared {
  sorted: AvailabilityRow[];
  byName: Map<string, AvailabilityRow>;
  groupKey: (row: AvailabilityRow) => string | null;
  cap: (key: string) => number;
  pins: { row: AvailabilityRow | undefined; provider: Side | undefined }[];
}

const msCapable = (row: AvailabilityRow): boolean => row.usable_for?.includes('microsoft') === true;
const byFirstYear = (a: AvailabilityRow, b: AvailabilityRow): number =>
  (a.price_cents ?? 0) - (b.price_cents ?? 0) || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0);

function prepare(problem: SelectionProblem): Prepared {
  const excluded = new Set(problem.excluded ?? []);
  const byName = new Map<string, AvailabilityRow>();
  for (const row of problem.rows) if (orderable(row) && !excluded.has(row.domain)) byName.set(row.domain, row);
  const sorted = [...byName.values()].sort(byFirstYear);
  const groupOf = problem.groupOf;
  return {
    sorted,
    byName,
    groupKey: groupOf === undefined || problem.maxPerGroup === undefined ? () => null : (row) => groupOf(row),
    cap: (key) => capOf(problem, key),
    pins: (problem.pinned ?? []).map((pin) =>
      typeof pin === 'string'
        ? { row: byName.get(pin), provider: undefined }
        : { row: byName.get(pin.domain), provider: pin.provider },
    ),
  };
}

/** Group counters with a cap. */
class Groups {
  readonly #counts = new Map<string, number>();
  constructor(readonly prepared: Prepared) {}
  fits(row: AvailabilityRow): boolean {
    const key = this.prepared.groupKey(row);
    return key === null || (this.#counts.get(key) ?? 0) < this.prepared.cap(key);
  }
  add(row: AvailabilityRow): void {
    const key = this.prepared.groupKey(row);
    if (key !== null) this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }
  remove(row: AvailabilityRow): void {
    const key = this.prepared.groupKey(row);
    if (key !== null) this.#counts.set(key, (this.#counts.get(key) ?? 0) - 1);
  }
}

/**
 * Greedy A: Microsoft slots first.
 * @param problem - the problem
 * @returns an assignment, or null when the greedy gets stuck
 */
export function greedyMicrosoftFirst(problem: SelectionProblem): Assignment | null {
  const p = prepare(problem);
  const { google: G, microsoft: M } = problem.required;
  const google: string[] = [];
  const microsoft: string[] = [];
  const used = new Set<string>();
  const groups = new Groups(p);
  for (const pin of p.pins) {
    const row = pin.row;
    if (row === undefined || used.has(row.domain) || !groups.fits(row)) return null;
    const side: Side | null =
      pin.provider === 'microsoft'
        ? msCapable(row) && microsoft.length < M
          ? 'microsoft'
          : null
        : pin.provider === 'google'
          ? google.length < G
            ? 'google'
            : null
          : msCapable(row) && microsoft.length < M
            ? 'microsoft'
            : google.length < G
              ? 'google'
              : null;
    if (side === null) return null;
    (side === 'google' ? google : microsoft).push(row.domain);
    used.add(row.domain);
    groups.add(row);
  }
  for (const row of p.sorted) {
    if (microsoft.length >= M) break;
    if (!msCapable(row) || used.has(row.domain) || !groups.fits(row)) continue;
    microsoft.push(row.domain);
    used.add(row.domain);
    groups.add(row);
  }
  for (const row of p.sorted) {
    if (google.length >= G) break;
    if (used.has(row.domain) || !groups.fits(row)) continue;
    google.push(row.domain);
    used.add(row.domain);
    groups.add(row);
  }
  return google.length === G && microsoft.length === M ? { google, microsoft } : null;
}

/**
 * Greedy B: cheapest overall first, then swap in Microsoft-capable names.
 * @param problem - the problem
 * @returns an assignment, or null when the greedy gets stuck
 */
export function greedyCheapestThenSwap(problem: SelectionProblem): Assignment | null {
  const p = prepare(problem);
  const { google: G, microsoft: M } = problem.required;
  const K = G + M;
  const groups = new Groups(p);
  const fixed = new Map<string, Side>();
  const chosen = new Map<string, AvailabilityRow>();
  for (const pin of p.pins) {
    const row = pin.row;
    if (row === undefined || chosen.has(row.domain) || !groups.fits(row)) return null;
    if (pin.provider === 'microsoft' && !msCapable(row)) return null;
    chosen.set(row.domain, row);
    groups.add(row);
    if (pin.provider !== undefined) fixed.set(row.domain, pin.provider);
  }
  for (const row of p.sorted) {
    if (chosen.size >= K) break;
    if (chosen.has(row.domain) || !groups.fits(row)) continue;
    chosen.set(row.domain, row);
    groups.add(row);
  }
  if (chosen.size < K) return null;
  const fixedMs = [...fixed.values()].filter((s) => s === 'microsoft').length;
  const fixedG = fixed.size - fixedMs;
  if (fixedMs > M || fixedG > G) return null;
  const pinned = new Set(p.pins.map((pin) => pin.row?.domain));
  const flexibleMs = (): number => [...chosen.values()].filter((r) => !fixed.has(r.domain) && msCapable(r)).length;
  // swap until enough chosen names can go to Microsoft
  while (flexibleMs() < M - fixedMs) {
    const out = [...chosen.values()]
      .filter((r) => !pinned.has(r.domain) && !msCapable(r))
      .sort(byFirstYear)
      .pop();
    if (out === undefined) return null;
    chosen.delete(out.domain);
    groups.remove(out);
    const inRow = p.sorted.find((r) => msCapable(r) && !chosen.has(r.domain) && r.domain !== out.domain && groups.fits(r));
    if (inRow === undefined) return null;
    chosen.set(inRow.domain, inRow);
    groups.add(inRow);
  }
  const google: string[] = [];
  const microsoft: string[] = [];
  for (const [domain, side] of fixed) (side === 'google' ? google : microsoft).push(domain);
  for (const row of [...chosen.values()].sort(byFirstYear)) {
    if (fixed.has(row.domain)) continue;
    if (microsoft.length < M && msCapable(row)) microsoft.push(row.domain);
    else google.push(row.domain);
  }
  return google.length === G && microsoft.length === M ? { google, microsoft } : null;
}
