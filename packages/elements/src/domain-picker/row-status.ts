import { classifyRow, type AvailabilityRow } from '@peeker/core';

/**
 * How a row is shown: one display status per way core's `classifyRow` reads a row (the
 * element decides nothing about orderability itself).
 */
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

/** Core's statuses as shown: no answer yet is "checking"; rows that cannot be ordered for a reason the customer cannot act on read as an error. */
const SHOWN: Record<ReturnType<typeof classifyRow>['status'], RowStatus> = {
  unchecked: 'checking',
  available: 'available',
  taken: 'taken',
  premium: 'premium',
  invalid: 'invalid',
  errored: 'error',
  stale: 'stale',
  unpriced: 'error',
  unusable: 'error',
};

/**
 * Derives the display status of a row.
 * @param row - the latest answer, or null while checking
 * @returns the status shown in text and icon
 */
export const statusOf = (row: AvailabilityRow | null): RowStatus => SHOWN[classifyRow(row).status];

/**
 * @param row - the latest answer, or null
 * @returns whether the row must be asked again (not answered, failed, or Peeker's answer expired)
 */
export const needsCheck = (row: AvailabilityRow | null): boolean => classifyRow(row).needsCheck;
