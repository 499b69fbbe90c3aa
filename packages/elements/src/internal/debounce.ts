/**
 * A restartable one-shot timer: `schedule` replaces any pending call. Internal to
 * `@peeker/elements`; never exported from the package.
 */
export class Debouncer {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #fn: (() => void) | undefined;
  #waiters: Array<() => void> = [];

  /** Whether a call is waiting to run. */
  get pending(): boolean {
    return this.#fn !== undefined;
  }

  /**
   * Runs `fn` after `ms` milliseconds unless another call is scheduled first.
   * @param fn - the call to run
   * @param ms - delay; 0 or less still runs asynchronously
   */
  schedule(fn: () => void, ms: number): void {
    clearTimeout(this.#timer);
    this.#fn = fn;
    this.#timer = setTimeout(() => this.flush(), Math.max(0, ms));
  }

  /** Runs the pending call now, if any. */
  flush(): void {
    clearTimeout(this.#timer);
    const fn = this.#fn;
    this.#fn = undefined;
    this.#timer = undefined;
    fn?.();
    this.#release();
  }

  /** Drops the pending call without running it. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#fn = undefined;
    this.#timer = undefined;
    this.#release();
  }

  /**
   * Resolves once nothing is pending (immediately when nothing is).
   * @returns a promise that never rejects
   */
  idle(): Promise<void> {
    if (!this.pending) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #release(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }
}
