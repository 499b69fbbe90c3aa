/**
 * A FIFO counting semaphore with abortable waits. Internal: never exported from the package.
 */

/** At most `limit` holders at once; waiters are served in arrival order. */
export interface Semaphore {
  /**
   * Waits for a free slot.
   * @param signal - aborts the wait (the caller then holds nothing)
   * @returns a release function; call it exactly once
   * @throws `signal.reason` when aborted before a slot was free
   */
  acquire(signal: AbortSignal): Promise<() => void>;
  /** How many slots are held right now. */
  readonly active: number;
}

/**
 * Creates a semaphore.
 * @param limit - slots, an integer ≥ 1
 * @returns the semaphore
 */
export function createSemaphore(limit: number): Semaphore {
  let active = 0;
  const queue: Array<{ grant: () => void }> = [];

  const makeRelease = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      if (next === undefined) active -= 1;
      else next.grant(); // hand the slot over directly: `active` stays the same
    };
  };

  return {
    get active() {
      return active;
    },
    acquire(signal) {
      if (signal.aborted) return Promise.reject(signal.reason);
      if (active < limit) {
        active += 1;
        return Promise.resolve(makeRelease());
      }
      return new Promise((resolve, reject) => {
        const entry = {
          grant: () => {
            signal.removeEventListener('abort', onAbort);
            resolve(makeRelease());
          },
        };
        const onAbort = (): void => {
          const index = queue.indexOf(entry);
          if (index !== -1) queue.splice(index, 1);
          reject(signal.reason);
        };
        queue.push(entry);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
