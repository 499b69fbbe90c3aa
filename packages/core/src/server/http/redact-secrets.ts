/**
 * Scrubbing secrets (Peeker API keys, Smartlead passwords) out of anything that may reach a
 * log, an error message or a browser. Server-internal: not exported from `@peeker/core/server`.
 */

/** Any Peeker-looking key, even one we were not told about. */
const KEY_PATTERN = /pk_(?:live|test)_[A-Za-z0-9_-]+/g;

/** What replaces a secret. */
export const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of each secret (raw, and as it would appear inside a JSON string)
 * and anything shaped like a Peeker key with `[redacted]`.
 * @param text - the text to clean
 * @param secrets - exact secrets to remove (empty strings are ignored)
 * @returns the cleaned text
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  const forms: string[] = [];
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret === '') continue;
    forms.push(secret);
    const jsonForm = JSON.stringify(secret).slice(1, -1);
    if (jsonForm !== secret) forms.push(jsonForm);
  }
  // A secret that is part of the marker itself is removed instead (else the marker leaks it).
  const marker = forms.some((f) => REDACTED.includes(f)) ? '' : REDACTED;
  const dirty = (t: string): boolean => forms.some((f) => t.includes(f)) || new RegExp(KEY_PATTERN.source).test(t);
  // Replacing can create a new occurrence at a seam ("]Q" in "]QQ"): repeat a few times,
  // and if anything still shows, drop the whole text.
  let out = text;
  for (let pass = 0; pass < 8 && dirty(out); pass += 1) {
    for (const form of forms) out = out.split(form).join(marker);
    out = out.replace(KEY_PATTERN, marker);
  }
  return dirty(out) ? marker : out;
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

/**
 * An error with {@link redactText} applied to its message, stack and own fields (its `cause`
 * too), keeping its class and brand so `PeekerError.is` and `instanceof` still work. Returns
 * the error itself when nothing needed scrubbing.
 * @param error - anything thrown
 * @param secrets - exact secrets to remove
 * @returns the error, or a scrubbed copy of it
 */
export function redactError(error: unknown, secrets: readonly string[] = []): unknown {
  if (!(error instanceof Error)) return redactValue(error, secrets);
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  let changed = false;
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (descriptor === undefined) continue;
    if ('value' in descriptor) {
      const before: unknown = descriptor.value;
      const after =
        typeof before === 'string' ? redactText(before, secrets)
        : key === 'cause' ? redactError(before, secrets)
        : redactValue(before, secrets);
      if (typeof before === 'string' || key === 'cause' ? after !== before : JSON.stringify(after) !== JSON.stringify(before)) {
        changed = true;
      }
      descriptor.value = after;
    }
    Object.defineProperty(copy, key, descriptor);
  }
  return changed ? copy : error;
}
