/**
 * Turns an HTTP error answer (Peeker's error envelope, or a partner's availability handler,
 * which uses the same envelope) into a {@link PeekerApiError}. Shared by the browser fetch
 * transport and the server client. Internal: never exported from the package.
 */
import { PeekerApiError } from '../errors/peeker-api-error.ts';
import { isPlainObject } from './is-plain-object.ts';

/** Response headers {@link parseErrorEnvelope} looks at, already read from the response. */
export interface ErrorEnvelopeHeaders {
  /** The `Peeker-Request-Id` header, if any. */
  requestId?: string | null | undefined;
  /** The `Retry-After` header, if any: delta-seconds or an HTTP-date. */
  retryAfter?: string | null | undefined;
}

/** Code used when the body has no usable `error.code`, by HTTP status. */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  429: 'rate_limited',
};

/**
 * Reads a `Retry-After` value: delta-seconds (`"12"`) or an HTTP-date.
 * @returns milliseconds to wait (≥ 0), or undefined when absent or unreadable
 */
function parseRetryAfterHeader(value: string | null | undefined, now: () => number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now());
}

/**
 * Builds the error for a non-2xx answer.
 *
 * - `code`, `message`, `field`, `details` come from `{"error":{…}}` when the body is that
 *   envelope; otherwise (HTML from a proxy, empty body, other JSON) the code follows the
 *   status (`invalid_request` 400, `unauthorized` 401, `forbidden` 403, `not_found` 404,
 *   `rate_limited` 429, `server_error` 5xx, `http_error` otherwise) and the message says
 *   that no envelope came. The raw body never goes into the message.
 * - `retryAfterMs` comes from `details.retry_after_seconds` (Peeker's 429), else from the
 *   `Retry-After` header (seconds or HTTP-date).
 * - `retryable` follows {@link PeekerApiError}: true for 429 and 5xx.
 *
 * @param status - the HTTP status (4xx or 5xx)
 * @param bodyText - the response body as text (may be empty or not JSON)
 * @param headers - the request id and `Retry-After`, read from the response
 * @param now - clock for an HTTP-date `Retry-After`, epoch milliseconds
 * @returns the error to throw (never throws itself)
 * @example
 * ```ts
 * if (!response.ok) {
 *   throw parseErrorEnvelope(response.status, await response.text(), {
 *     requestId: response.headers.get('peeker-request-id'),
 *     retryAfter: response.headers.get('retry-after'),
 *   });
 * }
 * ```
 */
export function parseErrorEnvelope(
  status: number,
  bodyText: string,
  headers: ErrorEnvelopeHeaders = {},
  now: () => number = Date.now,
): PeekerApiError {
  let envelope: Record<string, unknown> | undefined;
  try {
    const json: unknown = JSON.parse(bodyText);
    if (isPlainObject(json) && isPlainObject(json.error)) envelope = json.error;
  } catch {
    envelope = undefined;
  }

  const fallbackCode = CODE_BY_STATUS[status] ?? (status >= 500 ? 'server_error' : 'http_error');
  const code = typeof envelope?.code === 'string' && envelope.code !== '' ? envelope.code : fallbackCode;
  const message =
    typeof envelope?.message === 'string' && envelope.message !== ''
      ? envelope.message
      : envelope === undefined
        ? `HTTP ${status} without an error envelope`
        : `HTTP ${status} (${code})`;
  const field = typeof envelope?.field === 'string' ? envelope.field : undefined;
  const details = isPlainObject(envelope?.details) ? envelope.details : undefined;

  let retryAfterMs: number | undefined;
  const seconds = details?.retry_after_seconds;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) {
    retryAfterMs = Math.round(seconds * 1000);
  } else {
    retryAfterMs = parseRetryAfterHeader(headers.retryAfter, now);
  }

  const requestId = typeof headers.requestId === 'string' && headers.requestId !== '' ? headers.requestId : undefined;
  return new PeekerApiError({ status, code, message, field, details, requestId, retryAfterMs });
}
