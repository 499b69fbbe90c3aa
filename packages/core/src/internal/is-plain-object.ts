/**
 * The one "is this a `{…}` object?" check for parsing untrusted input (JSON bodies, options
 * bags, rows). Internal to `@peeker/core`: never exported from the package entry.
 */

/**
 * Whether `value` is a non-null object that is not an array (a JSON object, an options bag,
 * a class instance). Functions are not objects here.
 * @param value - anything
 * @returns true for `{}`-like values; false for `null`, arrays, functions and primitives
 * @example
 * ```ts
 * isPlainObject({ a: 1 }); // true
 * isPlainObject([1]);      // false
 * isPlainObject(null);     // false
 * ```
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
