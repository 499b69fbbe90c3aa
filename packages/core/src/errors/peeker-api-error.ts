import { PeekerError, type PeekerErrorOptions } from './peeker-error.ts';

/** Fields of a {@link PeekerApiError} beyond the base error's. */
export interface PeekerApiErrorInit extends PeekerErrorOptions {
  /** HTTP status; 0 when no response arrived (network error, timeout). */
  status: number;
  /** Peeker's `error.code`, or `network_error` / `timeout`. Unknown codes pass through. */
  code: string;
  /** Peeker's `error.message` (human text; may change). */
  message: string;
  /** Peeker's `error.field`, naming the bad input. */
  field?: string;
  /** Peeker's `error.details`, shape depends on `code`. */
  details?: Record<string, unknown>;
  /** The `Peeker-Request-Id` response header; quote it to Peeker support. */
  requestId?: string;
}

/**
 * An error answered by the Peeker API (or by a partner's availability handler, which uses
 * the same envelope), or a transport failure on the way to it. `retryable` is true for 429,
 * 5xx and network failures; `retryAfterMs` comes from `details.retry_after_seconds` or a
 * `Retry-After` header. Never contains the API key.
 */
export class PeekerApiError extends PeekerError {
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  /** Peeker's `error.field`, if given. */
  readonly field: string | undefined;
  /** Peeker's `error.details`, if given. */
  readonly details: Record<string, unknown> | undefined;
  /** `Peeker-Request-Id` of the failed call, if a response arrived. */
  readonly requestId: string | undefined;

  constructor(init: PeekerApiErrorInit) {
    const retryable = init.retryable ?? (init.status === 0 || init.status === 429 || init.status >= 500);
    super(init.code, init.message, { cause: init.cause, retryable, retryAfterMs: init.retryAfterMs });
    this.name = 'PeekerApiError';
    this.status = init.status;
    this.field = init.field;
    this.details = init.details;
    this.requestId = init.requestId;
  }
}
