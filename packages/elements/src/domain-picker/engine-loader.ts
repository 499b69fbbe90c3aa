import { PeekerError } from '@peeker/core';

/** The lazily loaded solver module. */
export type Solver = typeof import('./solve-relaxed.ts');

let loaded: Solver | null = null;
let loading: Promise<Solver> | null = null;

/**
 * Loads the solver (once; a failed load is tried again on the next call).
 * @returns the solver module
 * @throws PeekerError `load_failed` (retryable) when the chunk cannot be fetched
 */
export function loadSolver(): Promise<Solver> {
  loading ??= import('./solve-relaxed.ts').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null;
      throw new PeekerError('load_failed', 'The solver could not be loaded', { cause: error, retryable: true });
    },
  );
  return loading;
}

/** @returns the solver once {@link loadSolver} resolved, else null */
export const loadedSolver = (): Solver | null => loaded;
