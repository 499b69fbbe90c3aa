/**
 * A module loaded on first use: `load()` imports it once (a failed load is tried again on the
 * next call), `loaded()` answers synchronously once it has arrived. Internal.
 */
export interface LazyModule<T> {
  load(): Promise<T>;
  loaded(): T | null;
}

/**
 * @param importer - a function that dynamically imports a sibling module by a literal
 *   specifier (so bundlers split it into its own chunk)
 * @param onError - turns a load failure into the error to throw (default: the failure itself)
 * @returns the lazy module
 */
export function lazyModule<T>(importer: () => Promise<T>, onError: (error: unknown) => unknown = (error) => error): LazyModule<T> {
  let module: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    load() {
      loading ??= importer().then(
        (value) => (module = value),
        (error: unknown) => {
          loading = null;
          throw onError(error);
        },
      );
      return loading;
    },
    loaded: () => module,
  };
}
