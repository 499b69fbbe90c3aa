/**
 * Header containers `verifyWebhook` accepts: a Fetch `Headers` (or anything with a
 * `get(name)` method), a plain object such as Node's `IncomingHttpHeaders` whose values are
 * strings or string arrays.
 */
export type HeaderSource =
  | Headers
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Reads one header, matching its name case-insensitively.
 *
 * - `Headers` (or any object with a `get` method): `get(name)` (Fetch already joins
 *   repeated headers with `", "` and matches names case-insensitively).
 * - plain object: every key whose lower-cased form equals `name` (there may be several, e.g.
 *   `Peeker-Signature` and `peeker-signature`); string arrays are joined with `","`.
 *
 * @param headers - the header container
 * @param name - lower-case header name
 * @returns the value, or `undefined` when absent or empty after trimming
 */
export function readHeader(headers: HeaderSource, name: string): string | undefined {
  let value: string | undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const got = (headers as { get(name: string): unknown }).get(name);
    value = typeof got === 'string' ? got : undefined;
  } else {
    const parts: string[] = [];
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() !== name) continue;
      const v = (headers as Record<string, unknown>)[key];
      if (typeof v === 'string') parts.push(v);
      else if (Array.isArray(v)) for (const item of v) if (typeof item === 'string') parts.push(item);
    }
    value = parts.length === 0 ? undefined : parts.join(',');
  }
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Whether `value` can serve as a {@link HeaderSource}.
 * @param value - anything
 * @returns true for non-null, non-array objects
 */
export function isHeaderSource(value: unknown): value is HeaderSource {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
