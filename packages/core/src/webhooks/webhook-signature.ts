import { hmacSha256Hex } from './hmac.ts';

/** Raw webhook body as a transport hands it over. */
export type RawBody = string | Uint8Array | ArrayBuffer;

const encoder = new TextEncoder();

/**
 * Names a value's type for a TypeError, never its content (it may be a secret).
 * @param value - anything
 * @returns e.g. `string`, `null`, `an array`, `Object`
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? Object.prototype.toString.call(value).slice(8, -1) : typeof value;
}

/**
 * The body's exact bytes: strings are UTF-8 encoded, byte views are used as they are
 * (respecting `byteOffset`), ArrayBuffers are wrapped. Never parses or re-serialises.
 * The `toString` tag check also accepts ArrayBuffers from another realm (iframes, vm).
 * @param body - the raw body
 * @param what - name used in the TypeError
 * @returns a view of the body bytes (not copied)
 * @throws {TypeError} for anything else
 */
export function toBodyBytes(body: unknown, what = 'body'): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer || Object.prototype.toString.call(body) === '[object ArrayBuffer]') {
    return new Uint8Array(body as ArrayBuffer);
  }
  throw new TypeError(`Expected ${what} to be a string, Uint8Array or ArrayBuffer, got ${describeValue(body)}`);
}

/**
 * The `v1` signature of a delivery (the project's assumption, see docs/peeker-api.md §10.1):
 * lower-case hex HMAC-SHA256, key = the secret's UTF-8 bytes,
 * message = `"<timestamp>.<raw body bytes>"`.
 * @param secret - webhook signing secret
 * @param timestamp - the `Peeker-Timestamp` header text exactly as sent
 * @param body - raw body bytes
 * @returns 64 lower-case hex characters (without the `v1=` prefix)
 */
export function computeV1Signature(secret: string, timestamp: string, body: Uint8Array): Promise<string> {
  const head = encoder.encode(`${timestamp}.`);
  const message = new Uint8Array(head.length + body.length);
  message.set(head, 0);
  message.set(body, head.length);
  return hmacSha256Hex(secret, message);
}

/**
 * Normalises a `secret` option to a non-empty list of non-empty strings.
 * @param secret - a string or an array of strings
 * @returns the secrets, in the given order
 * @throws {TypeError} when it is neither, when it is empty, or when a secret is empty
 */
export function toSecretList(secret: unknown): readonly string[] {
  const list = typeof secret === 'string' ? [secret] : Array.isArray(secret) ? (secret as unknown[]) : null;
  if (list === null) throw new TypeError(`Expected secret to be a string or an array of strings, got ${describeValue(secret)}`);
  if (list.length === 0) throw new TypeError('Expected at least one secret, got an empty array');
  for (const s of list) {
    // Never echo a secret's value: only its type.
    if (typeof s !== 'string') throw new TypeError(`Expected every secret to be a string, got ${describeValue(s)}`);
    if (s.length === 0) throw new TypeError('Expected every secret to be non-empty, got an empty string');
  }
  return list as string[];
}

/**
 * Reads an injectable clock.
 * @param now - epoch milliseconds, or a function returning them; `undefined` = `Date.now`
 * @returns epoch milliseconds
 * @throws {TypeError} when the value (or what the function returns) is not a finite number
 */
export function readClock(now: unknown): number {
  let ms: unknown;
  if (now === undefined) ms = Date.now();
  else if (typeof now === 'function') ms = (now as () => unknown)();
  else ms = now;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new TypeError(`Expected now to be a finite number of milliseconds (or a function returning one), got ${describeValue(ms)}`);
  }
  return ms;
}

