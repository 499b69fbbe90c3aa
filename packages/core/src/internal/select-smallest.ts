/**
 * Partial selection: the `limit` smallest items of a list under a total order, sorted.
 * Internal: never exported from the package. (Written with the selection solver.)
 */

/**
 * Returns the `limit` smallest items of `items` under `compare`, sorted ascending. Runs in
 * O(n log limit) with a bounded max-heap, so picking 2,000 of 100,000 rows costs about one
 * comparison per rejected row instead of a full sort. With a total order (no two items
 * compare equal) the result does not depend on the order of `items`.
 *
 * @param items - the candidates (not mutated)
 * @param limit - how many to keep (`Infinity` keeps all)
 * @param compare - a total order, negative when `a` comes first
 * @returns a new sorted array of at most `limit` items
 */
export function selectSmallest<T>(
  items: readonly T[],
  limit: number,
  compare: (a: T, b: T) => number,
): T[] {
  if (limit <= 0) return [];
  if (items.length <= limit) return items.slice().sort(compare);
  // Max-heap of the best `limit` so far; heap[0] is the worst kept item.
  const heap: T[] = [];
  const siftUp = (index: number): void => {
    let i = index;
    const item = heap[i] as T;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as T;
      if (compare(p, item) >= 0) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
  };
  const siftDown = (): void => {
    const n = heap.length;
    let i = 0;
    const item = heap[0] as T;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && compare(heap[right] as T, heap[left] as T) > 0) child = right;
      const c = heap[child] as T;
      if (compare(c, item) <= 0) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = item;
  };
  for (const item of items) {
    if (heap.length < limit) {
      heap.push(item);
      siftUp(heap.length - 1);
    } else if (compare(item, heap[0] as T) < 0) {
      heap[0] = item;
      siftDown();
    }
  }
  return heap.sort(compare);
}
