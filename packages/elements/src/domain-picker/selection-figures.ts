import { isOrderable, type AvailabilityRow, type SlotAssignment } from '@peeker/core';
import type { PeekerMessages } from '../messages.ts';
import type { Entry } from './domain-entries.ts';
import { horizonCents, naiveCost } from './naive-baseline.ts';

/** A chosen name and its latest row. */
type Chosen = { domain: string; row: AvailabilityRow | null };

/**
 * First-year and renewal totals of the chosen orderable names, and their currency (an empty
 * selection still shows one, taken from any priced name, so it reads "$0.00"). Internal.
 * @param chosen - the chosen names with their rows
 * @param entries - every listed entry (for the currency of an empty selection)
 * @returns the totals in cents
 */
export function selectionTotals(
  chosen: readonly Chosen[],
  entries: Iterable<Entry>,
): { firstYear: number; renewal: number; currency: string | undefined } {
  let firstYear = 0;
  let renewal = 0;
  let currency: string | undefined;
  for (const { row } of chosen) {
    if (!row || !isOrderable(row)) continue;
    firstYear += row.price_cents ?? 0;
    renewal += row.renewal_price_cents ?? 0;
    currency ??= row.currency;
  }
  if (currency === undefined) for (const { row } of entries) if ((currency ??= row?.currency)) break;
  return { firstYear, renewal, currency };
}

/**
 * Cents a complete selection saves over picking the cheapest-looking names by hand (see
 * naive-baseline.ts) over the cost horizon, or null when it saves nothing. Internal.
 * @param chosen - the chosen names with their rows
 * @param pool - the rows the customer could have picked from (hand-removed names excluded)
 * @param required - slots per provider
 * @param years - cost horizon
 * @returns the saving, or null
 */
export function selectionSavings(
  chosen: readonly Chosen[],
  pool: readonly AvailabilityRow[],
  required: { google: number; microsoft: number },
  years: number,
): number | null {
  const naive = naiveCost(pool, required, years);
  if (naive === null) return null;
  let cost = 0;
  for (const { row } of chosen) if (row) cost += horizonCents(row, years);
  return naive - cost > 0 ? naive - cost : null;
}

/**
 * How many listed names have an answer, and how many of those can be ordered. Internal.
 * @param entries - every listed entry
 * @returns the counts
 */
export function checkedCounts(entries: Iterable<Entry>): { checked: number; available: number; failed: number } {
  let checked = 0;
  let available = 0;
  let failed = 0;
  for (const { row } of entries) {
    if (row === null) continue;
    checked += 1;
    if (isOrderable(row)) available += 1;
    if (row.reason === 'errored' || row.reason === 'stale') failed += 1;
  }
  return { checked, available, failed };
}

/**
 * What the live region says once checks land: names available of names checked, and how
 * full each side is. Internal.
 * @param m - messages
 * @param entries - every listed entry
 * @param slots - the current slot assignment
 * @param required - slots per provider
 * @returns the sentence
 */
export function announcement(
  m: PeekerMessages,
  entries: Iterable<Entry>,
  slots: SlotAssignment,
  required: { google: number; microsoft: number },
): string {
  const { available, checked } = checkedCounts(entries);
  return m.announceCounts({
    available,
    checked,
    google: slots.google.length,
    googleNeed: required.google,
    microsoft: slots.microsoft.length,
    microsoftNeed: required.microsoft,
  });
}
