/**
 * Combining abort signals, browser-safe. Internal: never exported from the package.
 */

/** A combined signal plus a function that detaches its listeners once it is no longer needed. */
export interface LinkedSignal {
  /** Aborts (with the first reason) as soon as any input signal aborts. */
  signal: AbortSignal;
  /** Removes the listeners the fallback added; harmless to call more than once. */
  dispose: () => void;
}

/**
 * `AbortSignal.any(signals)` where the runtime has it (Chrome 116, Firefox 124, Safari 17.4,
 * Node 20.3), else an `AbortController` wired to every input by hand.
 * @param signals - the signals to combine
 * @param native - the native implementation to prefer; pass `undefined` to force the fallback (tests)
 * @returns the combined signal and a dispose function
 */
export function anySignal(
  signals: readonly AbortSignal[],
  native: ((signals: AbortSignal[]) => AbortSignal) | undefined = typeof AbortSignal.any === 'function'
    ? (list) => AbortSignal.any(list)
    : undefined,
): LinkedSignal {
  if (native !== undefined) return { signal: native([...signals]), dispose: () => undefined };
  const controller = new AbortController();
  const already = signals.find((s) => s.aborted);
  if (already !== undefined) {
    controller.abort(already.reason);
    return { signal: controller.signal, dispose: () => undefined };
  }
  const listeners: Array<[AbortSignal, () => void]> = [];
  const dispose = (): void => {
    for (const [s, l] of listeners) s.removeEventListener('abort', l);
    listeners.length = 0;
  };
  for (const s of signals) {
    const listener = (): void => {
      dispose();
      controller.abort(s.reason);
    };
    listeners.push([s, listener]);
    s.addEventListener('abort', listener, { once: true });
  }
  return { signal: controller.signal, dispose };
}
