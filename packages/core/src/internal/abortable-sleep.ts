/**
 * Abort-aware waiting for the availability checker and the fetch transport.
 * Internal: never exported from the package.
 */

/**
 * Waits `ms` milliseconds with `setTimeout`, or rejects with `signal.reason` as soon as the
 * signal aborts (the timer is cleared). This is the default `sleep` of the checker.
 * @param ms - how long to wait; negative or NaN counts as 0
 * @param signal - aborts the wait
 * @returns a promise that resolves after the delay
 * @throws `signal.reason` when aborted (also when already aborted on entry)
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms > 0 ? ms : 0);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles like `promise`, unless `signal` aborts first: then rejects with `signal.reason`.
 * Used around injected `sleep` functions and transports that may ignore their signal, so an
 * abort always interrupts the wait. The listener is removed once either side settles.
 * @param promise - the work to wait for
 * @param signal - aborts the wait (not the work)
 * @returns the promise's value
 * @throws `signal.reason` on abort, or whatever `promise` rejects with
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      promise.catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
