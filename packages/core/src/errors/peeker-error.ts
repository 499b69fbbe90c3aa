const BRAND = Symbol.for('peeker.error');

/**
 * Every error code `@peeker/core` raises. Subclasses narrow it.
 *
 * - `invalid_domain`: a name failed {@link normalizeDomain}.
 * - `invalid_brand`: `generateCandidates` got a brand it cannot build names from.
 * - `mixed_currency`: availability rows priced in more than one currency.
 * - `invalid_order`: {@link buildOrderRequest} found problems (see `OrderValidationError.issues`).
 * - `missing_header`, `invalid_timestamp`, `timestamp_out_of_tolerance`, `invalid_signature`, `invalid_payload`: raised as `WebhookVerificationError`.
 * - API codes (`rate_limited`, `invalid_request`, …) live on `PeekerApiError`; unknown API codes pass through as strings.
 */
export type PeekerErrorCode =
  | 'invalid_domain'
  | 'invalid_brand'
  | 'mixed_currency'
  | 'duplicate_domain'
  | 'invalid_order'
  | 'missing_header'
  | 'invalid_timestamp'
  | 'timestamp_out_of_tolerance'
  | 'invalid_signature'
  | 'invalid_payload'
  | 'network_error'
  | 'timeout'
  | (string & {});

/** Options accepted by the {@link PeekerError} constructor. */
export interface PeekerErrorOptions {
  /** The underlying error, if any. */
  cause?: unknown;
  /** Whether trying the same call again later may succeed. @default false */
  retryable?: boolean;
  /** How long to wait before retrying, when the source said so. */
  retryAfterMs?: number;
}

/**
 * Base class of every error `@peeker/core` throws on purpose (wrong argument *types* are
 * plain `TypeError`s). Recognise it with {@link PeekerError.is}, which works even when two
 * copies of the library are bundled on one page (the brand is a registered symbol).
 *
 * @example
 * ```ts
 * try { normalizeDomain(input) } catch (e) {
 *   if (PeekerError.is(e) && e.code === 'invalid_domain') showHint(e.message);
 * }
 * ```
 */
export class PeekerError extends Error {
  /** Brand for cross-copy recognition; see {@link PeekerError.is}. */
  readonly [BRAND] = true as const;
  /** Machine-readable code; branch on this, never on `message`. */
  readonly code: PeekerErrorCode;
  /** Whether the same call may succeed later (429, 5xx, network, timeout). */
  readonly retryable: boolean;
  /** Suggested wait before a retry, in milliseconds, when known. */
  readonly retryAfterMs: number | undefined;

  constructor(code: PeekerErrorCode, message: string, options: PeekerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PeekerError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }

  /**
   * True for any `PeekerError` (or subclass), from this or another copy of the library.
   * @param value - anything caught
   * @returns whether `value` is a `PeekerError`
   */
  static is(value: unknown): value is PeekerError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === true
    );
  }
}
