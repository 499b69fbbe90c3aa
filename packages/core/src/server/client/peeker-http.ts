/**
 * The one place `@peeker/core/server` talks HTTP to Peeker, with undici. Server-internal:
 * the client builds on it; it is not exported.
 *
 * - Every call sends exactly one auth header (`Authorization: Bearer <key>`).
 * - Idempotent GETs go through undici's `interceptors.retry` (429 and 5xx and dropped
 *   connections, honouring a `Retry-After` header). POST, PATCH and DELETE never do: the
 *   availability checker owns availability retries, and `createOrder` owns order retries.
 * - Every non-2xx becomes a `PeekerApiError` (via the shared envelope parser); transport
 *   failures become status 0 `network_error` / `timeout`. All text is scrubbed of the key
 *   and of any extra secret the caller names (the Smartlead password of an order).
 */
import { Agent, interceptors, request, type Dispatcher } from 'undici';
import { PeekerApiError } from '../../errors/peeker-api-error.ts';
import { parseErrorEnvelope } from '../../internal/parse-error-envelope.ts';
import { redactText, redactValue } from '../http/redact-secrets.ts';

/** One line for a client logger: what was called and how it ended. Never holds secrets. */
export interface PeekerClientLogEntry {
  /** HTTP method. */
  method: string;
  /** Path and query of the call (e.g. `/partner/v1/bundles?per_page=25`). */
  path: string;
  /** HTTP status, or 0 when no response arrived. */
  status: number;
  /** `Peeker-Request-Id` of the response, when one arrived. */
  requestId: string | undefined;
  /** Wall time of the call including undici's GET retries, in milliseconds. */
  durationMs: number;
  /** Error code for failures (`rate_limited`, `network_error`, …). */
  errorCode?: string;
}

/** Retry settings for idempotent GETs (undici's retry interceptor). */
export interface GetRetryOptions {
  /**
   * Retries after the first attempt.
   * @default 3
   */
  maxRetries?: number;
  /**
   * First backoff when no `Retry-After` header came; doubles per retry.
   * @default 500
   */
  minTimeoutMs?: number;
  /**
   * Longest single wait, also the cap for `Retry-After`.
   * @default 30000
   */
  maxTimeoutMs?: number;
}

/** Settings of {@link createPeekerHttp}. */
export interface PeekerHttpOptions {
  apiKey: string;
  baseUrl: URL;
  dispatcher: Dispatcher | undefined;
  timeoutMs: number;
  userAgent: string;
  getRetry: GetRetryOptions | false;
  logger: ((entry: PeekerClientLogEntry) => void) | undefined;
}

/** One call. Exactly one of `path` (relative to the base URL) or `url` (absolute). */
export interface PeekerHttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path?: string;
  url?: string;
  query?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  /** A JSON text, sent as is (byte-identical on retries). */
  body?: string;
  signal?: AbortSignal | undefined;
  /** More secrets to scrub from errors (e.g. a Smartlead password). */
  secrets?: readonly string[];
}

/** A 2xx answer. */
export interface PeekerHttpResponse {
  status: number;
  /** Parsed JSON body; `undefined` for an empty body. */
  json: unknown;
  requestId: string | undefined;
}

/** The HTTP layer used by the client. */
export interface PeekerHttp {
  send(req: PeekerHttpRequest): Promise<PeekerHttpResponse>;
  /** Origin and path prefix every call goes to. */
  readonly baseUrl: URL;
  close(): Promise<void>;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

function headerString(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value[0];
  return value;
}

/**
 * Rebuilds an API error with every text scrubbed of secrets (the message, the field, details).
 * @param error - the parsed error
 * @param secrets - secrets to remove
 * @returns a scrubbed copy
 */
export function redactApiError(error: PeekerApiError, secrets: readonly string[]): PeekerApiError {
  return new PeekerApiError({
    status: error.status,
    code: redactText(error.code, secrets),
    message: redactText(error.message, secrets),
    field: error.field === undefined ? undefined : redactText(error.field, secrets),
    details: error.details === undefined ? undefined : redactValue(error.details, secrets),
    requestId: error.requestId,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
  });
}

/**
 * Creates the HTTP layer.
 * @param options - resolved client options
 * @returns `send` and `close`
 */
export function createPeekerHttp(options: PeekerHttpOptions): PeekerHttp {
  const { apiKey, baseUrl, timeoutMs, userAgent, logger } = options;
  const ownAgent = options.dispatcher === undefined ? new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs }) : undefined;
  const base: Dispatcher = options.dispatcher ?? (ownAgent as Agent);
  const getDispatcher: Dispatcher =
    options.getRetry === false
      ? base
      : base.compose(
          interceptors.retry({
            maxRetries: options.getRetry.maxRetries ?? 3,
            minTimeout: options.getRetry.minTimeoutMs ?? 500,
            maxTimeout: options.getRetry.maxTimeoutMs ?? 30_000,
            timeoutFactor: 2,
            methods: ['GET'],
            statusCodes: [429, 500, 502, 503, 504],
            // Keep the last answer instead of a bare RequestRetryError: its body holds
            // Peeker's error envelope and its headers the request id.
            throwOnError: false,
          }),
        );
  const basePath = baseUrl.pathname.replace(/\/+$/, '');
  const secretsOf = (req: PeekerHttpRequest): string[] => [apiKey, ...(req.secrets ?? [])];
  let closed = false;

  const resolveUrl = (req: PeekerHttpRequest): URL => {
    if (req.url !== undefined) {
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        throw new PeekerApiError({ status: 200, code: 'invalid_response', message: 'Peeker answered a link that is not a URL', retryable: false });
      }
      // Never send the key to another origin, whatever a response says.
      if (url.origin !== baseUrl.origin) {
        throw new PeekerApiError({
          status: 200,
          code: 'invalid_response',
          message: `Refusing to follow a link to another origin (${url.origin}); the API key is only sent to ${baseUrl.origin}`,
          retryable: false,
        });
      }
      return url;
    }
    const url = new URL(baseUrl.origin);
    url.pathname = `${basePath}${req.path ?? ''}`;
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value === undefined || value === null) continue;
      url.searchParams.append(key, String(value));
    }
    return url;
  };

  const send = async (req: PeekerHttpRequest): Promise<PeekerHttpResponse> => {
    if (closed) throw new PeekerApiError({ status: 0, code: 'client_closed', message: 'The Peeker client was closed', retryable: false });
    const url = resolveUrl(req);
    const pathForLog = redactText(`${url.pathname}${url.search}`, secretsOf(req));
    const started = performance.now();
    const log = (status: number, requestId: string | undefined, errorCode?: string): void => {
      if (logger === undefined) return;
      const entry: PeekerClientLogEntry = {
        method: req.method,
        path: pathForLog,
        status,
        requestId,
        durationMs: Math.round(performance.now() - started),
      };
      if (errorCode !== undefined) entry.errorCode = errorCode;
      try {
        logger(entry);
      } catch {
        // A failing logger must not fail the call.
      }
    };

    req.signal?.throwIfAborted();
    const headers: Record<string, string> = {
      authorization: `Bearer ${apiKey}`,
      accept: 'application/json',
      'user-agent': userAgent,
    };
    if (req.body !== undefined) headers['content-type'] = 'application/json';

    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        dispatcher: req.method === 'GET' ? getDispatcher : base,
        method: req.method,
        headers,
        body: req.body,
        signal: req.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
    } catch (error) {
      if (req.signal?.aborted) throw req.signal.reason;
      const failure = toTransportError(error, timeoutMs, secretsOf(req));
      log(0, undefined, failure.code);
      throw failure;
    }

    const requestId = headerString(response.headers['peeker-request-id']);
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      if (req.signal?.aborted) throw req.signal.reason;
      const failure = toTransportError(error, timeoutMs, secretsOf(req), requestId);
      log(0, requestId, failure.code);
      throw failure;
    }

    const status = response.statusCode;
    if (status < 200 || status >= 300) {
      const parsed = parseErrorEnvelope(status, text, {
        requestId,
        retryAfter: headerString(response.headers['retry-after']),
      });
      const error = redactApiError(parsed, secretsOf(req));
      log(status, requestId, error.code);
      throw error;
    }
    let json: unknown;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        log(status, requestId, 'invalid_response');
        throw new PeekerApiError({
          status,
          code: 'invalid_response',
          message: `Peeker answered HTTP ${status} with a body that is not JSON`,
          requestId,
          retryable: false,
        });
      }
    }
    log(status, requestId);
    return { status, json, requestId };
  };

  return {
    send,
    baseUrl,
    async close() {
      if (closed) return;
      closed = true;
      await ownAgent?.close();
    },
  };
}

/**
 * Maps an undici failure to a status-0 `PeekerApiError`. The cause is a scrubbed copy (name,
 * code and message only), so nothing undici kept can leak a header.
 */
function toTransportError(error: unknown, timeoutMs: number, secrets: readonly string[], requestId?: string): PeekerApiError {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
  const name = error instanceof Error ? error.name : 'Error';
  const rawMessage = error instanceof Error ? error.message : String(error);
  const cause = new Error(redactText(rawMessage, secrets));
  cause.name = name;
  if (code !== undefined) Object.assign(cause, { code });
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new PeekerApiError({
      status: 0,
      code: 'timeout',
      message: `Peeker did not answer within ${timeoutMs} ms`,
      requestId,
      retryable: true,
      cause,
    });
  }
  return new PeekerApiError({
    status: 0,
    code: 'network_error',
    message: `Could not reach Peeker${code === undefined ? '' : ` (${code})`}`,
    requestId,
    retryable: true,
    cause,
  });
}
