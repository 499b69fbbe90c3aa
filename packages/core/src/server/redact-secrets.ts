/**
 * Scrubbing secrets (Peeker API keys, Smartlead passwords) out of anything that may reach a
 * log, an error message or a browser. Server-internal: not exported from `@peeker/core/server`.
 */

/** Any Peeker-looking key, even one we were not told about. */
const KEY_PATTERN = /pk_(?:live|test)_[A-Za-z0-9_-]+/g;

/** What replaces a secret. */
export const REDACTED = '[redacted]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every occurrence of each secret (raw, and as it would appear inside a JSON string)
 * and anything shaped like a Peeker key with `[redacted]`.
 * @param text - the text to clean
 * @param secrets - exact secrets to remove (empty strings are ignored)
 * @returns the cleaned text
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret === '') continue;
    const jsonForm = JSON.stringify(secret).slice(1, -1);
    for (const form of jsonForm === secret ? [secret] : [secret, jsonForm]) {
      out = out.replace(new RegExp(escapeRegExp(form), 'g'), REDACTED);
    }
  }
  return out.replace(KEY_PATTERN, REDACTED);
}

/**
 * Deep copy of a JSON-like value with {@link redactText} applied to every string (keys included).
 * @param value - any JSON-like value
 * @param secrets - exact secrets to remove
 * @returns the cleaned copy
 */
export function redactValue<T>(value: T, secrets: readonly string[] = []): T {
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redactText(v, secrets);
    if (depth > 32 || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) out[redactText(k, secrets)] = walk(item, depth + 1);
    return out;
  };
  return walk(value, 0) as T;
}
