/** Matching `METHOD /path` against the route table. */
import type { Route } from './sandbox-context.ts';

interface Compiled {
  route: Route;
  regex: RegExp;
  names: string[];
}

/** The route table, compiled. */
export interface Router {
  /**
   * @returns the matching route and its parameters; `methodMismatch` when the path exists
   *   for other methods; `undefined` when no path matches
   */
  match(method: string, path: string): { route: Route; params: Record<string, string>; name: string } | { methodMismatch: string[] } | undefined;
}

/**
 * @param routes - routes in priority order (literal paths before `{id}` ones)
 * @returns the router
 */
export function createRouter(routes: readonly Route[]): Router {
  const compiled: Compiled[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.pattern.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}|\{(\w+)\}/g, (_m, a: string | undefined, b: string | undefined) => {
      names.push((a ?? b) as string);
      return '([^/]+)';
    });
    return { route, regex: new RegExp(`^${source}/?$`), names };
  });
  return {
    match(method, path) {
      const allowed: string[] = [];
      for (const c of compiled) {
        const m = c.regex.exec(path);
        if (m === null) continue;
        if (c.route.method !== method) {
          allowed.push(c.route.method);
          continue;
        }
        const params: Record<string, string> = {};
        c.names.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1] as string);
        });
        return { route: c.route, params, name: `${c.route.method} ${c.route.pattern}` };
      }
      return allowed.length > 0 ? { methodMismatch: allowed } : undefined;
    },
  };
}
