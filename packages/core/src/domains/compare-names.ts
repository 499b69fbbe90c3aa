/**
 * The one comparison of names (domains, group keys, currencies) used for deterministic
 * sorting across the core, the sandbox and the element: plain UTF-16 code-unit order, never
 * `localeCompare` (whose answer depends on the runtime's locale data). Every list of names
 * the solver returns is sorted by it.
 */

/**
 * Compares two strings by UTF-16 code units, as `Array.prototype.sort()` without a
 * comparator does; use it wherever a comparator is needed (`sort(compareNames)`, or inside
 * a key comparison).
 * @param a - first string
 * @param b - second string
 * @returns -1 when `a` sorts first, 1 when `b` does, 0 when they are equal
 * @example
 * ```ts
 * ['b.com', 'B.com', 'a.com'].sort(compareNames); // ['B.com', 'a.com', 'b.com']
 * ```
 */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
