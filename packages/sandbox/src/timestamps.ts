/** Timestamp helpers: ISO-8601 UTC without milliseconds, as Peeker writes them. */

/**
 * Formats epoch milliseconds as `2026-05-08T12:00:00Z`.
 * @param ms - epoch milliseconds
 * @returns the ISO string
 */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Adds calendar months in UTC (JavaScript's overflow rules: Jan 31 + 1 month = Mar 3).
 * @param ms - epoch milliseconds
 * @param months - months to add
 * @returns epoch milliseconds
 */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;
