/**
 * Retry delays, one formula for the availability checker and the server client's order retries.
 * Internal: never exported from the package.
 */

/** Inputs of {@link computeBackoff}. */
export interface BackoffInput {
  /** 0 for the first retry, 1 for the second, … */
  retryIndex: number;
  /** Delay before the first retry, before jitter. */
  minBackoffMs: number;
  /** Upper bound of an exponential delay, jitter included. */
  maxBackoffMs: number;
  /** Growth per retry. */
  factor: number;
  /** Uniform jitter is drawn from [0, maxJitterMs). */
  maxJitterMs: number;
  /** The server's requested wait (Peeker's `details.retry_after_seconds`, or `Retry-After`). */
  retryAfterMs: number | undefined;
  /** Source of jitter in [0, 1). */
  random: () => number;
}

/**
 * How long to wait before a retry.
 *
 * - When the server named a wait (`retryAfterMs`), wait exactly that plus 0–`maxJitterMs`
 *   of jitter, as Peeker advises for 429 ("wait `retry_after_seconds` plus 0–1 s"). It is
 *   not capped by `maxBackoffMs`: retrying earlier would only be refused again.
 * - Otherwise exponential: `minBackoffMs × factor^retryIndex` plus the same jitter, capped
 *   at `maxBackoffMs`.
 *
 * @param input - see {@link BackoffInput}
 * @returns a whole number of milliseconds ≥ 0
 */
export function computeBackoff(input: BackoffInput): number {
  const r = input.random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  const jitter = Math.floor(unit * input.maxJitterMs);
  if (input.retryAfterMs !== undefined && Number.isFinite(input.retryAfterMs) && input.retryAfterMs >= 0) {
    return Math.ceil(input.retryAfterMs) + jitter;
  }
  const exponential = input.minBackoffMs * input.factor ** input.retryIndex;
  return Math.max(0, Math.ceil(Math.min(input.maxBackoffMs, exponential + jitter)));
}
