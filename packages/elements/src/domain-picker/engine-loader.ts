import { PeekerError } from '@peeker/core';
import { lazyModule } from '../internal/lazy-module.ts';

/** The lazily loaded pick engine (candidate generation and the solver). */
export type Engine = typeof import('./picker-engine.ts');

const engine = lazyModule<Engine>(
  () => import('./picker-engine.ts'),
  (error) => new PeekerError('load_failed', 'The domain search could not be loaded', { cause: error, retryable: true }),
);

/**
 * Loads the pick engine (once; a failed load is tried again on the next call).
 * @returns the engine module
 * @throws PeekerError `load_failed` (retryable) when the chunk cannot be fetched
 */
export const loadEngine = (): Promise<Engine> => engine.load();

/** @returns the engine once {@link loadEngine} resolved, else null */
export const loadedEngine = (): Engine | null => engine.loaded();
