import { PeekerError } from '@peeker/core';

/** The lazily loaded pick engine (candidate generation and the solver). */
export type Engine = typeof import('./picker-engine.ts');

let loaded: Engine | null = null;
let loading: Promise<Engine> | null = null;

/**
 * Loads the pick engine (once; a failed load is tried again on the next call).
 * @returns the engine module
 * @throws PeekerError `load_failed` (retryable) when the chunk cannot be fetched
 */
export function loadEngine(): Promise<Engine> {
  loading ??= import('./picker-engine.ts').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null;
      throw new PeekerError('load_failed', 'The domain search could not be loaded', { cause: error, retryable: true });
    },
  );
  return loading;
}

/** @returns the engine once {@link loadEngine} resolved, else null */
export const loadedEngine = (): Engine | null => loaded;
