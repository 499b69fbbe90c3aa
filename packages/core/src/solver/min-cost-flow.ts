/**
 * Exact min-cost flow for the selection solver, on a compressed network.
 * Internal: never exported from the package. (Written with the selection solver.)
 *
 * The network (one unit of flow = one chosen domain):
 *
 * ```text
 * source ──cap c_g──▶ group g ──pool (g,k)──▶ kind k ──cap u_k──▶ sink
 * ```
 *
 * A kind is what a row can fill: 0 = both providers, 1 = Google only, 2 = Microsoft only.
 * The pool (g,k) holds the rows of group g and kind k, sorted by cost; its i-th unit costs
 * the i-th cheapest row (a convex arc), so an optimal flow always uses a prefix of each pool
 * and the state is just `used[g][k]`.
 *
 * Successive shortest paths push one unit at a time. Every source–sink path in the residual
 * network visits the kind nodes in between groups, so shortest paths are computed with
 * Bellman–Ford on five nodes (source, three kinds, sink), where each hop is the best one over
 * all groups:
 *
 * - source → kind k: the cheapest next unit of pool (g,k) over groups g that are not full;
 * - kind k → kind k' (move a unit inside one group g, which keeps g's count): the next unit of
 *   (g,k') minus the last used unit of (g,k), minimised over g;
 * - kind k → sink: free while fewer than u_k units reached kind k.
 *
 * The hop minima are kept in lazy heaps (stale entries are skipped by a per-group stamp), so an
 * augmentation costs O(log n). Correctness: a simple path through kind nodes uses each pool at
 * most once forwards (its next unit) and once backwards (its last unit), so it is a valid
 * residual walk; a walk that enters one group twice is a path plus a cycle, and cycles cost
 * ≥ 0 in the residual network of an optimal flow, so the minimum over the five-node graph is
 * the true shortest path. Applying the hops to the prefix counts can only make the realised
 * cost smaller or equal, and it is never below the optimum, so after `units` augmentations the
 * flow is a minimum-cost flow of that value (integral, hence an exact selection).
 */

/** Pool index of rows usable for both providers. */
export const KIND_DUAL = 0;
/** Pool index of rows usable for Google only. */
export const KIND_GOOGLE_ONLY = 1;
/** Pool index of rows usable for Microsoft only. */
export const KIND_MICROSOFT_ONLY = 2;
/** Number of kinds. */
export const KIND_COUNT = 3;

/** One group of the network. */
export interface FlowGroup {
  /** At most this many units through the group (`Infinity`: uncapped). */
  cap: number;
  /** Costs per kind (index = kind), each sorted ascending. */
  pools: readonly ArrayLike<number>[];
}

/** Input of {@link minCostPooledFlow}. */
export interface PooledFlowProblem {
  groups: readonly FlowGroup[];
  /** At most this many units per kind (index = kind; `Infinity`: uncapped). */
  kindCaps: readonly number[];
  /** Units to push (domains to choose). */
  units: number;
}

/** Binary min-heap of (key, group, stamp) entries ordered by key, then group index. */
class LazyHeap {
  readonly #keys: number[] = [];
  readonly #groups: number[] = [];
  readonly #stamps: number[] = [];

  push(key: number, group: number, stamp: number): void {
    const keys = this.#keys;
    const groups = this.#groups;
    const stamps = this.#stamps;
    let i = keys.length;
    keys.push(key);
    groups.push(group);
    stamps.push(stamp);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent] as number;
      const pg = groups[parent] as number;
      if (pk < key || (pk === key && pg <= group)) break;
      keys[i] = pk;
      groups[i] = pg;
      stamps[i] = stamps[parent] as number;
      i = parent;
    }
    keys[i] = key;
    groups[i] = group;
    stamps[i] = stamp;
  }

  /** Drops stale entries; returns the top valid entry's group, or -1 when empty. */
  peekGroup(currentStamps: Int32Array): number {
    while (this.#keys.length > 0) {
      const g = this.#groups[0] as number;
      if (this.#stamps[0] === currentStamps[g]) return g;
      this.#pop();
    }
    return -1;
  }

  /** Key of the top entry; call only after {@link peekGroup} returned a group. */
  topKey(): number {
    return this.#keys[0] as number;
  }

  #pop(): void {
    const keys = this.#keys;
    const groups = this.#groups;
    const stamps = this.#stamps;
    const lastKey = keys.pop() as number;
    const lastGroup = groups.pop() as number;
    const lastStamp = stamps.pop() as number;
    const n = keys.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n) {
        const lk = keys[left] as number;
        const rk = keys[right] as number;
        if (rk < lk || (rk === lk && (groups[right] as number) < (groups[left] as number))) child = right;
      }
      const ck = keys[child] as number;
      const cg = groups[child] as number;
      if (lastKey < ck || (lastKey === ck && lastGroup <= cg)) break;
      keys[i] = ck;
      groups[i] = cg;
      stamps[i] = stamps[child] as number;
      i = child;
    }
    keys[i] = lastKey;
    groups[i] = lastGroup;
    stamps[i] = lastStamp;
  }
}

const SOURCE = 0;
const SINK = KIND_COUNT + 1;
const NODE_COUNT = KIND_COUNT + 2;

/**
 * Pushes `units` units of flow at minimum total cost.
 * @param problem - groups with sorted pools, kind caps and the number of units
 * @returns `used[g][k]`: how many of the cheapest rows of each pool are chosen, or `null`
 *   when fewer than `units` units fit (the caller normally checks feasibility first)
 */
export function minCostPooledFlow(problem: PooledFlowProblem): number[][] | null {
  const { groups, kindCaps, units } = problem;
  const groupCount = groups.length;
  const only = groups[0];
  if (groupCount === 1 && only !== undefined && only.cap >= units) return greedyOneGroup(only, kindCaps, units);
  const used: number[][] = groups.map(() => new Array<number>(KIND_COUNT).fill(0));
  const through = new Array<number>(groupCount).fill(0);
  const kindFlow = new Array<number>(KIND_COUNT).fill(0);
  const stamps = new Int32Array(groupCount);

  const sourceHeaps = Array.from({ length: KIND_COUNT }, () => new LazyHeap());
  // moveHeaps[k * KIND_COUNT + k2]: move one unit inside a group from kind k to kind k2.
  const moveHeaps = Array.from({ length: KIND_COUNT * KIND_COUNT }, () => new LazyHeap());

  const refresh = (g: number): void => {
    const stamp = (stamps[g] as number) + 1;
    stamps[g] = stamp;
    const group = groups[g] as FlowGroup;
    const u = used[g] as number[];
    const open = (through[g] as number) < group.cap;
    for (let k = 0; k < KIND_COUNT; k++) {
      const pool = group.pools[k] as ArrayLike<number>;
      const uk = u[k] as number;
      if (open && uk < pool.length) (sourceHeaps[k] as LazyHeap).push(pool[uk] as number, g, stamp);
      if (uk === 0) continue;
      const last = pool[uk - 1] as number;
      for (let k2 = 0; k2 < KIND_COUNT; k2++) {
        if (k2 === k) continue;
        const pool2 = group.pools[k2] as ArrayLike<number>;
        const u2 = u[k2] as number;
        if (u2 < pool2.length) {
          (moveHeaps[k * KIND_COUNT + k2] as LazyHeap).push((pool2[u2] as number) - last, g, stamp);
        }
      }
    }
  };
  for (let g = 0; g < groupCount; g++) refresh(g);

  // Edges of the five-node graph, rebuilt per augmentation (at most 3 + 6 + 3 of them).
  const maxEdges = KIND_COUNT + KIND_COUNT * (KIND_COUNT - 1) + KIND_COUNT;
  const edgeFrom = new Int32Array(maxEdges);
  const edgeTo = new Int32Array(maxEdges);
  const edgeCost = new Float64Array(maxEdges);
  const edgeGroup = new Int32Array(maxEdges);
  let edgeCount = 0;
  const addEdge = (from: number, to: number, cost: number, group: number): void => {
    edgeFrom[edgeCount] = from;
    edgeTo[edgeCount] = to;
    edgeCost[edgeCount] = cost;
    edgeGroup[edgeCount] = group;
    edgeCount++;
  };
  const dist = new Array<number>(NODE_COUNT);
  const predEdge = new Array<number>(NODE_COUNT);
  const path: number[] = [];
  const touched: number[] = [];

  for (let unit = 0; unit < units; unit++) {
    edgeCount = 0;
    for (let k = 0; k < KIND_COUNT; k++) {
      const heap = sourceHeaps[k] as LazyHeap;
      const g = heap.peekGroup(stamps);
      if (g >= 0) addEdge(SOURCE, 1 + k, heap.topKey(), g);
    }
    for (let k = 0; k < KIND_COUNT; k++) {
      for (let k2 = 0; k2 < KIND_COUNT; k2++) {
        if (k2 === k) continue;
        const heap = moveHeaps[k * KIND_COUNT + k2] as LazyHeap;
        const g = heap.peekGroup(stamps);
        if (g >= 0) addEdge(1 + k, 1 + k2, heap.topKey(), g);
      }
      if ((kindFlow[k] as number) < (kindCaps[k] as number)) addEdge(1 + k, SINK, 0, -1);
    }

    dist.fill(Number.POSITIVE_INFINITY);
    predEdge.fill(-1);
    dist[SOURCE] = 0;
    for (let round = 0; round < NODE_COUNT - 1; round++) {
      let changed = false;
      for (let e = 0; e < edgeCount; e++) {
        const from = edgeFrom[e] as number;
        const d = dist[from] as number;
        if (d === Number.POSITIVE_INFINITY) continue;
        const to = edgeTo[e] as number;
        const nd = d + (edgeCost[e] as number);
        if (nd < (dist[to] as number)) {
          dist[to] = nd;
          predEdge[to] = e;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (dist[SINK] === Number.POSITIVE_INFINITY) return null;

    // Walk back from the sink; at most NODE_COUNT - 1 edges on a simple path.
    path.length = 0;
    for (let node = SINK, steps = 0; node !== SOURCE; steps++) {
      const e = predEdge[node] as number;
      if (e < 0 || steps >= NODE_COUNT) throw new Error('min-cost flow: broken predecessor chain');
      path.push(e);
      node = edgeFrom[e] as number;
    }
    touched.length = 0;
    for (let i = path.length - 1; i >= 0; i--) {
      const e = path[i] as number;
      const from = edgeFrom[e] as number;
      const to = edgeTo[e] as number;
      const g = edgeGroup[e] as number;
      if (to === SINK) {
        kindFlow[from - 1] = (kindFlow[from - 1] as number) + 1;
        continue;
      }
      const u = used[g] as number[];
      if (from === SOURCE) {
        through[g] = (through[g] as number) + 1;
      } else {
        u[from - 1] = (u[from - 1] as number) - 1;
      }
      u[to - 1] = (u[to - 1] as number) + 1;
      if (!touched.includes(g)) touched.push(g);
    }
    for (const g of touched) refresh(g);
  }
  return used;
}

/**
 * One uncapped group: the constraints form a partition matroid (each kind capped, total =
 * `units`), so taking the cheapest unit among the pool heads, `units` times, is optimal.
 * Equal costs go to the lower kind index (dual-capable first).
 */
function greedyOneGroup(group: FlowGroup, kindCaps: readonly number[], units: number): number[][] | null {
  const used = new Array<number>(KIND_COUNT).fill(0);
  for (let unit = 0; unit < units; unit++) {
    let bestKind = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let k = 0; k < KIND_COUNT; k++) {
      const pool = group.pools[k] as ArrayLike<number>;
      const u = used[k] as number;
      if (u >= pool.length || u >= (kindCaps[k] as number)) continue;
      const cost = pool[u] as number;
      if (bestKind < 0 || cost < bestCost) {
        bestKind = k;
        bestCost = cost;
      }
    }
    if (bestKind < 0) return null;
    used[bestKind] = (used[bestKind] as number) + 1;
  }
  return [used];
}
