/**
 * Lower-case hexadecimal encoding of bytes (two characters per byte).
 * @param bytes - the bytes to encode
 * @returns e.g. `"0aff"` for `[10, 255]`
 */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
