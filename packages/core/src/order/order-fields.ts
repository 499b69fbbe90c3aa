/**
 * Field checks shared by the order validator and `serializeOrderRequest`. Never exported
 * from the package. No check echoes the value it rejects (it may be a secret).
 */

/**
 * Names a value's type for a message, never its content.
 * @param value - anything
 * @returns e.g. `number`, `null`, `an array`
 */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

// Pragmatic address check, not RFC 5322: one "@", no whitespace or angle brackets,
// a local part of 1–64 characters, a domain of at least two non-empty dot-separated labels.
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@(?:[^\s@<>()[\]\\,;:".]+\.)+[^\s@<>()[\]\\,;:".]+$/;

/**
 * Whether `text` looks like an email address (trimmed input expected).
 * @param text - candidate address
 * @returns true for `ops@client.example`, false for `ops@client`, `a b@c.d`, `@c.d`
 */
export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

/**
 * Whether `text` is an absolute http(s) URL with a host, written out in full
 * (`https://…`; `https:foo` is rejected even though the URL parser would accept it) and
 * containing no whitespace.
 * @param text - trimmed candidate URL
 * @returns true for `https://acme.com`, false for `acme.com`, `ftp://acme.com`, `/path`
 */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text) || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Whether `text` is an object id with the given prefix and a non-empty tail without
 * whitespace. Only the prefix is checked: Peeker's id tails are opaque (docs/peeker-api.md §1.5).
 * @param text - candidate id
 * @param prefix - e.g. `usr_`, `bun_`
 * @returns true for `bun_01HZX…` and `bun_123`, false for `bun_` or `bundle_1`
 */
export function hasIdPrefix(text: string, prefix: string): boolean {
  return text.length > prefix.length && text.startsWith(prefix) && !/\s/.test(text);
}
