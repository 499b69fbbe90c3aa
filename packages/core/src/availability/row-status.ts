/**
 * "Can this row be ordered, and if not, why?": decided here once, for the solver, the order
 * builders, the sandbox's order validation and the element's row display
 * (docs/peeker-api.md §3: `available`, `premium`, `usable_for`, `reason`).
 */
import type { AvailabilityRow } from './availability-row.ts';

/**
 * What a row says about its name, one value per way a name can be (un)orderable.
 *
 * - `unchecked`: no answer yet (no row).
 * - `available`: orderable now: available, not premium, priced, usable for Google and/or Microsoft.
 * - `taken`: registered by someone else (also any `reason` Peeker sends that this code does not know).
 * - `premium`: premium price; never orderable through the API.
 * - `invalid`: not a name that can be registered (said locally by the checker, or by Peeker).
 * - `errored`: the check failed after every retry; ask again.
 * - `stale`: Peeker's cached answer expired and is refreshing; ask again shortly.
 * - `unpriced`: marked available but without a first-year price.
 * - `unusable`: available and priced, but usable for neither Google nor Microsoft.
 */
export const RowStatus = {
  unchecked: 'unchecked',
  available: 'available',
  taken: 'taken',
  premium: 'premium',
  invalid: 'invalid',
  errored: 'errored',
  stale: 'stale',
  unpriced: 'unpriced',
  unusable: 'unusable',
} as const;
/** One of {@link RowStatus}. */
export type RowStatus = (typeof RowStatus)[keyof typeof RowStatus];

/** What {@link classifyRow} says about a row. */
export interface RowClassification {
  /** How the row is to be read (and shown). */
  readonly status: RowStatus;
  /** Whether the name may be placed in an order now (`status === 'available'`). */
  readonly orderable: boolean;
  /**
   * Why the row cannot be ordered, as a machine-readable code, or `null` when it can:
   * `not_checked` (no row), `taken`, `premium`, `invalid`, `errored`, `stale`, `unavailable`
   * (`available: false` without a reason), `unpriced`, `no_usable_provider`, or an unknown
   * `reason` Peeker sent, passed through as it is. This is `buildOrderRequest`'s
   * `not_orderable.details.reason`.
   */
  readonly reason: string | null;
  /** The name can fill a Google slot (orderable rows only). */
  readonly google: boolean;
  /** The name can fill a Microsoft slot (orderable rows only). */
  readonly microsoft: boolean;
  /** Asking again may give another answer: `unchecked`, `errored` and `stale` rows. */
  readonly needsCheck: boolean;
}

/** Bit of {@link orderableProviders}: the row can fill a Google slot. */
export const CAN_GOOGLE = 1;
/** Bit of {@link orderableProviders}: the row can fill a Microsoft slot. */
export const CAN_MICROSOFT = 2;

/**
 * The providers an orderable row can serve, as `CAN_GOOGLE | CAN_MICROSOFT` bits; 0 when the
 * row is not orderable. This is the orderability rule itself, in the form the solver's hot
 * loop reads (no object per row); {@link classifyRow} builds on it.
 * @param row - an availability row (must be an object)
 * @returns the provider bits, 0 when the row cannot be ordered
 * @example
 * ```ts
 * orderableProviders({ domain: 'a.com', available: true, price_cents: 1000, usable_for: ['google'] }); // CAN_GOOGLE
 * ```
 */
export function orderableProviders(row: AvailabilityRow): number {
  if (row.available !== true || row.premium === true || !Number.isSafeInteger(row.price_cents)) return 0;
  const usable: unknown = row.usable_for;
  if (!Array.isArray(usable)) return 0;
  let mask = 0;
  for (let u = 0; u < usable.length; u++) {
    const provider: unknown = usable[u];
    if (provider === 'google') mask |= CAN_GOOGLE;
    else if (provider === 'microsoft') mask |= CAN_MICROSOFT;
  }
  return mask;
}

const KNOWN_UNAVAILABLE: ReadonlySet<string> = new Set(['taken', 'premium', 'invalid', 'errored', 'stale']);

function unorderable(status: RowStatus, reason: string): RowClassification {
  return {
    status,
    orderable: false,
    reason,
    google: false,
    microsoft: false,
    needsCheck: status === 'unchecked' || status === 'errored' || status === 'stale',
  };
}

/**
 * Classifies an availability row: its status, whether it is orderable, and why not.
 *
 * Precedence: orderable rows are `available`; then `premium` (`premium: true` or reason
 * `premium`); then `available: false` by its `reason` (`invalid`, `errored`, `stale`,
 * `taken`; unknown or missing reasons read as `taken`); then rows marked available that
 * still cannot be ordered: `unpriced`, else `unusable`.
 *
 * @param row - the latest row for a name, or `null`/`undefined` when there is none yet
 * @returns the classification (a fresh object)
 * @example
 * ```ts
 * classifyRow({ domain: 'team-acme.com', available: false, premium: false, reason: 'taken' });
 * // { status: 'taken', orderable: false, reason: 'taken', google: false, microsoft: false, needsCheck: false }
 * classifyRow(null).status; // 'unchecked'
 * ```
 */
export function classifyRow(row: AvailabilityRow | null | undefined): RowClassification {
  if (row === null || row === undefined) return unorderable('unchecked', 'not_checked');
  const providers = orderableProviders(row);
  if (providers !== 0) {
    return {
      status: 'available',
      orderable: true,
      reason: null,
      google: (providers & CAN_GOOGLE) !== 0,
      microsoft: (providers & CAN_MICROSOFT) !== 0,
      needsCheck: false,
    };
  }
  const reason = typeof row.reason === 'string' && row.reason !== '' ? row.reason : undefined;
  if (row.premium === true || reason === 'premium') return unorderable('premium', 'premium');
  if (row.available !== true) {
    const status = reason !== undefined && KNOWN_UNAVAILABLE.has(reason) ? (reason as RowStatus) : 'taken';
    return unorderable(status, reason ?? 'unavailable');
  }
  if (!Number.isSafeInteger(row.price_cents)) return unorderable('unpriced', 'unpriced');
  return unorderable('unusable', 'no_usable_provider');
}

/**
 * Whether a row may be placed in an order now: available, not premium, priced, and usable for
 * Google and/or Microsoft. Shorthand for `classifyRow(row).orderable` (see `classifyRow` for
 * why a row is not orderable).
 * @param row - an availability row
 * @returns true when the solver may choose it
 * @example
 * ```ts
 * rows.filter(isOrderable);
 * ```
 */
export function isOrderable(row: AvailabilityRow): boolean {
  return orderableProviders(row) !== 0;
}
