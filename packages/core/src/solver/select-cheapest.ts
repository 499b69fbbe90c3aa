/**
 * Pools for the solver: candidates laid out by (flow group, kind) in one typed array, and of
 * each pool the `limit` cheapest under the canonical order (cost, then name), sorted.
 * Internal: never exported from the package. (Written with the selection solver.)
 */
import { tieBreak } from './tie-break.ts';

/** Candidate data in parallel arrays, indexed by candidate number. */
export interface CostColumns {
  readonly names: readonly string[];
  readonly costs: ArrayLike<number>;
}

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
 * The `limit` smallest names among `ties` (names distinct), in no particular order; bounded
 * max-heap, O(n log limit). Returns `ties` itself (the caller's scratch list) when it is short.
 */
function smallestNames(ties: number[], names: readonly string[], limit: number): number[] {
  if (ties.length <= limit) return ties;
  const heap: number[] = [];
  for (let t = 0; t < ties.length; t++) {
    const index = ties[t] as number;
    const name = names[index] as string;
    if (heap.length < limit) {
      // sift up
      let i = heap.length;
      heap.push(index);
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((names[heap[parent] as number] as string) >= name) break;
        heap[i] = heap[parent] as number;
        i = parent;
      }
      heap[i] = index;
    } else if (name < (names[heap[0] as number] as string)) {
      // replace the largest, sift down
      const n = heap.length;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        let child = left;
        if (right < n && (names[heap[right] as number] as string) > (names[heap[left] as number] as string)) child = right;
        if ((names[heap[child] as number] as string) <= name) break;
        heap[i] = heap[child] as number;
        i = child;
      }
      heap[i] = index;
    }
  }
  return heap;
}

/**
 * Sorts candidate numbers by (cost, name): costs through a native numeric sort and a counting
 * pass, names only inside runs of equal cost (short in practice), so no comparator runs per
 * pair of the whole list.
 * @returns a new sorted array
 */
function sortByCostThenName(list: readonly number[], columns: CostColumns): number[] {
  const { names, costs } = columns;
  const n = list.length;
  if (n < 2) return list.slice();
  const sorted = new Float64Array(n);
  for (let p = 0; p < n; p++) sorted[p] = costs[list[p] as number] as number;
  sorted.sort();
  // Distinct costs, ascending, and where each one's run starts in the output.
  const distinct = new Float64Array(n);
  const runStart = new Int32Array(n + 1);
  let d = 0;
  for (let p = 0; p < n; p++) {
    const cost = sorted[p] as number;
    if (d === 0 || cost !== distinct[d - 1]) {
      distinct[d] = cost;
      runStart[d] = p;
      d++;
    }
  }
  runStart[d] = n;
  const next = runStart.slice(0, d);
  const out = new Array<number>(n);
  for (let p = 0; p < n; p++) {
    const index = list[p] as number;
    const cost = costs[index] as number;
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((distinct[mid] as number) < cost) lo = mid + 1;
      else hi = mid;
    }
    const at = next[lo] as number;
    out[at] = index;
    next[lo] = at + 1;
  }
  // Equal costs: order by name (insertion sort for short runs).
  for (let r = 0; r < d; r++) {
    const start = runStart[r] as number;
    const end = runStart[r + 1] as number;
    if (end - start < 2) continue;
    if (end - start > 16) {
      const run = out.slice(start, end).sort((a, b) => tieBreak(names[a] as string, names[b] as string));
      for (let p = start; p < end; p++) out[p] = run[p - start] as number;
      continue;
    }
    for (let p = start + 1; p < end; p++) {
      const index = out[p] as number;
      const name = names[index] as string;
      let q = p - 1;
      while (q >= start && (names[out[q] as number] as string) > name) {
        out[q + 1] = out[q] as number;
        q--;
      }
      out[q + 1] = index;
    }
  }
  return out;
}


/**
 * Returns the `limit` cheapest candidates of `indices[start..end)` under (cost, name), sorted
 * that way. Costs are selected numerically first (quickselect on a scratch copy), and only the
 * tie at the threshold cost is settled by name, so 2,000 of 100,000 rows with a handful of
 * distinct prices cost a few milliseconds. The result does not depend on the order of
 * `indices` (names are unique).
 *
 * @param indices - candidate numbers (not mutated)
 * @param start - first position of the segment
 * @param end - one past the last position of the segment
 * @param limit - how many to keep (`Infinity` keeps all)
 * @param columns - names and costs by candidate number
 * @returns a new array of at most `limit` candidate numbers, cheapest first
 */
export function selectCheapest(
  indices: Int32Array,
  start: number,
  end: number,
  limit: number,
  columns: CostColumns,
): number[] {
  const { costs } = columns;
  const size = end - start;
  if (limit <= 0 || size <= 0) return [];
  const kept: number[] = [];
  if (size <= limit) {
    for (let p = start; p < end; p++) kept.push(indices[p] as number);
    return sortByCostThenName(kept, columns);
  }
  const values = new Float64Array(size);
  for (let p = start; p < end; p++) values[p - start] = costs[indices[p] as number] as number;
  const threshold = kthSmallest(values, limit - 1);
  const ties: number[] = [];
  for (let p = start; p < end; p++) {
    const index = indices[p] as number;
    const cost = costs[index] as number;
    if (cost < threshold) kept.push(index);
    else if (cost === threshold) ties.push(index);
  }
  const fromTies = smallestNames(ties, columns.names, limit - kept.length);
  for (let t = 0; t < fromTies.length; t++) kept.push(fromTies[t] as number);
  return sortByCostThenName(kept, columns);
}

/** What {@link cheapestPools} reads about the candidates. */
export interface PoolColumns extends CostColumns {
  /** Number of candidates. */
  readonly count: number;
  /** Kind of each candidate (0, 1 or 2). */
  readonly kinds: Uint8Array;
}

/**
 * Lays the candidates out by pool, (flow group, kind), in one `Int32Array` and keeps the
 * cheapest of each pool. Flow group `f` of a candidate is `flowOfGroup[groupOfCandidate[i]]`,
 * or 0 for all without groups.
 *
 * @param columns - count, kinds, names and costs by candidate number
 * @param skip - per candidate: non-zero to leave it out; undefined when none is left out
 * @param groupOfCandidate - per candidate, its group; undefined without groups
 * @param flowOfGroup - per group, its flow group (used with `groupOfCandidate`)
 * @param poolSizes - candidates per pool, at `f * 3 + kind` (after leaving out)
 * @param limits - how many to keep per pool, at `f * 3 + kind` (`Infinity` keeps all)
 * @returns `pools[f][kind]`: candidate numbers, cheapest first under (cost, name)
 */
export function cheapestPools(
  columns: PoolColumns,
  skip: Uint8Array | undefined,
  groupOfCandidate: Int32Array | undefined,
  flowOfGroup: Int32Array,
  poolSizes: Int32Array,
  limits: readonly number[],
): number[][][] {
  const poolCount = poolSizes.length;
  const starts = new Int32Array(poolCount + 1);
  for (let b = 0; b < poolCount; b++) starts[b + 1] = (starts[b] as number) + (poolSizes[b] as number);
  const laidOut =
    groupOfCandidate === undefined
      ? layOutByKind(columns, skip, starts)
      : layOutByGroup(columns, skip, groupOfCandidate, flowOfGroup, starts);
  const pools: number[][][] = [];
  for (let b = 0; b < poolCount; b += 3) {
    const byKind: number[][] = [];
    for (let kind = 0; kind < 3; kind++) {
      byKind.push(selectCheapest(laidOut, starts[b + kind] as number, starts[b + kind + 1] as number, limits[b + kind] as number, columns));
    }
    pools.push(byKind);
  }
  return pools;
}

/** {@link cheapestPools} without groups: one flow group, pools by kind. */
function layOutByKind(columns: PoolColumns, skip: Uint8Array | undefined, starts: Int32Array): Int32Array {
  const { count, kinds } = columns;
  const fill = starts.slice(0, starts.length - 1);
  const laidOut = new Int32Array(starts[starts.length - 1] as number);
  for (let i = 0; i < count; i++) {
    if (skip !== undefined && skip[i] !== 0) continue;
    const pool = kinds[i] as number;
    const at = fill[pool] as number;
    laidOut[at] = i;
    fill[pool] = at + 1;
  }
  return laidOut;
}

/** {@link cheapestPools} with groups: pool = flow group of the candidate's group, then kind. */
function layOutByGroup(
  columns: PoolColumns,
  skip: Uint8Array | undefined,
  groupOfCandidate: Int32Array,
  flowOfGroup: Int32Array,
  starts: Int32Array,
): Int32Array {
  const { count, kinds } = columns;
  const fill = starts.slice(0, starts.length - 1);
  const laidOut = new Int32Array(starts[starts.length - 1] as number);
  for (let i = 0; i < count; i++) {
    if (skip !== undefined && skip[i] !== 0) continue;
    const pool = (flowOfGroup[groupOfCandidate[i] as number] as number) * 3 + (kinds[i] as number);
    const at = fill[pool] as number;
    laidOut[at] = i;
    fill[pool] = at + 1;
  }
  return laidOut;
}
