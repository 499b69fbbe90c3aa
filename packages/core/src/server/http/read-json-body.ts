/**
 * Reading a JSON request body with the checks every public endpoint needs (media type, size,
 * UTF-8, syntax), answering each failure as a ready error response. Server-internal.
 */
import { BodyTooLargeError, BodyUnavailableError, errorEnvelope, type ExchangeRequest, type ExchangeResponse } from './http-exchange.ts';

/** A failed read: the answer to send (`closeConnection` when an unread body is left behind). */
export type JsonBodyFailure = ExchangeResponse & { closeConnection?: boolean };

/**
 * Whether a `Content-Type` is JSON, with an optional UTF-8 charset.
 * @param value - the header value
 * @returns true for `application/json` and `application/json; charset=utf-8`
 */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const [type = '', ...params] = value.split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  for (const param of params) {
    const [name = '', raw = ''] = param.split('=');
    if (name.trim().toLowerCase() === 'charset' && raw.trim().replace(/^"|"$/g, '').toLowerCase() !== 'utf-8') return false;
  }
  return true;
}

/**
 * Reads and parses a JSON body: 415 without a JSON media type, 413 over `maxBytes` (the
 * `Content-Length` is checked first, so a 10 MB body is refused without being read), 400
 * `invalid_request` (Peeker's code for a malformed body, docs/peeker-api.md §2) for bad UTF-8
 * or bad syntax. Works after `express.json()` too.
 * @param req - the exchange request
 * @param maxBytes - the largest accepted body
 * @returns `{ ok: true, value }` or `{ ok: false, response }`
 */
export async function readJsonBody(
  req: ExchangeRequest,
  maxBytes: number,
): Promise<{ ok: true; value: unknown } | { ok: false; response: JsonBodyFailure }> {
  const tooLarge = (): JsonBodyFailure => ({
    status: 413,
    json: errorEnvelope('payload_too_large', `Body must be at most ${maxBytes} bytes`, undefined, { max_bytes: maxBytes }),
    closeConnection: true,
  });
  if (!isJsonContentType(req.headers.get('content-type'))) {
    return { ok: false, response: { status: 415, json: errorEnvelope('unsupported_media_type', 'Content-Type must be application/json') } };
  }
  if (req.parsedBody !== undefined) {
    const value = req.parsedBody.value;
    if (new TextEncoder().encode(JSON.stringify(value) ?? '').byteLength > maxBytes) return { ok: false, response: tooLarge() };
    return { ok: true, value };
  }
  let bytes: Uint8Array;
  try {
    bytes = await req.readBody(maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, response: tooLarge() };
    if (error instanceof BodyUnavailableError) {
      return { ok: false, response: { status: 500, json: errorEnvelope('raw_body_unavailable', 'The request body was consumed before the handler ran') } };
    }
    // The client went away or the stream broke while reading.
    return { ok: false, response: { status: 400, json: errorEnvelope('invalid_request', 'The body could not be read'), closeConnection: true } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, response: { status: 400, json: errorEnvelope('invalid_request', 'Body is not valid UTF-8') } };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: { status: 400, json: errorEnvelope('invalid_request', 'Body is not valid JSON') } };
  }
}
