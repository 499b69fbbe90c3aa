import type { AvailabilityRow } from '@peeker/core';

/** How chosen names would fill the order's slots right now. Internal. */
export interface SlotAssignment {
  /** Names counted towards Google slots (sorted). */
  google: string[];
  /** Names counted towards Microsoft slots (sorted). */
  microsoft: string[];
  /** Orderable names beyond what either side needs (sorted). */
  extra: string[];
  /** Chosen names that cannot fill any slot (unchecked, taken, premium…), sorted. */
  unusable: string[];
}

/**
 * Counts how a partial selection fills the requirement, for the meters and validity.
 * Microsoft-only names go to Microsoft, Google-only names to Google; dual-capable names
 * fill the Microsoft slots that are still open first (they are the scarce resource), then
 * Google. This maximises the number of filled slots. Ties are broken by name, so the
 * result is deterministic. The order's exact assignment comes from `solveSelection`.
 *
 * @param chosen - the chosen names, each with its latest row (or null when not answered yet)
 * @param required - slots per provider
 * @param orderable - whether a row may be ordered (`isOrderable`)
 * @returns the assignment
 */
export function assignSlots(
  chosen: ReadonlyArray<{ domain: string; row: AvailabilityRow | null }>,
  required: { google: number; microsoft: number },
  orderable: (row: AvailabilityRow) => boolean,
): SlotAssignment {
  const sorted = [...chosen].sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  const googleOnly: string[] = [];
  const microsoftOnly: string[] = [];
  const dual: string[] = [];
  const unusable: string[] = [];
  for (const { domain, row } of sorted) {
    if (row === null || !orderable(row)) {
      unusable.push(domain);
      continue;
    }
    const usable = row.usable_for ?? [];
    const g = usable.includes('google');
    const m = usable.includes('microsoft');
    if (g && m) dual.push(domain);
    else if (g) googleOnly.push(domain);
    else if (m) microsoftOnly.push(domain);
    else unusable.push(domain);
  }
  const extra: string[] = [];
  const microsoft = microsoftOnly.slice(0, required.microsoft);
  extra.push(...microsoftOnly.slice(required.microsoft));
  const open = Math.max(0, required.microsoft - microsoft.length);
  microsoft.push(...dual.slice(0, open));
  const googlePool = [...googleOnly, ...dual.slice(open)];
  const google = googlePool.slice(0, required.google);
  extra.push(...googlePool.slice(required.google));
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    google: google.sort(byName),
    microsoft: microsoft.sort(byName),
    extra: extra.sort(byName),
    unusable,
  };
}
