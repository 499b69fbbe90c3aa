/**
 * "Nothing answers at that address": the failures after which more requests to the same
 * place cannot succeed either. Internal: never exported from the package.
 */

/** The error code transports use when the endpoint cannot be connected to at all. */
export const UNREACHABLE = 'unreachable';

/** Node / undici error codes of a connection that never opened (refused, no such host, no route). */
const UNREACHABLE_CAUSES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

/**
 * The system error code of `error` or of any error in its `cause` chain (undici's `fetch`
 * wraps the socket error in `TypeError('fetch failed', { cause })`).
 * @param error - anything thrown
 * @returns the first `code` that names an unreachable endpoint, else undefined
 */
export function unreachableCause(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && UNREACHABLE_CAUSES.has(code)) return code;
    const nested = (current as { errors?: unknown }).errors; // AggregateError of happy-eyeballs attempts
    if (Array.isArray(nested)) {
      for (const inner of nested) {
        const found = unreachableCause(inner);
        if (found !== undefined) return found;
      }
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
