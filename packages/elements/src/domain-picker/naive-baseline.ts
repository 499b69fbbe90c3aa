/**
 * What picking by hand would cost: the yardstick for the summary's "saves …" line. Internal.
 */
import type { AvailabilityRow } from '@peeker/core';

/** Cost of one row over the horizon: first year + (years − 1) × renewal, in cents. */
export const horizonCents = (row: AvailabilityRow, years: number): number =>
  (row.price_cents ?? 0) + (years - 1) * (row.renewal_price_cents ?? row.price_cents ?? 0);

/**
 * The cost over the horizon of what a customer picking by hand would likely choose: the
 * names with the cheapest-looking (first-year) price that still fit, scanning from the
 * cheapest. A name that can fill a Microsoft slot takes one while any is open (those are
 * the scarce ones), else a Google slot. Renewals are what this misses, so with `years > 1`
 * the exact optimiser can do better; the difference is only ever shown when positive.
 *
 * @param rows - the orderable rows the customer could pick from
 * @param required - slots per provider
 * @param years - cost horizon (≥ 1)
 * @returns the cost in cents, or null when these rows cannot fill the order
 * @example naiveCost(rows, { google: 15, microsoft: 4 }, 3) // 61200
 */
export function naiveCost(
  rows: readonly AvailabilityRow[],
  required: { google: number; microsoft: number },
  years: number,
): number | null {
  // plain code-unit comparison on ties, like the solver (never localeCompare)
  const sorted = [...rows].sort(
    (a, b) => (a.price_cents ?? 0) - (b.price_cents ?? 0) || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0),
  );
  let google = required.google;
  let microsoft = required.microsoft;
  let cents = 0;
  for (const row of sorted) {
    if (google + microsoft === 0) break;
    const usable = row.usable_for ?? [];
    if (microsoft > 0 && usable.includes('microsoft')) microsoft -= 1;
    else if (google > 0 && usable.includes('google')) google -= 1;
    else continue;
    cents += horizonCents(row, years);
  }
  return google + microsoft === 0 ? cents : null;
}
