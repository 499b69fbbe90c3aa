/**
 * Loads the sort and filter controls (list-toolbar.ts) once the list has rows: nothing shows
 * them before, so they stay out of the first load. Internal.
 */
import { lazyModule } from '../internal/lazy-module.ts';

/** The lazily loaded toolbar module. */
export type ListToolbar = typeof import('./list-toolbar.ts');

const toolbar = lazyModule<ListToolbar>(() => import('./list-toolbar.ts'));

/** Loads the toolbar (once; a failed load is tried again on the next call). */
export const loadListToolbar = (): Promise<ListToolbar> => toolbar.load();

/** @returns the toolbar module once {@link loadListToolbar} resolved, else null */
export const loadedListToolbar = (): ListToolbar | null => toolbar.loaded();
