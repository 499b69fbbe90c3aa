/**
 * The third-party-brand filter of `generateCandidates` (domain-rules §3). Internal: never
 * exported from the package.
 */

/** Three scratch rows for {@link boundedDistance}, at least `b.length + 1` long. */
type Rows = [Int32Array, Int32Array, Int32Array];

/**
 * Optimal-string-alignment distance on caller-owned scratch rows, so a matcher that compares
 * one label with many names allocates them once. Returns `max + 1` as soon as the distance
 * must exceed `max`.
 */
function boundedDistance(a: string, b: string, max: number, rows: Rows): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let [previous2, previous, current] = rows;
  const m = b.length;
  for (let j = 0; j <= m; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const ai = a.charCodeAt(i - 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let value = (previous[j - 1] as number) + (ai === bj ? 0 : 1);
      const del = (previous[j] as number) + 1;
      if (del < value) value = del;
      const ins = (current[j - 1] as number) + 1;
      if (ins < value) value = ins;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const swap = (previous2[j - 2] as number) + 1;
        if (swap < value) value = swap;
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const spare = previous2;
    previous2 = previous;
    previous = current;
    current = spare;
  }
  return Math.min(previous[m] as number, max + 1);
}

/** Fresh scratch rows for names up to `width - 1` characters. */
const newRows = (width: number): Rows => [new Int32Array(width), new Int32Array(width), new Int32Array(width)];

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, each edit
 * costing 1), capped: returns `max + 1` as soon as the distance must exceed `max`.
 * @param a - first string
 * @param b - second string
 * @param max - the largest distance the caller cares about
 * @returns the distance, or `max + 1` when it is larger than `max`
 */
export function editDistance(a: string, b: string, max: number): number {
  return boundedDistance(a, b, max, newRows(b.length + 1));
}

/**
 * How many edits away from a protected name still counts as "closely resembling" it: one,
 * or two for names of eight letters or more (domain-rules §3).
 * @param name - a protected brand
 * @returns 1 or 2
 */
export function protectedThreshold(name: string): number {
  return name.length >= 8 ? 2 : 1;
}

/** Lower-case, `[a-z0-9]` only: how brands and labels are compared. */
export function flattenName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/gu, '');
}

/**
 * Prepares the protected list for one brand: flattened, de-duplicated, and without the
 * entries the customer's own brand contains or resembles (a brand "startups" must not lose
 * every candidate to `ups`; a customer named Stripe may use its own name).
 * @param names - the protected brands
 * @param brand - the customer's brand label, `[a-z0-9]+`
 * @returns the names that apply to this brand's candidates
 */
export function protectedNamesFor(names: readonly string[], brand: string): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = flattenName(raw);
    if (name === '' || out.includes(name)) continue;
    if (brand.includes(name)) continue;
    if (editDistance(brand, name, protectedThreshold(name)) <= protectedThreshold(name)) continue;
    out.push(name);
  }
  return out;
}

/**
 * A matcher answering "which protected name does this label collide with": the label
 * (hyphens removed) contains it, or is within {@link protectedThreshold} edits of it. Built
 * once per generation so the edit-distance rows are allocated once, not per comparison.
 * @param names - the output of {@link protectedNamesFor}
 * @returns a function from a label to the colliding name, or `null`
 */
export function createProtectedMatcher(names: readonly string[]): (label: string) => string | null {
  let width = 1;
  for (const name of names) width = Math.max(width, name.length + 1);
  const rows = newRows(width);
  const masks = names.map(letterMask);
  const thresholds = names.map(protectedThreshold);
  return (label: string): string | null => {
    const flat = label.includes('-') ? label.replace(/-/gu, '') : label;
    const mask = letterMask(flat);
    for (let n = 0; n < names.length; n += 1) {
      const name = names[n] as string;
      const nameMask = masks[n] as number;
      const max = thresholds[n] as number;
      // Containment needs every letter of the name in the label.
      if ((nameMask & ~mask) === 0 && flat.includes(name)) return name;
      // Each edit changes the set of letters by at most two, so a larger difference of
      // letter sets rules the pair out before any edit-distance work.
      if (Math.abs(flat.length - name.length) > max) continue;
      if (popCount(nameMask ^ mask) > 2 * max) continue;
      if (boundedDistance(flat, name, max, rows) <= max) return name;
    }
    return null;
  };
}

/**
 * The set of characters of a string as a 32-bit mask (`a`–`z` bits 0–25, digits folded
 * onto bits 26–31). Different characters may share a bit, which only weakens the filters
 * that use it, never makes them wrong.
 */
function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const bit = code >= 0x61 && code <= 0x7a ? code - 0x61 : 26 + ((code - 0x30) % 6);
    mask |= 1 << bit;
  }
  return mask;
}

/** Number of set bits in a 32-bit integer. */
function popCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
