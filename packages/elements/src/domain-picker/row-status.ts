import { isOrderable, type AvailabilityRow } from '@peeker/core';

/** How a row is shown: derived from Peeker's row, never stored on it. */
export const RowStatus = {
  checking: 'checking',
  available: 'available',
  taken: 'taken',
  premium: 'premium',
  invalid: 'invalid',
  error: 'error',
  stale: 'stale',
} as const;
/** One of {@link RowStatus}. */
export type RowStatus = (typeof RowStatus)[keyof typeof RowStatus];

/**
 * Derives the display status of a row.
 * @param row - the latest answer, or null while checking
 * @returns the status shown in text and icon
 */
export function statusOf(row: AvailabilityRow | null): RowStatus {
  if (row === null) return 'checking';
  if (isOrderable(row)) return 'available';
  const reason = row.reason;
  if (row.premium === true || reason === 'premium') return 'premium';
  if (reason === 'invalid' || reason === 'stale' || reason === 'taken') return reason as RowStatus;
  // errored, or available but unpriced, or an unknown reason: cannot be ordered; say so plainly
  return reason === 'errored' || row.available ? 'error' : 'taken';
}

/**
 * @param row - the latest answer, or null
 * @returns whether the row must be asked again (not answered, failed, or Peeker's answer expired)
 */
export const needsCheck = (row: AvailabilityRow | null): boolean =>
  row === null || row.reason === 'errored' || row.reason === 'stale';
