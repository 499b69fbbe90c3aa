import { PeekerError } from '../errors/peeker-error.ts';
import { bytesToHex } from './hex.ts';

const encoder = new TextEncoder();

/**
 * The Web Crypto `SubtleCrypto` of this runtime (browsers, Node ≥ 20, edge runtimes).
 * No `node:crypto`: the main entry of `@peeker/core` must stay browser-safe.
 * @throws {PeekerError} code `unsupported_runtime` when `globalThis.crypto.subtle` is absent
 *   (e.g. a page served over plain http, which is not a secure context)
 */
function subtle(): SubtleCrypto {
  const s = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (s === undefined) {
    throw new PeekerError(
      'unsupported_runtime',
      'Web Crypto (globalThis.crypto.subtle) is not available in this runtime',
    );
  }
  return s;
}

/**
 * HMAC-SHA256 of `message` keyed with the UTF-8 bytes of `secret`, as lower-case hex.
 * @param secret - non-empty key text (its UTF-8 bytes are the key)
 * @param message - the bytes to authenticate
 * @returns 64 lower-case hex characters
 */
export async function hmacSha256Hex(secret: string, message: Uint8Array<ArrayBuffer>): Promise<string> {
  const s = subtle();
  const key = await s.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = await s.sign('HMAC', key, message);
  return bytesToHex(new Uint8Array(mac));
}
