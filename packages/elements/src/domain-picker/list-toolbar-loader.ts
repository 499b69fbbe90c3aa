/**
 * Loads the sort and filter controls (list-toolbar.ts) once the list has rows: nothing shows
 * them before, so they stay out of the first load. Internal.
 */

/** The lazily loaded toolbar module. */
export type ListToolbar = typeof import('./list-toolbar.ts');

let loaded: ListToolbar | null = null;
let loading: Promise<ListToolbar> | null = null;

/**
 * Loads the toolbar (once; a failed load is tried again on the next call).
 * @returns the module
 */
export function loadListToolbar(): Promise<ListToolbar> {
  loading ??= import('./list-toolbar.ts').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** @returns the toolbar module once {@link loadListToolbar} resolved, else null */
export const loadedListToolbar = (): ListToolbar | null => loaded;
