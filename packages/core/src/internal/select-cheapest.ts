/**
 * Partial selection for the solver: the `limit` cheapest candidates under the canonical order
 * (cost, then name), sorted. Internal: never exported from the package. (Written with the
 * selection solver.)
 */

/** Candidate data in parallel arrays, indexed by candidate number. */
export interface CandidateColumns {
  readonly names: readonly string[];
  readonly costs: ArrayLike<number>;
}

const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The k-th smallest value (0-based) of `values`, which it reorders. Three-way quickselect
 * (prices repeat a lot), deterministic median-of-three pivots.
 */
function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const a = values[lo] as number;
    const b = values[(lo + hi) >>> 1] as number;
    const c = values[hi] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // Dutch flag: [lo, lt) < pivot, [lt, i) = pivot, (gt, hi] > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = values[i] as number;
      if (v < pivot) {
        values[i] = values[lt] as number;
        values[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        values[i] = values[gt] as number;
        values[gt] = v;
        gt--;
      } else {
        i++;
      }
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return values[lo] as number;
}

/**
 * The `limit` smallest names of `names` (distinct), sorted; bounded max-heap, O(n log limit).
 */
function smallestNames(indices: readonly number[], names: readonly string[], limit: number): number[] {
  if (indices.length <= limit) return indices.slice();
  const heap: number[] = [];
  const nameOf = (i: number): string => names[heap[i] as number] as string;
  for (const index of indices) {
    const name = names[index] as string;
    if (heap.length < limit) {
      // sift up
      let i = heap.length;
      heap.push(index);
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (nameOf(parent) >= name) break;
        heap[i] = heap[parent] as number;
        i = parent;
      }
      heap[i] = index;
    } else if (name < nameOf(0)) {
      // replace the largest, sift down
      const n = heap.length;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        let child = left;
        if (right < n && nameOf(right) > nameOf(left)) child = right;
        if (nameOf(child) <= name) break;
        heap[i] = heap[child] as number;
        i = child;
      }
      heap[i] = index;
    }
  }
  return heap;
}

/**
 * Returns the `limit` cheapest of `indices` under (cost, name), sorted that way. Costs are
 * selected numerically first (quickselect), and only the tie at the threshold cost is settled
 * by name, so 2,000 of 100,000 rows with a handful of distinct prices cost a few milliseconds.
 * The result does not depend on the order of `indices` (names are unique).
 *
 * @param indices - candidate numbers (not mutated)
 * @param limit - how many to keep (`Infinity` keeps all)
 * @param columns - names and costs by candidate number
 * @returns a new array of at most `limit` candidate numbers, cheapest first
 */
export function selectCheapest(indices: readonly number[], limit: number, columns: CandidateColumns): number[] {
  const { names, costs } = columns;
  const compare = (a: number, b: number): number => {
    const ca = costs[a] as number;
    const cb = costs[b] as number;
    return ca < cb ? -1 : ca > cb ? 1 : compareNames(names[a] as string, names[b] as string);
  };
  if (limit <= 0) return [];
  if (indices.length <= limit) return indices.slice().sort(compare);
  const values = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) values[i] = costs[indices[i] as number] as number;
  const threshold = kthSmallest(values, limit - 1);
  const kept: number[] = [];
  const ties: number[] = [];
  for (const index of indices) {
    const cost = costs[index] as number;
    if (cost < threshold) kept.push(index);
    else if (cost === threshold) ties.push(index);
  }
  for (const index of smallestNames(ties, names, limit - kept.length)) kept.push(index);
  return kept.sort(compare);
}
