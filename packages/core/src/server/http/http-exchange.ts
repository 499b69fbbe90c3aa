/**
 * One request/response core shared by the Node (`(req, res, next?)`) and Fetch
 * (`(request) => Response`) forms of the availability and webhook handlers.
 * Server-internal: not exported.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request as the handler cores see it. */
export interface ExchangeRequest {
  /** Upper-case method. */
  method: string;
  /** Request headers (names case-insensitive). */
  headers: Headers;
  /**
   * Reads the raw body, at most `limit` bytes.
   * @throws BodyTooLargeError over the limit (checked against `Content-Length` first)
   * @throws BodyUnavailableError when a body parser already consumed the stream into an object
   */
  readBody(limit: number): Promise<Uint8Array>;
  /** A body a framework already parsed into a JSON value (Express `express.json()`), if any. */
  parsedBody: { value: unknown } | undefined;
  /** Aborts when the caller goes away before the answer is written. */
  signal: AbortSignal;
}

/** An answer: always JSON text. */
export interface ExchangeResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON value to send. */
  json: unknown;
  /** Runs after the answer was handed to the client (fire-and-forget work; must not reject). */
  after?: () => void | Promise<void>;
}

/** The body was larger than allowed. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body is larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** The raw body is gone (a body parser consumed it into an object). */
export class BodyUnavailableError extends Error {
  constructor() {
    super('The raw request body was already consumed by a body parser');
    this.name = 'BodyUnavailableError';
  }
}

/** Headers every handler answer carries. */
const BASE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

function declaredLength(headers: Headers): number | undefined {
  const raw = headers.get('content-length');
  if (raw === null || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Node request headers → Fetch `Headers` (repeated values joined with ", "). */
function nodeHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    try {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else headers.set(name, value);
    } catch {
      // A header Fetch refuses (invalid characters): ignore it.
    }
  }
  return headers;
}

/**
 * Wraps a Node request/response pair.
 * @param req - Node's incoming message (possibly with `body` from a framework)
 * @param res - Node's response
 * @returns the exchange request
 */
export function fromNodeRequest(req: IncomingMessage, res: ServerResponse): ExchangeRequest {
  const controller = new AbortController();
  const onClose = (): void => {
    if (!res.writableFinished) controller.abort(new Error('The client closed the connection'));
  };
  res.once('close', onClose);

  const framework = (req as IncomingMessage & { body?: unknown }).body;
  const consumed = req.readableEnded || (req as { _body?: unknown })._body === true;
  let parsedBody: { value: unknown } | undefined;
  let rawFromFramework: Uint8Array | undefined;
  if (consumed && framework !== undefined) {
    if (typeof framework === 'string') rawFromFramework = new TextEncoder().encode(framework);
    else if (framework instanceof Uint8Array) rawFromFramework = framework;
    else parsedBody = { value: framework };
  }
  const headers = nodeHeaders(req);

  return {
    method: (req.method ?? 'GET').toUpperCase(),
    headers,
    parsedBody,
    signal: controller.signal,
    async readBody(limit) {
      if (rawFromFramework !== undefined) {
        if (rawFromFramework.byteLength > limit) throw new BodyTooLargeError(limit);
        return rawFromFramework;
      }
      if (consumed) {
        if (parsedBody !== undefined) throw new BodyUnavailableError();
        return new Uint8Array(0);
      }
      const declared = declaredLength(headers);
      if (declared !== undefined && declared > limit) throw new BodyTooLargeError(limit);
      return new Promise<Uint8Array>((resolve, reject) => {
        const chunks: Uint8Array[] = [];
        let total = 0;
        const cleanup = (): void => {
          req.off('data', onData);
          req.off('end', onEnd);
          req.off('error', onError);
          req.off('aborted', onAborted);
        };
        const onData = (chunk: Buffer | string): void => {
          const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
          total += bytes.byteLength;
          if (total > limit) {
            cleanup();
            req.pause();
            reject(new BodyTooLargeError(limit));
            return;
          }
          chunks.push(bytes);
        };
        const onEnd = (): void => {
          cleanup();
          resolve(concat(chunks, total));
        };
        const onError = (error: Error): void => {
          cleanup();
          reject(error);
        };
        const onAborted = (): void => onError(new Error('The client aborted the request'));
        req.on('data', onData);
        req.once('end', onEnd);
        req.once('error', onError);
        req.once('aborted', onAborted);
      });
    },
  };
}

/**
 * Writes an exchange response to Node's `res`, then runs `after`.
 * @param res - Node's response
 * @param response - what to send
 * @param closeConnection - ask the client to close (unread body left behind)
 */
export function sendNodeResponse(res: ServerResponse, response: ExchangeResponse, closeConnection = false): void {
  const body = JSON.stringify(response.json);
  if (res.headersSent || res.writableEnded) {
    if (response.after !== undefined) void Promise.resolve().then(response.after).catch(() => undefined);
    return;
  }
  res.statusCode = response.status;
  for (const [name, value] of Object.entries({ ...BASE_HEADERS, ...(response.headers ?? {}) })) res.setHeader(name, value);
  res.setHeader('content-length', String(Buffer.byteLength(body)));
  if (closeConnection) res.setHeader('connection', 'close');
  const after = response.after;
  if (after !== undefined) {
    // Run once the answer is out, or once the connection is gone: the work was accepted
    // either way (a webhook is already marked as seen).
    let ran = false;
    const run = (): void => {
      if (ran) return;
      ran = true;
      setImmediate(() => void Promise.resolve().then(after).catch(() => undefined));
    };
    res.once('finish', run);
    res.once('close', run);
  }
  res.end(body);
}

/**
 * Wraps a Fetch `Request`.
 * @param request - the incoming request
 * @returns the exchange request
 */
export function fromFetchRequest(request: Request): ExchangeRequest {
  return {
    method: request.method.toUpperCase(),
    headers: request.headers,
    parsedBody: undefined,
    signal: request.signal,
    async readBody(limit) {
      const declared = declaredLength(request.headers);
      if (declared !== undefined && declared > limit) throw new BodyTooLargeError(limit);
      if (request.body === null) return new Uint8Array(0);
      const reader = request.body.getReader();
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > limit) {
          await reader.cancel().catch(() => undefined);
          throw new BodyTooLargeError(limit);
        }
        chunks.push(value);
      }
      return concat(chunks, total);
    },
  };
}

/**
 * Builds a Fetch `Response` from an exchange response; `after` runs on a macrotask, or
 * through `waitUntil` when the platform gives one.
 * @param response - what to send
 * @param waitUntil - keeps the work alive on edge platforms (`ctx.waitUntil`)
 * @returns the Response
 */
export function toFetchResponse(response: ExchangeResponse, waitUntil?: (promise: Promise<unknown>) => void): Response {
  const after = response.after;
  if (after !== undefined) {
    const work = new Promise<void>((resolve) => {
      setTimeout(() => {
        Promise.resolve().then(after).then(resolve, () => resolve());
      }, 0);
    });
    waitUntil?.(work);
  }
  return new Response(JSON.stringify(response.json), {
    status: response.status,
    headers: { ...BASE_HEADERS, ...(response.headers ?? {}) },
  });
}

/**
 * Peeker's error envelope `{"error":{code,message,field?,details?}}`.
 * @returns the JSON value
 */
export function errorEnvelope(code: string, message: string, field?: string, details?: Record<string, unknown>): unknown {
  const error: Record<string, unknown> = { code, message };
  if (field !== undefined) error.field = field;
  if (details !== undefined) error.details = details;
  return { error };
}
