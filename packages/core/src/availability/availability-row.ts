/** A mail provider Peeker can run a domain on. */
export const Provider = { google: 'google', microsoft: 'microsoft' } as const;
/** `'google'` or `'microsoft'`. */
export type Provider = (typeof Provider)[keyof typeof Provider];

/** Why Peeker (or our checker) says a name cannot be ordered now. */
export const UnavailableReason = {
  taken: 'taken',
  premium: 'premium',
  invalid: 'invalid',
  errored: 'errored',
  stale: 'stale',
} as const;
/** One of {@link UnavailableReason}; unknown strings from the API pass through. */
export type UnavailableReason = (typeof UnavailableReason)[keyof typeof UnavailableReason] | (string & {});

/**
 * One row of `POST /domains/availability`, in Peeker's wire shape (snake_case). Available
 * rows carry prices and `usable_for`; unavailable rows carry a `reason`.
 *
 * Rows made locally by the checker (invalid names, batches that failed after every retry)
 * have the same shape, with `reason: 'invalid'` or `'errored'` and an optional `message`.
 */
export interface AvailabilityRow {
  /** The name checked (normalised). */
  domain: string;
  /** `true` = can be registered and ordered now. */
  available: boolean;
  /** The registry treats the name as premium: never orderable through the API. */
  premium?: boolean;
  /** First-year registration price, integer cents. Present on available rows. */
  price_cents?: number;
  /** Yearly renewal price, integer cents. Present on available rows. */
  renewal_price_cents?: number;
  /** ISO currency code; casing unconfirmed, compare case-insensitively. */
  currency?: string;
  /** Which providers the domain may be used for. Present on available rows. */
  usable_for?: readonly Provider[];
  /** Why it is unavailable. Present only when `available` is false. */
  reason?: UnavailableReason;
  /** Local explanation (our addition, never sent by Peeker): why a name is invalid, or what failed. */
  message?: string;
  /** When the answer was received, in epoch milliseconds (our addition; set by the checker). */
  checked_at?: number;
}
