/**
 * Short descriptions of unexpected values for `TypeError("Expected …, got …")` messages.
 * Internal: never exported from the package. (Written with the availability checker.)
 */

/**
 * Describes a value for an error message without dumping it: `null`, `an array`,
 * `a string "abc"` (shortened), `number NaN`, `an object`, `undefined`, …
 * @param value - anything
 * @returns a short phrase
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    return `a string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  }
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
