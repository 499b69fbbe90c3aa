import { PeekerApiError } from '../errors/peeker-api-error.ts';
import { PeekerError } from '../errors/peeker-error.ts';
import { anySignal } from './any-signal.ts';
import { describeValue } from '../internal/describe-value.ts';
import { parseErrorEnvelope } from '../internal/parse-error-envelope.ts';
import type { AvailabilityTransport } from './create-availability-checker.ts';
import { parseAvailabilityResponse } from './parse-availability-response.ts';

/** Options of {@link createFetchTransport}. */
export interface FetchTransportOptions {
  /**
   * URL of the partner's availability handler (same request and response shape as Peeker's
   * `POST /domains/availability`). Relative URLs work in browsers (`'/api/peeker/availability'`).
   * Never point a browser at Peeker itself: that needs the API key.
   */
  endpoint: string | URL;
  /**
   * The `fetch` to call.
   * @default globalThis.fetch (looked up at call time)
   */
  fetch?: typeof fetch;
  /**
   * Extra request headers (for example a CSRF token). `Content-Type` and `Accept` default to
   * `application/json`. Never put a Peeker API key here in browser code.
   * @default {}
   */
  headers?: HeadersInit;
  /**
   * Gives up on one call after this many milliseconds (headers and body), with a retryable
   * `PeekerApiError` code `timeout`. `Infinity` disables it.
   * @default 15000
   */
  timeoutMs?: number;
}

/**
 * Creates an {@link AvailabilityTransport} that POSTs `{"domains":[…]}` as JSON to a partner's
 * availability handler with `fetch` and parses `{"data":{"domains":[rows]}}` with
 * {@link parseAvailabilityResponse}. The body also carries `"fresh": true` when the checker
 * asks for fresh rows (the handler then skips its cache) and `"timeout_ms"` (the handler
 * refuses at once with 429 what it could not answer in time). Browser-safe: only `fetch`, `AbortController` and
 * `AbortSignal` (`AbortSignal.any` where available, a manual link otherwise).
 *
 * Failures become `PeekerApiError`s the checker knows how to retry:
 * - HTTP 4xx/5xx: the error envelope (`code`, `message`, `field`, `details`, the
 *   `Peeker-Request-Id` header); 429 and 5xx are retryable, and 429's
 *   `details.retry_after_seconds` (or a `Retry-After` header) becomes `retryAfterMs`;
 * - no answer (DNS, refused, reset): status 0, code `network_error`, retryable;
 * - no answer within `timeoutMs`: status 0, code `timeout`, retryable;
 * - a 2xx body that is not JSON or not the expected shape: code `invalid_response`, not
 *   retryable.
 * An abort of the caller's signal rejects with `signal.reason` unchanged.
 *
 * @param options - see {@link FetchTransportOptions}
 * @returns the transport, to pass as `createAvailabilityChecker({ transport })`
 * @throws TypeError when `endpoint` is not a string or URL, `fetch` not a function, or
 *   `timeoutMs` not a positive number
 * @example
 * ```ts
 * const checker = createAvailabilityChecker({
 *   transport: createFetchTransport({ endpoint: '/api/peeker/availability' }),
 * });
 * const rows = await checker.check(['getacme.com', 'acmehq.com'], { signal });
 * ```
 */
export function createFetchTransport(options: FetchTransportOptions): AvailabilityTransport {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected options to be an object, got ${describeValue(options)}`);
  }
  const { endpoint, headers, timeoutMs = 15_000 } = options;
  if (!(typeof endpoint === 'string' && endpoint !== '') && !(endpoint instanceof URL)) {
    throw new TypeError(`Expected endpoint to be a non-empty string or URL, got ${describeValue(endpoint)}`);
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError(`Expected fetch to be a function, got ${describeValue(options.fetch)}`);
  }
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError(`Expected timeoutMs to be a positive number, got ${describeValue(timeoutMs)}`);
  }
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseHeaders = new Headers(headers);
  if (!baseHeaders.has('content-type')) baseHeaders.set('content-type', 'application/json');
  if (!baseHeaders.has('accept')) baseHeaders.set('accept', 'application/json');

  return async (domains, { signal, fresh }) => {
    if (!Array.isArray(domains) || domains.some((d) => typeof d !== 'string')) {
      throw new TypeError(`Expected domains to be an array of strings, got ${describeValue(domains)}`);
    }
    signal.throwIfAborted();

    const timeout = new AbortController();
    const timer = Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timeout.abort(
            new PeekerApiError({
              status: 0,
              code: 'timeout',
              message: `The availability endpoint did not answer within ${timeoutMs} ms`,
              retryable: true,
            }),
          );
        }, timeoutMs)
      : undefined;
    const linked = anySignal([signal, timeout.signal]);

    // Any failure while waiting for headers or body: abort wins, then timeout, then network.
    const failure = (error: unknown): unknown => {
      if (signal.aborted) return signal.reason;
      if (timeout.signal.aborted) return timeout.signal.reason;
      if (PeekerError.is(error)) return error;
      return new PeekerApiError({
        status: 0,
        code: 'network_error',
        message: `Could not reach the availability endpoint${error instanceof Error && error.message ? `: ${error.message}` : ''}`,
        cause: error,
        retryable: true,
      });
    };

    try {
      let response: Response;
      let text: string;
      try {
        response = await doFetch(endpoint, {
          method: 'POST',
          headers: baseHeaders,
          // `fresh` asks the handler to skip its cache; `timeout_ms` lets it refuse at once
          // (429) work it could not finish before this call gives up.
          body: JSON.stringify({
            domains,
            ...(fresh === true ? { fresh: true } : {}),
            ...(Number.isFinite(timeoutMs) ? { timeout_ms: timeoutMs } : {}),
          }),
          signal: linked.signal,
        });
        text = await response.text();
      } catch (error) {
        throw failure(error);
      }
      const requestId = response.headers.get('peeker-request-id') ?? undefined;
      if (!response.ok) {
        throw parseErrorEnvelope(response.status, text, {
          requestId,
          retryAfter: response.headers.get('retry-after'),
        });
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new PeekerApiError({
          status: response.status,
          code: 'invalid_response',
          message: 'The availability endpoint answered with a body that is not JSON',
          requestId,
          cause: error,
          retryable: false,
        });
      }
      try {
        return parseAvailabilityResponse(json);
      } catch (error) {
        if (error instanceof PeekerApiError) {
          throw new PeekerApiError({
            status: response.status,
            code: error.code,
            message: error.message,
            requestId,
            retryable: false,
          });
        }
        throw error;
      }
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      linked.dispose();
    }
  };
}
