/**
 * Render coalescing for `<peeker-domain-picker>` while names are being checked. Internal.
 *
 * Answers land batch by batch, often several per frame. The first render waits only for a
 * task of its own (answers delivered in microtasks all land before it), later ones for the
 * next animation frame, so there is at most one render per frame, always before that frame's
 * paint. Without checks running, updates run at once as usual.
 */

/** Longest wait for a frame: hidden tabs run none, and rendering must not stall there. */
const FRAME_FALLBACK_MS = 100;

/**
 * @returns a promise that resolves at the start of the next animation frame, or after
 *   {@link FRAME_FALLBACK_MS} when no frame runs (a hidden tab)
 */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      resolve();
    };
    const frame = requestAnimationFrame(done);
    const timer = setTimeout(done, FRAME_FALLBACK_MS);
  });
}

/** @returns a promise that resolves in a task of its own, after every queued microtask */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

/**
 * Decides when a Lit update runs: at once when idle, coalesced to one per frame while busy.
 *
 * @example
 * ```ts
 * protected override scheduleUpdate() {
 *   return this.#frames.schedule(this.#busy, () => super.scheduleUpdate());
 * }
 * ```
 */
export class FrameScheduler {
  /** A render ran while busy since the last frame started: the next one waits for a frame. */
  #framed = false;

  /**
   * @param busy - whether checks are running (coalesce) or not (run at once)
   * @param update - the element's own `scheduleUpdate`
   * @returns what `update` returns, possibly after a wait (Lit awaits it in `updateComplete`)
   */
  schedule(busy: boolean, update: () => void | Promise<unknown>): void | Promise<unknown> {
    if (!busy) return update();
    return (this.#framed ? nextFrame() : nextTask()).then(() => {
      if (!this.#framed) {
        this.#framed = true;
        void nextFrame().then(() => (this.#framed = false));
      }
      return update();
    });
  }
}
